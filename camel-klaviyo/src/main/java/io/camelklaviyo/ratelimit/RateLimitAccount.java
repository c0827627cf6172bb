package io.camelklaviyo.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.camelklaviyo.KlaviyoConfiguration;
import io.camelklaviyo.operation.Operation;

/**
 * Which of Klaviyo's quotas a call draws from. Klaviyo counts its limits per account: every private key of one
 * account shares one quota, an OAuth app gets its own quota per installation, and the client-side {@code /client}
 * operations are counted per public key (site ID).
 * <p>
 * The key names the quota in bucket keys and log lines, so it never holds a secret: a private key appears only as a
 * hash. This is the extension point for other credentials: whatever decides how a call authenticates provides the
 * account key of its calls (the endpoint's OAuth credentials give their installation's,
 * {@code io.camelklaviyo.auth.Credentials#accountKey()}); {@link #of(KlaviyoConfiguration)} covers the keys.
 */
@FunctionalInterface
public interface RateLimitAccount {

    /** The key of the quota a call of this operation draws from; never a credential itself. */
    String accountKey(Operation operation);

    /**
     * The account of an endpoint's credentials: the hashed private key for {@code /api} operations, the public key for
     * {@code /client} ones. (Two private keys of one account count as two accounts here: the limiter cannot tell that
     * they belong together; give them one limiter key by using one key per account.)
     */
    static RateLimitAccount of(KlaviyoConfiguration configuration) {
        String privateAccount = "private-key:" + fingerprint(configuration.getApiKey());
        String publicAccount = "public-key:" + configuration.getPublicKey();
        return operation -> operation.client() ? publicAccount : privateAccount;
    }

    /** A short SHA-256 fingerprint of a secret, stable across nodes and restarts; "unset" without one. */
    static String fingerprint(String secret) {
        if (secret == null || secret.isBlank()) {
            return "unset";
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
