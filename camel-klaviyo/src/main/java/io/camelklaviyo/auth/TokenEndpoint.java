package io.camelklaviyo.auth;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelklaviyo.client.KlaviyoHttpClient;
import io.camelklaviyo.client.MaskedHeader;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.http.ContentType;

/**
 * Klaviyo's OAuth token endpoint: exchanges a refresh token for new tokens with a form-encoded POST, the client
 * authenticated with HTTP Basic, through the component's non-blocking connection pool. Neither the Basic header nor
 * the form body (the refresh token) appears in HttpClient's header log, and no failure message holds a token or the
 * client secret.
 */
final class TokenEndpoint {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DESCRIPTION = 300;

    private final String tokenUrl;
    private final String clientSecret;
    private final String basicAuthorization;
    // the pool of the component whose producer resolved the session last: a component that adopts the configuration
    // of a stopped one refreshes through its own
    private volatile Supplier<KlaviyoHttpClient> httpClient;
    private final RequestConfig requestConfig;
    private final Clock clock;

    TokenEndpoint(String tokenUrl, String clientId, String clientSecret, Supplier<KlaviyoHttpClient> httpClient,
                  RequestConfig requestConfig, Clock clock) {
        this.tokenUrl = tokenUrl;
        this.clientSecret = clientSecret;
        this.basicAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        this.httpClient = httpClient;
        this.requestConfig = requestConfig;
        this.clock = clock;
    }

    String url() {
        return tokenUrl;
    }

    void useHttpClient(Supplier<KlaviyoHttpClient> httpClient) {
        this.httpClient = httpClient;
    }

    /**
     * Asks for new tokens. Completes on a worker thread of the component with the new tokens (the refresh token
     * Klaviyo sent, or {@code refreshToken} when it sent none), or fails with a {@link KlaviyoTokenRefreshException}.
     */
    CompletableFuture<OAuthTokens> refresh(String refreshToken) {
        SimpleHttpRequest request = SimpleRequestBuilder.post(tokenUrl)
                .addHeader(new MaskedHeader("Authorization", basicAuthorization))
                .addHeader("Accept", "application/json")
                .setBody("grant_type=refresh_token&refresh_token="
                         + URLEncoder.encode(refreshToken, StandardCharsets.UTF_8),
                        ContentType.APPLICATION_FORM_URLENCODED)
                .build();
        Instant sentAt = clock.instant();
        CompletableFuture<SimpleHttpResponse> answer;
        try {
            KlaviyoHttpClient pool = httpClient.get();
            if (pool == null) {
                throw new IllegalStateException("The klaviyo component is not started");
            }
            answer = pool.execute(request, requestConfig);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return answer.handle((response, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                throw new CompletionException(new KlaviyoTokenRefreshException(
                        "Refreshing the Klaviyo OAuth access token at " + tokenUrl + " failed without an answer: "
                                                                               + cause.getMessage(),
                        tokenUrl, 0, null, cause));
            }
            try {
                return read(response, sentAt, refreshToken);
            } catch (KlaviyoTokenRefreshException e) {
                throw new CompletionException(e);
            }
        });
    }

    private OAuthTokens read(SimpleHttpResponse response, Instant sentAt, String refreshToken)
            throws KlaviyoTokenRefreshException {
        int status = response.getCode();
        JsonNode document = document(response);
        if (status < 200 || status >= 300) {
            throw rejected(status, document, refreshToken);
        }
        String accessToken = text(document, "access_token");
        if (accessToken == null) {
            throw new KlaviyoTokenRefreshException("Refreshing the Klaviyo OAuth access token at " + tokenUrl
                                                   + " answered HTTP " + status + " without an access_token",
                    tokenUrl, status, null, null);
        }
        String rotated = text(document, "refresh_token");
        JsonNode expiresIn = document.path("expires_in");
        Instant expiresAt = expiresIn.canConvertToLong() && expiresIn.asLong() > 0
                ? sentAt.plusSeconds(expiresIn.asLong())
                : null;
        return new OAuthTokens(accessToken, rotated != null ? rotated : refreshToken, expiresAt);
    }

    private KlaviyoTokenRefreshException rejected(int status, JsonNode document, String refreshToken) {
        String error = text(document, "error");
        StringBuilder message = new StringBuilder("Refreshing the Klaviyo OAuth access token at ").append(tokenUrl)
                .append(" failed with HTTP ").append(status).append(": ");
        if (error == null) {
            message.append("no OAuth error document");
        } else {
            message.append(error);
            String description = text(document, "error_description");
            if (description != null) {
                message.append(" - ").append(redact(description, refreshToken));
            }
            switch (error) {
                case "invalid_grant" -> message.append(". The refresh token was revoked, expired or already replaced by"
                                                       + " a refresh: authorize the app again and configure the new"
                                                       + " refreshToken, and keep refreshed tokens in a tokenStore"
                                                       + " that outlives restarts");
                case "invalid_client", "unauthorized_client" -> message.append(". Check the clientId and clientSecret"
                                                                                + " options");
                default -> {
                }
            }
        }
        return new KlaviyoTokenRefreshException(message.toString(), tokenUrl, status, error, null);
    }

    /** The answer as a JSON object; an empty one when it is none. A parse error is not quoted: it holds the body. */
    private static JsonNode document(SimpleHttpResponse response) {
        byte[] body = response.getBodyBytes();
        if (body == null || body.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : JSON.createObjectNode();
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String text(JsonNode document, String field) {
        JsonNode value = document.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    /** Klaviyo's own words, cut short and without any secret it might echo. */
    private String redact(String description, String refreshToken) {
        String text = description;
        for (String secret : List.of(refreshToken, clientSecret)) {
            if (secret != null && !secret.isEmpty()) {
                text = text.replace(secret, "******");
            }
        }
        return text.length() > MAX_DESCRIPTION ? text.substring(0, MAX_DESCRIPTION) + "..." : text;
    }
}
