package io.camelklaviyo.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import io.camelklaviyo.client.KlaviyoHttpClient;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OAuth installation's session: the current tokens, sent as {@code Authorization: Bearer ...}, refreshed when the
 * access token expires within the refresh skew and once after a 401. One refresh at a time: callers that need one
 * while it runs share its future, so that a burst of requests with an expired token makes one token request (Klaviyo
 * replaces the refresh token on every refresh, so a second, concurrent refresh would present a token that just
 * stopped working). The tokens of every refresh go to the token store before any request uses them.
 * <p>
 * Never blocks a caller: a refresh completes on one of the component's worker threads.
 */
public final class OAuthCredentials implements Credentials {

    private static final Logger LOG = LoggerFactory.getLogger(OAuthCredentials.class);
    private static final String BEARER = "Bearer ";

    private final String installation;
    private final TokenEndpoint endpoint;
    private final KlaviyoTokenStore store;
    private final Duration skew;
    private final Clock clock;

    private final Object lock = new Object();
    // guarded by lock
    private OAuthTokens current;
    // guarded by lock: the refresh in flight, or null
    private CompletableFuture<OAuthTokens> refreshing;

    /**
     * @param endpoint the token endpoint, or null when there is no refresh token: the access token is then used until
     *                 Klaviyo rejects it
     */
    OAuthCredentials(String installation, OAuthTokens initial, TokenEndpoint endpoint, KlaviyoTokenStore store,
                     Duration skew, Clock clock) {
        this.installation = installation;
        this.current = initial;
        this.endpoint = endpoint;
        this.store = store;
        this.skew = skew;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<String> authorization() {
        synchronized (lock) {
            if (refreshing != null) {
                return refreshing.thenApply(OAuthCredentials::bearer);
            }
            if (endpoint == null || !current.needsRefresh(clock.instant(), skew)) {
                return CompletableFuture.completedFuture(bearer(current));
            }
            LOG.debug("The OAuth access token of {} expires within {}: refreshing it", installation, skew);
            return refresh().thenApply(OAuthCredentials::bearer);
        }
    }

    @Override
    public boolean renewable() {
        return endpoint != null;
    }

    @Override
    public CompletableFuture<String> renewAfterRejection(String rejected) {
        if (endpoint == null) {
            return Credentials.super.renewAfterRejection(rejected);
        }
        synchronized (lock) {
            if (refreshing == null && current.accessToken() != null && !bearer(current).equals(rejected)) {
                // another request has renewed it since this one was sent
                return CompletableFuture.completedFuture(bearer(current));
            }
            LOG.debug("Klaviyo rejected the OAuth access token of {} (401): refreshing it", installation);
            return refresh().thenApply(OAuthCredentials::bearer);
        }
    }

    @Override
    public String accountKey() {
        return "oauth:" + installation;
    }

    /** Refreshes go through this component pool from now on. */
    void useHttpClient(Supplier<KlaviyoHttpClient> httpClient) {
        if (endpoint != null) {
            endpoint.useHttpClient(httpClient);
        }
    }

    /** The store key of this installation: the client id and a fingerprint of the configured refresh token. */
    public String installation() {
        return installation;
    }

    /** The refresh in flight, or a new one. Called with the lock held. */
    private CompletableFuture<OAuthTokens> refresh() {
        if (refreshing != null) {
            return refreshing;
        }
        CompletableFuture<OAuthTokens> result = new CompletableFuture<>();
        // set before the request is sent: a refresh that fails at once clears it again on this thread
        refreshing = result;
        String refreshToken = current.refreshToken();
        LOG.debug("Refreshing the OAuth access token of {} at {}", installation, endpoint.url());
        endpoint.refresh(refreshToken).whenComplete((tokens, failure) -> finish(result, tokens, failure));
        return result;
    }

    private void finish(CompletableFuture<OAuthTokens> result, OAuthTokens tokens, Throwable failure) {
        if (failure == null) {
            // first into the store: Klaviyo has already replaced the refresh token
            save(tokens);
        }
        synchronized (lock) {
            if (failure == null) {
                current = tokens;
            }
            refreshing = null;
        }
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            LOG.debug("Refreshing the OAuth access token of {} failed: {}", installation, cause.getMessage());
            result.completeExceptionally(cause);
        } else {
            LOG.debug("Refreshed the OAuth access token of {}; it expires at {}", installation,
                    tokens.expiresAt() == null ? "an unknown time" : tokens.expiresAt());
            result.complete(tokens);
        }
    }

    private void save(OAuthTokens tokens) {
        try {
            store.save(installation, tokens);
        } catch (RuntimeException e) {
            LOG.warn("Could not save the refreshed OAuth tokens of {} to the token store ({}: {}). They are used, but"
                     + " after a restart the configured refresh token, which Klaviyo has just replaced, will no"
                     + " longer work", installation, e.getClass().getName(), e.getMessage());
        }
    }

    private static String bearer(OAuthTokens tokens) {
        return BEARER + tokens.accessToken();
    }

    @Override
    public String toString() {
        return "OAuthCredentials[" + installation + "]";
    }
}
