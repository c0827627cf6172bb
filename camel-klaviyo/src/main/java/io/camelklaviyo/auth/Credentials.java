package io.camelklaviyo.auth;

import java.util.concurrent.CompletableFuture;

/**
 * What authenticates a request to a server-side {@code /api} operation: the value of its {@code Authorization}
 * header. The client asks for it before each request, without blocking: a value that is at hand comes back as a
 * completed future, one that needs a token refresh first completes when the refresh has answered.
 * <p>
 * The client-side {@code /client} operations never use these credentials: they send only the public key.
 */
public interface Credentials {

    /**
     * The {@code Authorization} header value for the next request. Fails with a {@link KlaviyoTokenRefreshException}
     * when a token had to be refreshed and the refresh failed.
     */
    CompletableFuture<String> authorization();

    /** Whether {@link #renewAfterRejection} can produce a different value after Klaviyo answered 401. */
    default boolean renewable() {
        return false;
    }

    /**
     * After Klaviyo rejected a request with 401: the value to send that request with once more. When the rejected
     * value is no longer the current one (another request renewed it meanwhile) the current one comes back without a
     * second refresh.
     *
     * @param rejected the {@code Authorization} value the rejected request carried
     */
    default CompletableFuture<String> renewAfterRejection(String rejected) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("These credentials cannot be renewed"));
    }

    /**
     * Names the account whose rate-limit quota these credentials' requests count against: the private key's account,
     * or an OAuth app's installation in one account (each installation has a quota of its own). Stable for the life
     * of the credentials, and never a key, token or secret (only a short one-way fingerprint of one).
     */
    String accountKey();
}
