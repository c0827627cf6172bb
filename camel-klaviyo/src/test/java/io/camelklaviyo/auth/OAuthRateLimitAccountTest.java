package io.camelklaviyo.auth;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelklaviyo.KlaviyoComponent;
import io.camelklaviyo.operation.Operation;
import io.camelklaviyo.ratelimit.KlaviyoRateLimiter;
import io.camelklaviyo.ratelimit.RateLimitBudget;
import io.camelklaviyo.request.KlaviyoRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Klaviyo gives each installation of an OAuth app a rate-limit quota of its own: the rate limiter counts OAuth calls
 * under the installation (client id and a fingerprint of the refresh token, never a token), /client calls still under
 * the public key.
 */
class OAuthRateLimitAccountTest extends OAuthStandIn {

    @Test
    void oauthCallsCountUnderTheInstallationAndClientCallsUnderThePublicKey() throws Exception {
        List<String> accounts = new CopyOnWriteArrayList<>();
        KlaviyoRateLimiter recorder = new KlaviyoRateLimiter() {
            @Override
            public CompletableFuture<RateLimitBudget> acquire(String account, Operation operation,
                                                              KlaviyoRequest request) {
                accounts.add(account);
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public RateLimitBudget budget(String account, Operation operation, KlaviyoRequest request) {
                return null;
            }
        };
        klaviyo.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(tokens("at_1", "rt_1", 3600)));
        klaviyo.stubFor(get(urlPathEqualTo("/api/profiles")).willReturn(profiles()));
        klaviyo.stubFor(any(urlPathMatching("/client/.*")).willReturn(aResponse().withStatus(202)));
        CamelContext limited = new DefaultCamelContext();
        KlaviyoComponent oauth = new KlaviyoComponent();
        oauth.setConfiguration(component.getConfiguration().copy());
        oauth.setRateLimiter(recorder);
        limited.addComponent("klaviyo", oauth);
        limited.start();
        try {
            ProducerTemplate producer = limited.createProducerTemplate();
            assertThat(producer.request("klaviyo:profiles/list", e -> {
            }).getException()).isNull();
            assertThat(producer.request("klaviyo:client-events/create", e -> e.getMessage().setBody(Map.of(
                    "properties", Map.of(), "metric", Map.of("data", Map.of("type", "metric",
                            "attributes", Map.of("name", "Viewed Product"))),
                    "profile", Map.of("data", Map.of("type", "profile",
                            "attributes", Map.of("email", "jane@example.com")))))).getException()).isNull();
        } finally {
            limited.stop();
        }

        assertThat(accounts).containsExactly("oauth:" + CLIENT_ID + "/" + Fingerprint.of(REFRESH_TOKEN),
                "public-key:" + PUBLIC_KEY);
        assertThat(accounts.get(0)).doesNotContain(REFRESH_TOKEN).doesNotContain("rt_1").doesNotContain("at_1")
                .doesNotContain(CLIENT_SECRET);
    }
}
