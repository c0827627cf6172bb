package io.camelklaviyo.retry;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

import io.camelklaviyo.KlaviyoConfiguration;

/**
 * The retry and timeout options of one endpoint, checked once when its producer is built.
 *
 * @param maxRetries           attempts after the first one (0: never retry)
 * @param initialDelayMillis   the backoff before the first retry
 * @param maxDelayMillis       the longest wait before a retry; a longer Retry-After is not waited for
 * @param multiplier           the backoff's growth per retry
 * @param jitter               the backoff's random spread, a fraction of the delay either way
 * @param statuses             the HTTP statuses worth another attempt
 * @param requestTimeoutMillis the bound of a whole call, retries and waits included (0: none)
 */
public record RetrySettings(int maxRetries, long initialDelayMillis, long maxDelayMillis, double multiplier,
        double jitter, Set<Integer> statuses, long requestTimeoutMillis) {

    /** What Klaviyo's official SDKs retry: throttling and the gateway's "try again" answers (not 500 or 502). */
    public static final String DEFAULT_STATUSES = "429,503,504,524";

    private static final int THROTTLED = 429;
    /** The consuming thread of a page stream waits this much beyond requestTimeout, so that its timeout wins. */
    private static final long PAGE_WAIT_GRACE_MILLIS = 1_000;

    public RetrySettings {
        statuses = Collections.unmodifiableSet(new LinkedHashSet<>(statuses));
    }

    /**
     * The endpoint's settings.
     *
     * @throws IllegalArgumentException naming the option whose value is out of range
     */
    public static RetrySettings of(KlaviyoConfiguration configuration) {
        RetrySettings settings = new RetrySettings(configuration.getMaxRetries(), configuration.getRetryInitialDelay(),
                configuration.getRetryMaxDelay(), configuration.getRetryMultiplier(), configuration.getRetryJitter(),
                parseStatuses(configuration.getRetryStatuses()), configuration.getRequestTimeout());
        settings.check();
        return settings;
    }

    private void check() {
        require(maxRetries >= 0, "maxRetries takes 0 (never retry) or more, got " + maxRetries);
        require(initialDelayMillis >= 0, "retryInitialDelay takes 0 ms or more, got " + initialDelayMillis);
        require(maxDelayMillis >= initialDelayMillis, "retryMaxDelay (" + maxDelayMillis
                                                      + " ms) must not be shorter than retryInitialDelay ("
                                                      + initialDelayMillis + " ms)");
        require(multiplier >= 1.0, "retryMultiplier takes 1 (a constant delay) or more, got " + multiplier);
        require(jitter >= 0.0 && jitter < 1.0, "retryJitter takes a fraction from 0 to below 1, got " + jitter);
        require(requestTimeoutMillis >= 0, "requestTimeout takes 0 (no overall limit) or more milliseconds, got "
                                           + requestTimeoutMillis);
    }

    /**
     * Parses retryStatuses: comma-separated 429 and 5xx statuses.
     *
     * @throws IllegalArgumentException for anything else: a client error other than 429 means the request itself
     *                                  is wrong, and the same request would fail the same way
     */
    static Set<Integer> parseStatuses(String text) {
        Set<Integer> statuses = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return statuses;
        }
        for (String part : text.split(",")) {
            String trimmed = part.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int status;
            try {
                status = Integer.parseInt(trimmed);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("retryStatuses takes HTTP statuses separated by commas, e.g. "
                                                   + DEFAULT_STATUSES + "; got " + text);
            }
            require(status == THROTTLED || status >= 500 && status <= 599,
                    "retryStatuses takes 429 and 5xx statuses only (the same request would fail the same way on any"
                                                                           + " other); got " + status);
            statuses.add(status);
        }
        return statuses;
    }

    /**
     * How long the consuming thread of a page stream waits for a further page: beyond requestTimeout, whose own
     * failure names the elapsed time and attempts; without an overall limit, as long as the call's attempts take.
     */
    public long pageWaitMillis() {
        return requestTimeoutMillis > 0 ? requestTimeoutMillis + PAGE_WAIT_GRACE_MILLIS : Long.MAX_VALUE;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
