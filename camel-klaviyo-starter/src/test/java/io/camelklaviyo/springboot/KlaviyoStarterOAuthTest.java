package io.camelklaviyo.springboot;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.camelklaviyo.KlaviyoComponent;
import io.camelklaviyo.KlaviyoConfiguration;
import io.camelklaviyo.auth.KlaviyoTokenStore;
import io.camelklaviyo.auth.OAuthTokens;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OAuth from {@code camel.component.klaviyo.*}: the tokens and client credentials, the refresh skew as a Duration,
 * and a token store by bean reference (two stores in the context, so that the reference, not autowiring, decides).
 */
@CamelSpringBootTest
@SpringBootTest(classes = KlaviyoStarterOAuthTest.TestApplication.class,
                properties = {
                        "camel.component.klaviyo.client-id=starter-app",
                        "camel.component.klaviyo.client-secret=cs_starter_secret",
                        "camel.component.klaviyo.refresh-token=rt_starter_token",
                        "camel.component.klaviyo.token-refresh-skew=30s",
                        "camel.component.klaviyo.token-store=#bean:durableTokens" })
@DirtiesContext
class KlaviyoStarterOAuthTest {

    @Autowired
    private CamelContext camelContext;
    @Autowired
    private KlaviyoTokenStore durableTokens;

    @Test
    void oauthOptionsAndTheReferencedTokenStoreReachTheComponent() {
        KlaviyoConfiguration configuration = camelContext.getComponent("klaviyo", KlaviyoComponent.class)
                .getConfiguration();

        assertThat(configuration.getClientId()).isEqualTo("starter-app");
        assertThat(configuration.getClientSecret()).isEqualTo("cs_starter_secret");
        assertThat(configuration.getRefreshToken()).isEqualTo("rt_starter_token");
        assertThat(configuration.getTokenRefreshSkew()).isEqualTo(30_000L);
        assertThat(configuration.getOauthTokenUrl()).isEqualTo("https://a.klaviyo.com/oauth/token");
        assertThat(configuration.getTokenStore()).isSameAs(durableTokens);
        assertThat(configuration.toString()).doesNotContain("cs_starter_secret").doesNotContain("rt_starter_token");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class TestApplication {

        @Bean
        KlaviyoTokenStore durableTokens() {
            return new MapStore();
        }

        @Bean
        KlaviyoTokenStore otherTokens() {
            return new MapStore();
        }
    }

    static final class MapStore implements KlaviyoTokenStore {

        private final Map<String, OAuthTokens> tokens = new ConcurrentHashMap<>();

        @Override
        public Optional<OAuthTokens> load(String installation) {
            return Optional.ofNullable(tokens.get(installation));
        }

        @Override
        public void save(String installation, OAuthTokens saved) {
            tokens.put(installation, saved);
        }
    }
}
