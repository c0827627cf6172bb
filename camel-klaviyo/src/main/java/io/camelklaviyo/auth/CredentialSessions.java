package io.camelklaviyo.auth;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import io.camelklaviyo.KlaviyoConfiguration;
import io.camelklaviyo.client.KlaviyoHttpClient;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * Turns a configuration's credential options into {@link Credentials}, and keeps one {@link OAuthCredentials} per
 * OAuth installation, so that every endpoint configured from the same component configuration shares its tokens and
 * its one refresh at a time. A configuration and its per-endpoint copies share one instance of this class.
 */
public final class CredentialSessions {

    private final ConcurrentMap<String, OAuthCredentials> sessions = new ConcurrentHashMap<>();
    private final KlaviyoTokenStore defaultStore = new InMemoryTokenStore();
    private final Clock clock;

    public CredentialSessions() {
        this(Clock.systemUTC());
    }

    CredentialSessions(Clock clock) {
        this.clock = clock;
    }

    /**
     * The credentials of {@code /api} operations, or null when neither a private key nor OAuth is configured (enough
     * for {@code /client} operations). An OAuth session is created on first use, with the tokens the token store holds
     * for the installation, else the configured ones.
     *
     * @param  httpClient               the component's connection pool, which token refreshes go through (those of a
     *                                  session shared with another component too, from now on)
     * @throws IllegalArgumentException when the options conflict (a private key and OAuth) or OAuth lacks an option
     */
    public Credentials resolve(KlaviyoConfiguration configuration, Supplier<KlaviyoHttpClient> httpClient) {
        boolean apiKey = isSet(configuration.getApiKey());
        List<String> oauthOptions = oauthOptionsSet(configuration);
        if (apiKey && !oauthOptions.isEmpty()) {
            throw new IllegalArgumentException("Set either the private API key (apiKey) or OAuth (refreshToken,"
                                               + " clientId and clientSecret, or an accessToken), not both: apiKey"
                                               + " and " + String.join(", ", oauthOptions) + " are set");
        }
        if (apiKey) {
            return new ApiKeyCredentials(configuration.getApiKey());
        }
        if (oauthOptions.isEmpty()) {
            return null;
        }
        checkOAuth(configuration);
        String installation = installation(configuration);
        String tokenUrl = configuration.getOauthTokenUrl();
        OAuthCredentials session = sessions.computeIfAbsent(tokenUrl + " " + installation,
                key -> newSession(configuration, installation, httpClient));
        session.useHttpClient(httpClient);
        return session;
    }

    private OAuthCredentials newSession(KlaviyoConfiguration configuration, String installation,
                                        Supplier<KlaviyoHttpClient> httpClient) {
        OAuthTokens configured = new OAuthTokens(blankToNull(configuration.getAccessToken()),
                blankToNull(configuration.getRefreshToken()), null);
        if (configured.refreshToken() == null) {
            // nothing to refresh with: the access token is used until Klaviyo rejects it
            return new OAuthCredentials(installation, configured, null, defaultStore, Duration.ZERO, clock);
        }
        KlaviyoTokenStore store = configuration.getTokenStore() != null ? configuration.getTokenStore() : defaultStore;
        OAuthTokens initial;
        try {
            initial = store.load(installation).filter(stored -> isSet(stored.refreshToken())).orElse(configured);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Could not read the OAuth tokens of " + installation + " from the token"
                                            + " store " + store + ": " + e.getMessage(), e);
        }
        RequestConfig requestConfig = RequestConfig.custom()
                .setResponseTimeout(Timeout.ofMilliseconds(configuration.getResponseTimeout()))
                .setConnectionRequestTimeout(Timeout.ofMilliseconds(configuration.getResponseTimeout()))
                .build();
        TokenEndpoint endpoint = new TokenEndpoint(configuration.getOauthTokenUrl(), configuration.getClientId(),
                configuration.getClientSecret(), httpClient, requestConfig, clock);
        return new OAuthCredentials(installation, initial, endpoint, store,
                Duration.ofMillis(configuration.getTokenRefreshSkew()), clock);
    }

    private static List<String> oauthOptionsSet(KlaviyoConfiguration configuration) {
        List<String> set = new ArrayList<>();
        if (isSet(configuration.getAccessToken())) {
            set.add("accessToken");
        }
        if (isSet(configuration.getRefreshToken())) {
            set.add("refreshToken");
        }
        if (isSet(configuration.getClientId())) {
            set.add("clientId");
        }
        if (isSet(configuration.getClientSecret())) {
            set.add("clientSecret");
        }
        return set;
    }

    private static void checkOAuth(KlaviyoConfiguration configuration) {
        if (!isSet(configuration.getAccessToken()) && !isSet(configuration.getRefreshToken())) {
            throw new IllegalArgumentException("OAuth needs a refreshToken (or an accessToken) besides clientId and"
                                               + " clientSecret, e.g. camel.component.klaviyo.refresh-token");
        }
        if (isSet(configuration.getRefreshToken())) {
            List<String> missing = new ArrayList<>();
            if (!isSet(configuration.getClientId())) {
                missing.add("clientId");
            }
            if (!isSet(configuration.getClientSecret())) {
                missing.add("clientSecret");
            }
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("Refreshing OAuth tokens needs the app's clientId and clientSecret:"
                                                   + " set " + String.join(" and ", missing)
                                                   + " (e.g. camel.component.klaviyo.client-secret)");
            }
            checkTokenUrl(configuration.getOauthTokenUrl());
        }
        if (configuration.getTokenRefreshSkew() < 0) {
            throw new IllegalArgumentException("tokenRefreshSkew must not be negative, got "
                                               + configuration.getTokenRefreshSkew() + " ms");
        }
    }

    private static void checkTokenUrl(String tokenUrl) {
        URI uri;
        try {
            uri = URI.create(tokenUrl == null ? "" : tokenUrl.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("oauthTokenUrl is not a URL: " + tokenUrl, e);
        }
        if (uri.getScheme() == null || uri.getHost() == null
            || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
            throw new IllegalArgumentException("oauthTokenUrl must be an http(s) URL, e.g. "
                                               + KlaviyoConfiguration.DEFAULT_OAUTH_TOKEN_URL + ", got " + tokenUrl);
        }
        if ("www.klaviyo.com".equals(uri.getHost().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("Klaviyo blocks token requests through www.klaviyo.com (since"
                                               + " 2025-03-31): set oauthTokenUrl to "
                                               + KlaviyoConfiguration.DEFAULT_OAUTH_TOKEN_URL);
        }
    }

    /**
     * The client id and a fingerprint of the configured refresh token (or, without one, of the access token): one
     * installation's grant, stable across restarts as long as the configuration is.
     */
    private static String installation(KlaviyoConfiguration configuration) {
        String grant = isSet(configuration.getRefreshToken()) ? configuration.getRefreshToken()
                : configuration.getAccessToken();
        String clientId = isSet(configuration.getClientId()) ? configuration.getClientId().trim() : "unknown-client";
        return clientId + "/" + Fingerprint.of(grant);
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    private static String blankToNull(String value) {
        return isSet(value) ? value : null;
    }

    @Override
    public String toString() {
        return "CredentialSessions" + sessions.values();
    }
}
