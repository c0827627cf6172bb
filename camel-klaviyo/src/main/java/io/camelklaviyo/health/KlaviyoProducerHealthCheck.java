package io.camelklaviyo.health;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * The readiness check of a klaviyo producer, id {@code producer:klaviyo-<operation>} in group {@code camel}: verifies
 * the endpoint's credentials with {@code accounts/list} through the component's call chain (rate limiter, retries,
 * timeout), cached per credentials by {@link CredentialVerifications}. UP with the account id, organisation name,
 * revision and base URL; DOWN when Klaviyo rejects the credentials (401/403), answers otherwise with an error, or cannot
 * be reached. A producer of a public-key {@code /client} operation has nothing Klaviyo verifies cheaply (those
 * operations accept any site ID and only write): it reports UP without calling.
 * <p>
 * Not a liveness check: Klaviyo being down is no reason to restart this application.
 */
public final class KlaviyoProducerHealthCheck implements HealthCheck {

    /** The prefix of the producer health check ids; the operation's canonical name follows. */
    public static final String ID_PREFIX = "producer:klaviyo-";
    /** How long a health probe waits for a verification under way before it reports DOWN. */
    static final long WAIT_MILLIS = 10_000;

    private final String id;
    private final Map<String, Object> details;
    private final Supplier<CompletableFuture<Verification>> verification;
    private volatile boolean enabled = true;

    /**
     * @param operation    the producer's operation
     * @param details      shown with every result: base URL, revision, operation (never a credential)
     * @param verification the cached verification of the producer's credentials, or null for a /client operation
     */
    public KlaviyoProducerHealthCheck(String operation, Map<String, Object> details,
                                      Supplier<CompletableFuture<Verification>> verification) {
        this.id = ID_PREFIX + operation;
        this.details = Map.copyOf(details);
        this.verification = verification;
    }

    @Override
    public String getGroup() {
        return "camel";
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this).details(details);
        builder.detail(CHECK_ID, id);
        builder.detail(CHECK_GROUP, getGroup());
        if (!enabled) {
            return builder.message("Disabled").detail(CHECK_ENABLED, false).unknown().build();
        }
        if (verification == null) {
            return builder.message("A public-key (/client) operation: no credentials to verify").up().build();
        }
        Verification result;
        try {
            result = verification.get().get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return builder.message("Klaviyo did not answer accounts/list within " + WAIT_MILLIS + " ms").down()
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return builder.message("Interrupted while verifying the Klaviyo credentials").unknown().build();
        } catch (ExecutionException | RuntimeException e) {
            return builder.message("Could not verify the Klaviyo credentials: " + e).error(e).down().build();
        }
        // the message also as a detail: Spring Boot's actuator shows a check's details, not its message
        builder.details(result.details()).detail("verified.at", result.at().toString()).message(result.message())
                .detail("message", result.message());
        if (result.error() != null) {
            builder.error(result.error());
        }
        return result.up() ? builder.up().build() : builder.down().build();
    }

    @Override
    public String toString() {
        return id;
    }
}
