package io.camelklaviyo.retry;

import java.io.InputStream;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retry, timeout, proxy and TLS options in the generated component descriptor: documented, with their defaults,
 * credentials secret, and the per-call options overridable on an endpoint.
 */
class RetryOptionsMetadataTest {

    private static final Map<String, String> DEFAULTS = Map.of("maxRetries", "3", "retryInitialDelay", "500",
            "retryMaxDelay", "60000", "retryMultiplier", "1.5", "retryJitter", "0.5", "retryStatuses",
            "429,503,504,524", "requestTimeout", "120000");

    @Test
    void retryAndTimeoutOptionsAreComponentDefaultsWithEndpointOverrides() throws Exception {
        JsonNode descriptor = descriptor();
        DEFAULTS.forEach((option, value) -> {
            for (String level : new String[] { "componentProperties", "properties" }) {
                JsonNode property = descriptor.get(level).get(option);
                assertThat(property).as("%s %s", level, option).isNotNull();
                assertThat(property.get("defaultValue").asText()).as(option).isEqualTo(value);
                assertThat(property.get("description").asText()).as(option).isNotBlank();
            }
        });
        assertThat(descriptor.get("componentProperties").get("requestTimeout").get("type").asText())
                .isEqualTo("duration");
    }

    @Test
    void proxyAndTlsOptionsBelongToTheComponentAndItsCredentialsAreSecret() throws Exception {
        JsonNode component = descriptor().get("componentProperties");
        JsonNode endpoint = descriptor().get("properties");
        for (String option : new String[] { "proxyHost", "proxyPort", "proxyUsername", "proxyPassword",
                "sslContextParameters", "useGlobalSslContextParameters" }) {
            assertThat(component.get(option)).as(option).isNotNull();
            assertThat(component.get(option).get("description").asText()).as(option).isNotBlank();
            assertThat(endpoint.has(option)).as("endpoint option " + option).isFalse();
        }
        assertThat(component.get("proxyPassword").get("secret").asBoolean()).isTrue();
        assertThat(component.get("proxyUsername").get("secret").asBoolean()).isTrue();
        assertThat(component.get("useGlobalSslContextParameters").get("defaultValue").asBoolean()).isFalse();
    }

    private static JsonNode descriptor() throws Exception {
        try (InputStream in = RetryOptionsMetadataTest.class.getResourceAsStream(
                "/META-INF/io/camelklaviyo/klaviyo.json")) {
            assertThat(in).as("generated component descriptor").isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }
}
