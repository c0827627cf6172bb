package io.camelklaviyo.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelklaviyo.KlaviyoConfiguration;
import io.camelklaviyo.KlaviyoStandIn;
import org.junit.jupiter.api.BeforeEach;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * The Klaviyo stand-in with the component switched from the private key to OAuth: client id and secret, a refresh
 * token, and the token endpoint on the stand-in ({@code /oauth/token}).
 */
abstract class OAuthStandIn extends KlaviyoStandIn {

    static final String CLIENT_ID = "camel-klaviyo-test-app";
    static final String CLIENT_SECRET = "cs_client_secret_0123456789";
    static final String REFRESH_TOKEN = "rt_configured_0123456789";
    static final String TOKEN_PATH = "/oauth/token";

    @BeforeEach
    void switchToOAuth() {
        KlaviyoConfiguration configuration = component.getConfiguration();
        configuration.setApiKey(null);
        configuration.setClientId(CLIENT_ID);
        configuration.setClientSecret(CLIENT_SECRET);
        configuration.setRefreshToken(REFRESH_TOKEN);
        configuration.setOauthTokenUrl(klaviyo.baseUrl() + TOKEN_PATH);
    }

    static ResponseDefinitionBuilder tokens(String accessToken, String refreshToken, long expiresIn) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                          + expiresIn + ",\"refresh_token\":\"" + refreshToken
                          + "\",\"scope\":\"profiles:read profiles:write\"}");
    }

    static ResponseDefinitionBuilder profiles() {
        return aResponse().withStatus(200).withBody("{\"data\":[]}");
    }

    static ResponseDefinitionBuilder unauthorized() {
        return aResponse().withStatus(401).withBody("{\"errors\":[{\"id\":\"u\",\"status\":401,"
                                                    + "\"code\":\"not_authenticated\",\"title\":\"Authentication"
                                                    + " credentials were not provided.\",\"detail\":\"Missing or"
                                                    + " invalid access token.\"}]}");
    }

    static String basic() {
        return "Basic " + Base64.getEncoder()
                .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    }

    static List<LoggedRequest> tokenRequests() {
        return klaviyo.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    }

    /** The refresh tokens the token requests presented, in order. */
    static List<String> presentedRefreshTokens() {
        return tokenRequests().stream().map(request -> request.formParameters().get("refresh_token").firstValue())
                .collect(Collectors.toList());
    }

    static List<LoggedRequest> apiRequests() {
        return klaviyo.findAll(getRequestedFor(urlPathMatching("/api/.*")));
    }

    /** The Authorization headers the API requests carried, in order. */
    static List<String> apiAuthorizations() {
        return apiRequests().stream().map(request -> request.getHeader("Authorization")).collect(Collectors.toList());
    }
}
