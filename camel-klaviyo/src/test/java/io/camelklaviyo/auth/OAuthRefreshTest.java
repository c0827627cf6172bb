package io.camelklaviyo.auth;

import java.util.Map;

import io.camelklaviyo.KlaviyoApiException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * OAuth as Klaviyo's Node SDK does it: Bearer tokens, a refresh before the access token expires, and one refresh
 * followed by one re-send after a 401.
 */
class OAuthRefreshTest extends OAuthStandIn {

    @Test
    void aConfiguredAccessTokenIsSentAsBearerWithoutARefresh() {
        component.getConfiguration().setAccessToken("at_configured_0");
        klaviyo.stubFor(get(urlPathEqualTo("/api/profiles")).willReturn(profiles()));

        Exchange result = template.request("klaviyo:profiles/list", e -> {
        });

        assertThat(result.getException()).isNull();
        assertThat(apiAuthorizations()).containsExactly("Bearer at_configured_0");
        assertThat(tokenRequests()).isEmpty();
    }

    @Test
    void withOnlyARefreshTokenTheFirstCallObtainsAnAccessTokenFromTheTokenEndpoint() {
        klaviyo.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(tokens("at_1", "rt_1", 3600)));
        klaviyo.stubFor(get(urlPathEqualTo("/api/profiles")).willReturn(profiles()));

        Exchange result = template.request("klaviyo:profiles/list", e -> {
        });

        assertThat(result.getException()).isNull();
        klaviyo.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH))
                .withHeader("Authorization", equalTo(basic()))
                .withHeader("Content-Type", com.github.tomakehurst.wiremock.client.WireMock
                        .containing("application/x-www-form-urlencoded"))
                .withFormParam("grant_type", equalTo("refresh_token"))
                .withFormParam("refresh_token", equalTo(REFRESH_TOKEN)));
        assertThat(apiAuthorizations()).containsExactly("Bearer at_1");
    }

    @Test
    void anAccessTokenThatExpiresWithinTheSkewIsRefreshedBeforeItIsSent() {
        // the first access token lives 30 s, less than the 60 s skew: the next call refreshes it first
        klaviyo.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("rotation").whenScenarioStateIs(STARTED)
                .withFormParam("refresh_token", equalTo(REFRESH_TOKEN))
                .willReturn(tokens("at_1", "rt_1", 30)).willSetStateTo("second"));
        klaviyo.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("rotation").whenScenarioStateIs("second")
                .withFormParam("refresh_token", equalTo("rt_1"))
                .willReturn(tokens("at_2", "rt_2", 3600)).willSetStateTo("done"));
        klaviyo.stubFor(get(urlPathEqualTo("/api/profiles")).willReturn(profiles()));

        assertThat(template.request("klaviyo:profiles/list", e -> {
        }).getException()).isNull();
        assertThat(apiAuthorizations()).containsExactly("Bearer at_1");

        assertThat(template.request("klaviyo:profiles/list", e -> {
        }).getException()).isNull();
        assertThat(tokenRequests()).hasSize(2);
        assertThat(apiAuthorizations()).hasSize(2).containsOnly("Bearer at_1", "Bearer at_2")
                .filteredOn("Bearer at_2"::equals).hasSize(1);

        assertThat(template.request("klaviyo:profiles/list", e -> {
        }).getException()).isNull();
        // at_2 lives an hour: no third refresh, and Klaviyo never had to reject a token
        assertThat(tokenRequests()).hasSize(2);
        assertThat(apiAuthorizations()).filteredOn("Bearer at_2"::equals).hasSize(2);
        assertThat(klaviyo.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(anyUrl())))
                .allSatisfy(request -> assertThat(request.getHeader("Authorization")).startsWith("Bearer "));
    }

    @Test
    void a401IsFollowedByOneRefreshAndOneResendWithTheNewToken() {
        component.getConfiguration().setAccessToken("at_revoked");
        klaviyo.stubFor(get(urlPathEqualTo("/api/profiles")).withHeader("Authorization", equalTo("Bearer at_revoked"))
                .willReturn(unauthorized()));
        klaviyo.stubFor(get(urlPathEqualTo("/api/profiles")).withHeader("Authorization", equalTo("Bearer at_1"))
                .willReturn(profiles()));
        klaviyo.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(tokens("at_1", "rt_1", 3600)));

        Exchange result = template.request("klaviyo:profiles/list", e -> {
        });

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(Map.class)).containsKey("data");
        assertThat(apiRequests()).hasSize(2);
        assertThat(apiAuthorizations()).containsExactlyInAnyOrder("Bearer at_revoked", "Bearer at_1");
        assertThat(presentedRefreshTokens()).containsExactly(REFRESH_TOKEN);
    }

    @Test
    void a401AfterTheRefreshIsFinal() {
        component.getConfiguration().setAccessToken("at_revoked");
        klaviyo.stubFor(get(urlPathMatching("/api/.*")).willReturn(unauthorized()));
        klaviyo.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(tokens("at_1", "rt_1", 3600)));

        Exchange result = template.request("klaviyo:profiles/list", e -> {
        });

        assertThat(result.getException()).isInstanceOf(KlaviyoApiException.class);
        assertThat(((KlaviyoApiException) result.getException()).getStatusCode()).isEqualTo(401);
        assertThat(tokenRequests()).hasSize(1);
        assertThat(apiAuthorizations()).containsExactlyInAnyOrder("Bearer at_revoked", "Bearer at_1");
    }

    @Test
    void withoutARefreshTokenA401IsFinalAtOnce() {
        component.getConfiguration().setRefreshToken(null);
        component.getConfiguration().setAccessToken("at_only");
        klaviyo.stubFor(any(anyUrl()).willReturn(unauthorized()));

        Exchange result = template.request("klaviyo:profiles/list", e -> {
        });

        assertThat(result.getException()).isInstanceOf(KlaviyoApiException.class);
        assertThat(apiRequests()).hasSize(1);
        assertThat(tokenRequests()).isEmpty();
    }

    @Test
    void aFailedRefreshNamesTheTokenUrlAndTheOAuthErrorNeverTheSecrets() {
        klaviyo.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Refresh token " + REFRESH_TOKEN
                          + " is invalid\"}")));

        Exchange result = template.request("klaviyo:profiles/list", e -> {
        });

        assertThat(result.getException()).isInstanceOf(KlaviyoTokenRefreshException.class);
        KlaviyoTokenRefreshException failure = (KlaviyoTokenRefreshException) result.getException();
        assertThat(failure.getOAuthError()).isEqualTo("invalid_grant");
        assertThat(failure.getStatusCode()).isEqualTo(400);
        assertThat(failure.getTokenUrl()).isEqualTo(klaviyo.baseUrl() + TOKEN_PATH);
        assertThat(failure.getMessage()).contains(klaviyo.baseUrl() + TOKEN_PATH).contains("HTTP 400")
                .contains("invalid_grant").contains("refreshToken")
                .doesNotContain(REFRESH_TOKEN).doesNotContain(CLIENT_SECRET);
        assertThat(apiRequests()).isEmpty();
    }

    @Test
    void aTokenEndpointThatIsDownFailsTheExchangeNamingTheUrl() {
        component.getConfiguration().setOauthTokenUrl("http://127.0.0.1:1" + TOKEN_PATH);

        Exchange result = template.request("klaviyo:profiles/list", e -> {
        });

        assertThat(result.getException()).isInstanceOf(KlaviyoTokenRefreshException.class)
                .hasMessageContaining("http://127.0.0.1:1" + TOKEN_PATH).hasMessageContaining("without an answer");
        assertThat(((KlaviyoTokenRefreshException) result.getException()).getStatusCode()).isZero();
    }

    @Test
    void clientOperationsStillSendOnlyThePublicKey() {
        klaviyo.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(202)));

        Exchange result = template.request("klaviyo:client-events/create", e -> e.getMessage().setBody(Map.of(
                "properties", Map.of(), "metric", Map.of("data", Map.of("type", "metric",
                        "attributes", Map.of("name", "Viewed Product"))),
                "profile", Map.of("data", Map.of("type", "profile",
                        "attributes", Map.of("email", "jane@example.com"))))));

        assertThat(result.getException()).isNull();
        klaviyo.verify(postRequestedFor(urlPathEqualTo("/client/events"))
                .withQueryParam("company_id", equalTo(PUBLIC_KEY))
                .withHeader("Authorization", absent()));
        assertThat(tokenRequests()).isEmpty();
    }
}
