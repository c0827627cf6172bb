package io.camelklaviyo.auth;

import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OAuth options in the generated component descriptor, which tooling and the Spring Boot starter read: documented,
 * under security, the tokens and the client secret marked secret (so that Camel masks them in URIs and tooling hides
 * them).
 */
class OAuthOptionsMetadataTest {

    @Test
    void oauthOptionsAreDocumentedSecurityOptionsAndTheSecretsAreSecret() throws Exception {
        JsonNode options;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/camelklaviyo/klaviyo.json")) {
            assertThat(in).as("generated component descriptor").isNotNull();
            options = new ObjectMapper().readTree(in).get("componentProperties");
        }

        for (String option : new String[] { "accessToken", "refreshToken", "clientId", "clientSecret", "oauthTokenUrl",
                "tokenRefreshSkew", "tokenStore" }) {
            assertThat(options.has(option)).as(option).isTrue();
            assertThat(options.get(option).get("description").asText()).as(option).isNotBlank();
            assertThat(options.get(option).get("label").asText()).as(option).contains("security");
        }
        for (String secret : new String[] { "accessToken", "refreshToken", "clientSecret" }) {
            assertThat(options.get(secret).get("secret").asBoolean()).as(secret).isTrue();
        }
        assertThat(options.get("clientId").get("secret").asBoolean()).isFalse();
        assertThat(options.get("oauthTokenUrl").get("defaultValue").asText())
                .isEqualTo("https://a.klaviyo.com/oauth/token");
        assertThat(options.get("tokenRefreshSkew").get("type").asText()).isEqualTo("duration");
        assertThat(options.get("tokenRefreshSkew").get("defaultValue").asText()).isEqualTo("60000");
        assertThat(options.get("tokenStore").get("autowired").asBoolean()).isTrue();
    }
}
