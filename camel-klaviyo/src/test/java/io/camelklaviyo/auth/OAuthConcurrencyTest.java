package io.camelklaviyo.auth;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One refresh at a time: exchanges that find the token expired while a refresh runs wait for that refresh rather
 * than start their own (a second refresh would present the refresh token the first one just replaced).
 */
class OAuthConcurrencyTest extends OAuthStandIn {

    @TempDir
    Path directory;

    @Test
    void fiftyConcurrentExchangesWithAnExpiredTokenMakeOneTokenRequest() throws Exception {
        FileTokenStore store = new FileTokenStore(directory.resolve("tokens.properties"));
        store.save(CLIENT_ID + "/" + Fingerprint.of(REFRESH_TOKEN),
                new OAuthTokens("at_expired", "rt_stored", Instant.now().minusSeconds(60)));
        store.saved.clear();
        component.getConfiguration().setTokenStore(store);
        // slow enough that all fifty exchanges ask for a token while the refresh runs
        klaviyo.stubFor(post(urlPathEqualTo(TOKEN_PATH)).withFormParam("refresh_token", equalTo("rt_stored"))
                .willReturn(tokens("at_new", "rt_new", 3600).withFixedDelay(500)));
        klaviyo.stubFor(get(urlPathEqualTo("/api/profiles")).willReturn(profiles()));
        // two endpoints of the component share the installation's session
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:even").to("klaviyo:profiles/list");
                from("direct:odd").to("klaviyo:profiles/list?pageSize=20");
            }
        });

        List<CompletableFuture<Exchange>> exchanges = IntStream.range(0, 50)
                .mapToObj(i -> template.asyncSend(i % 2 == 0 ? "direct:even" : "direct:odd", e -> {
                })).toList();
        CompletableFuture.allOf(exchanges.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        assertThat(exchanges).allSatisfy(exchange -> assertThat(exchange.get().getException()).isNull());
        assertThat(tokenRequests()).hasSize(1);
        assertThat(presentedRefreshTokens()).containsExactly("rt_stored");
        assertThat(apiAuthorizations()).hasSize(50).containsOnly("Bearer at_new");
        assertThat(store.saved).extracting(OAuthTokens::refreshToken).containsExactly("rt_new");
    }

    @Test
    void concurrent401sShareOneRefresh() throws Exception {
        component.getConfiguration().setAccessToken("at_revoked");
        klaviyo.stubFor(get(urlPathEqualTo("/api/profiles")).withHeader("Authorization", equalTo("Bearer at_revoked"))
                .willReturn(unauthorized()));
        klaviyo.stubFor(get(urlPathEqualTo("/api/profiles")).withHeader("Authorization", equalTo("Bearer at_1"))
                .willReturn(profiles()));
        klaviyo.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .willReturn(tokens("at_1", "rt_1", 3600).withFixedDelay(300)));

        List<CompletableFuture<Exchange>> exchanges = IntStream.range(0, 20)
                .mapToObj(i -> template.asyncSend("klaviyo:profiles/list", e -> {
                })).toList();
        CompletableFuture.allOf(exchanges.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        assertThat(exchanges).allSatisfy(exchange -> assertThat(exchange.get().getException()).isNull());
        assertThat(tokenRequests()).hasSize(1);
        assertThat(apiAuthorizations()).filteredOn("Bearer at_1"::equals).hasSize(20);
    }
}
