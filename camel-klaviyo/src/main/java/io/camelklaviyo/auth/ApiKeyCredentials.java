package io.camelklaviyo.auth;

import java.util.concurrent.CompletableFuture;

/**
 * A private API key, sent as {@code Authorization: Klaviyo-API-Key pk_...}. All private keys of an account share that
 * account's quota; the account key here is the key's fingerprint, since the key does not name its account.
 */
public final class ApiKeyCredentials implements Credentials {

    private final CompletableFuture<String> authorization;
    private final String accountKey;

    public ApiKeyCredentials(String apiKey) {
        this.authorization = CompletableFuture.completedFuture("Klaviyo-API-Key " + apiKey);
        this.accountKey = "private-key:" + Fingerprint.of(apiKey);
    }

    @Override
    public CompletableFuture<String> authorization() {
        // a completed future that callers only read: sharing it is safe
        return authorization;
    }

    @Override
    public String accountKey() {
        return accountKey;
    }

    @Override
    public String toString() {
        return "ApiKeyCredentials[" + accountKey + "]";
    }
}
