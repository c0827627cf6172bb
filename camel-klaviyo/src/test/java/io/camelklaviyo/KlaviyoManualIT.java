package io.camelklaviyo;

import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read-only calls against the real Klaviyo API. Runs in `./mvnw verify` only when KLAVIYO_API_KEY is set; it changes
 * nothing in the account.
 */
@EnabledIfEnvironmentVariable(named = "KLAVIYO_API_KEY", matches = ".+")
class KlaviyoManualIT {

    private static CamelContext context;
    private static ProducerTemplate template;

    @BeforeAll
    static void start() {
        context = new DefaultCamelContext();
        KlaviyoComponent component = new KlaviyoComponent();
        component.getConfiguration().setApiKey(System.getenv("KLAVIYO_API_KEY"));
        context.addComponent("klaviyo", component);
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterAll
    static void stop() {
        context.stop();
    }

    @Test
    void readsTheAccount() {
        Exchange result = template.request("klaviyo:accounts/list", e -> {
        });

        assertThat(result.getException()).isNull();
        assertThat((List<?>) result.getMessage().getBody(Map.class).get("data")).isNotEmpty();
        assertThat(result.getMessage().getHeader(KlaviyoConstants.RATE_LIMIT_LIMIT)).isNotNull();
    }

    @Test
    void pagesThroughProfilesWithAFilter() {
        Exchange result = template.request("klaviyo:profiles/list?pageSize=5&fields.profile=email", e -> e.getMessage()
                .setHeader(KlaviyoConstants.FILTER, "greater-than(updated,2000-01-01T00:00:00Z)"));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(KlaviyoConstants.HTTP_STATUS)).isEqualTo(200);
    }

    @Test
    void anInvalidCursorIsAKlaviyoApiException() {
        Exchange result = template.request("klaviyo:profiles/list?pageCursor=not-a-cursor", e -> {
        });

        assertThat(result.getException()).isInstanceOfSatisfying(KlaviyoApiException.class,
                failure -> assertThat(failure.getStatusCode()).isEqualTo(400));
    }
}
