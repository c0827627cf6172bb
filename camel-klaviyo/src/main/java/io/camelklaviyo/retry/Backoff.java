package io.camelklaviyo.retry;

/**
 * The wait before a retry when Klaviyo does not say how long: {@code initialDelay × multiplier^(retry-1)}, at most
 * {@code maxDelay}, spread by ± {@code jitter} of itself so that callers failed together do not come back together.
 * The defaults are those of Klaviyo's official SDKs: 0.5 s × 1.5ⁿ ± 50 %, at most 60 s.
 */
final class Backoff {

    private final long initialMillis;
    private final long maxMillis;
    private final double multiplier;
    private final double jitter;

    Backoff(RetrySettings settings) {
        this.initialMillis = settings.initialDelayMillis();
        this.maxMillis = settings.maxDelayMillis();
        this.multiplier = settings.multiplier();
        this.jitter = settings.jitter();
    }

    /**
     * @param retry  1 for the first retry
     * @param random a number from 0 (the shortest spread) to below 1 (the longest)
     */
    long delayMillis(int retry, double random) {
        double delay = Math.min(initialMillis * Math.pow(multiplier, Math.max(0, retry - 1)), maxMillis);
        delay *= 1 + jitter * (2 * random - 1);
        return Math.max(0, Math.min(Math.round(delay), maxMillis));
    }
}
