package io.camelklaviyo.auth;

import java.util.Optional;

/**
 * Keeps the OAuth tokens of each installation across restarts. Klaviyo replaces the refresh token on every refresh
 * and the old one stops working, so an application that restarts with the refresh token it was configured with
 * would fail once a refresh has happened: a store that outlives the process (a file, a database, a secrets manager)
 * hands the component the latest one instead.
 * <p>
 * The default, {@link InMemoryTokenStore}, lives only as long as the component's configuration. Implementations
 * must be thread-safe, and their {@code toString()} must not print tokens.
 */
public interface KlaviyoTokenStore {

    /**
     * The tokens last saved for an installation, or empty when there are none; then the configured
     * {@code refreshToken} / {@code accessToken} are used. Called when a producer starts, on the thread that starts
     * it.
     *
     * @param installation the OAuth client id and a one-way fingerprint of the configured refresh token (never a
     *                     token), e.g. {@code my-client-id/3f2a9c0d1e5b7a44}: stable as long as the configuration
     *                     does not change
     */
    Optional<OAuthTokens> load(String installation);

    /**
     * Saves the tokens of a refresh (the new refresh token included) before any request uses them. Called on one of
     * the component's worker threads, one refresh of an installation at a time; a slow store delays the requests
     * that wait for the refresh. An exception is logged (without the tokens) and the tokens are used anyway.
     */
    void save(String installation, OAuthTokens tokens);
}
