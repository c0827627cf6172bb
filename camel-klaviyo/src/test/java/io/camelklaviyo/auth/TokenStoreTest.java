package io.camelklaviyo.auth;

import java.nio.file.Path;
import java.time.Instant;

import io.camelklaviyo.KlaviyoComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Klaviyo replaces the refresh token on every refresh: the token store receives the new one, and a restarted
 * application (a new component) continues with it rather than the configured one that no longer works.
 */
class TokenStoreTest extends OAuthStandIn {

    @TempDir
    Path directory;

    @Test
    void theStoreReceivesTheRotatedRefreshTokenAndARestartContinuesWithIt() throws Exception {
        FileTokenStore store = new FileTokenStore(directory.resolve("klaviyo-tokens.properties"));
        component.getConfiguration().setTokenStore(store);
        // the configured refresh token works once; the rotated one after it
        klaviyo.stubFor(post(urlPathEqualTo(TOKEN_PATH)).withFormParam("refresh_token", equalTo(REFRESH_TOKEN))
                .willReturn(tokens("at_1", "rt_1", 30)));
        klaviyo.stubFor(post(urlPathEqualTo(TOKEN_PATH)).withFormParam("refresh_token", equalTo("rt_1"))
                .willReturn(tokens("at_2", "rt_2", 3600)));
        klaviyo.stubFor(get(urlPathEqualTo("/api/profiles")).willReturn(profiles()));
        Instant before = Instant.now();

        assertThat(template.request("klaviyo:profiles/list", e -> {
        }).getException()).isNull();

        assertThat(store.saved).hasSize(1);
        OAuthTokens saved = store.saved.get(0);
        assertThat(saved.accessToken()).isEqualTo("at_1");
        assertThat(saved.refreshToken()).isEqualTo("rt_1");
        assertThat(saved.expiresAt()).isBetween(before.plusSeconds(29), Instant.now().plusSeconds(31));
        context.stop();

        // the restart: a new context and component, configured with the same (now stale) refresh token
        klaviyo.resetRequests();
        CamelContext restarted = new DefaultCamelContext();
        KlaviyoComponent fresh = new KlaviyoComponent();
        fresh.getConfiguration().setBaseUrl(klaviyo.baseUrl());
        fresh.getConfiguration().setClientId(CLIENT_ID);
        fresh.getConfiguration().setClientSecret(CLIENT_SECRET);
        fresh.getConfiguration().setRefreshToken(REFRESH_TOKEN);
        fresh.getConfiguration().setOauthTokenUrl(klaviyo.baseUrl() + TOKEN_PATH);
        fresh.getConfiguration().setTokenStore(new FileTokenStore(directory.resolve("klaviyo-tokens.properties")));
        restarted.addComponent("klaviyo", fresh);
        restarted.start();
        try {
            // at_1 from the store expires within the skew: the refresh presents the stored rt_1, not the configured one
            Exchange result = restarted.createProducerTemplate().request("klaviyo:profiles/list", e -> {
            });

            assertThat(result.getException()).isNull();
            assertThat(presentedRefreshTokens()).containsExactly("rt_1");
            assertThat(apiAuthorizations()).containsExactly("Bearer at_2");
        } finally {
            restarted.stop();
        }
    }

    @Test
    void aStoredAccessTokenThatIsStillValidIsUsedWithoutARefresh() {
        FileTokenStore store = new FileTokenStore(directory.resolve("tokens.properties"));
        String installation = CLIENT_ID + "/" + Fingerprint.of(REFRESH_TOKEN);
        store.save(installation, new OAuthTokens("at_stored", "rt_stored", Instant.now().plusSeconds(3600)));
        component.getConfiguration().setTokenStore(store);
        klaviyo.stubFor(get(urlPathEqualTo("/api/profiles")).willReturn(profiles()));

        assertThat(template.request("klaviyo:profiles/list", e -> {
        }).getException()).isNull();

        assertThat(apiAuthorizations()).containsExactly("Bearer at_stored");
        assertThat(tokenRequests()).isEmpty();
    }

    @Test
    void aStoreThatFailsToSaveDoesNotFailTheExchange() {
        component.getConfiguration().setTokenStore(new KlaviyoTokenStore() {
            @Override
            public java.util.Optional<OAuthTokens> load(String installation) {
                return java.util.Optional.empty();
            }

            @Override
            public void save(String installation, OAuthTokens tokens) {
                throw new IllegalStateException("disk full");
            }
        });
        klaviyo.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(tokens("at_1", "rt_1", 3600)));
        klaviyo.stubFor(get(urlPathEqualTo("/api/profiles")).willReturn(profiles()));

        assertThat(template.request("klaviyo:profiles/list", e -> {
        }).getException()).isNull();
        assertThat(apiAuthorizations()).containsExactly("Bearer at_1");
    }

    @Test
    void theInMemoryDefaultPrintsNoToken() {
        InMemoryTokenStore store = new InMemoryTokenStore();
        store.save("app/0011223344556677", new OAuthTokens("at_secret", "rt_secret", null));

        assertThat(store.load("app/0011223344556677")).get().extracting(OAuthTokens::refreshToken)
                .isEqualTo("rt_secret");
        assertThat(store.toString()).contains("app/0011223344556677").doesNotContain("at_secret")
                .doesNotContain("rt_secret");
        assertThat(new OAuthTokens("at_secret", "rt_secret", null).toString()).doesNotContain("secret");
    }
}
