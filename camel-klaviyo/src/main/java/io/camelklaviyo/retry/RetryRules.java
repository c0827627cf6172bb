package io.camelklaviyo.retry;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelklaviyo.KlaviyoApiException;
import io.camelklaviyo.request.KlaviyoRequest;

/**
 * Decides, after each failed attempt, whether to make another one and when:
 * <ul>
 * <li>429 (when in retryStatuses): any method, even a POST: Klaviyo did not process it. After Retry-After, or
 * RateLimit-Reset when there is none, or the backoff when neither is given. A wait longer than retryMaxDelay is not
 * waited for: the call fails at once with the 429 (a daily quota resets in hours).</li>
 * <li>Failure to connect (refused, connect timeout, unknown host, no pooled connection in time): any method, after
 * the backoff: the request never left.</li>
 * <li>Another status of retryStatuses (503, 504, 524), or a failure after the request may have been written (reset,
 * connection closed, response timeout, a body that broke off): only requests that are safe to send twice
 * ({@link Idempotency}), after the backoff.</li>
 * <li>Anything else (other 4xx and 5xx, TLS failures, answers that are not HTTP): never.</li>
 * </ul>
 * No wait runs past the overall requestTimeout: a retry that could only start after it is not made, and the call fails
 * with the last attempt's failure at once.
 */
final class RetryRules {

    private final RetrySettings settings;
    private final Idempotency idempotency;
    private final Backoff backoff;
    private final DoubleSupplier random;

    RetryRules(RetrySettings settings, ObjectMapper mapper) {
        this(settings, mapper, () -> ThreadLocalRandom.current().nextDouble());
    }

    RetryRules(RetrySettings settings, ObjectMapper mapper, DoubleSupplier random) {
        this.settings = settings;
        this.idempotency = new Idempotency(mapper);
        this.backoff = new Backoff(settings);
        this.random = random;
    }

    RetrySettings settings() {
        return settings;
    }

    /**
     * @param attempts   the attempts made so far, the failed one included
     * @param millisLeft the time left of requestTimeout ({@link Long#MAX_VALUE} without one)
     */
    Verdict judge(KlaviyoRequest request, Throwable failure, int attempts, long millisLeft) {
        FailureKind kind = FailureKind.of(failure, settings.statuses());
        if (kind == FailureKind.FINAL) {
            return Verdict.stop();
        }
        if ((kind == FailureKind.RETRYABLE_STATUS || kind == FailureKind.LOST) && !idempotency.safeToResend(request)) {
            return Verdict.stop("a " + request.operation().method()
                                + (request.operation().method().equals("PATCH") ? " that appends" : "")
                                + " is not sent again once it may have reached Klaviyo");
        }
        if (attempts > settings.maxRetries()) {
            return settings.maxRetries() == 0 ? Verdict.stop("maxRetries=0") : Verdict.stop();
        }
        long wait;
        Long asked = kind == FailureKind.THROTTLED ? serverWaitSeconds((KlaviyoApiException) FailureKind.unwrap(failure))
                : null;
        if (asked != null) {
            wait = Math.max(0, asked) * 1000;
            if (wait > settings.maxDelayMillis()) {
                return Verdict.stop("Klaviyo asked to wait " + asked + " s, longer than retryMaxDelay ("
                                    + settings.maxDelayMillis() + " ms)");
            }
        } else {
            wait = backoff.delayMillis(attempts, random.getAsDouble());
        }
        if (wait > millisLeft) {
            return Verdict.stop("the next attempt, in " + wait + " ms, would start after the requestTimeout ("
                                + Math.max(0, millisLeft) + " ms left)");
        }
        return Verdict.retryAfter(wait);
    }

    /** Retry-After, else RateLimit-Reset (seconds until the steady window resets), else null. */
    private static Long serverWaitSeconds(KlaviyoApiException throttled) {
        return throttled.getRetryAfterSeconds() != null
                ? throttled.getRetryAfterSeconds()
                : throttled.getRateLimitResetSeconds();
    }
}
