package io.camelklaviyo.metrics;

/**
 * Observes the calls of one endpoint: each HTTP attempt, each retry and each wait for the rate limiter. The component
 * hands each endpoint one ({@link KlaviyoMetrics#forEndpoint(String)}); {@link #NONE} observes nothing. Implementations
 * are called on I/O and scheduler threads: they must be quick and never block.
 */
public interface RequestMetrics {

    /** Observes nothing. */
    RequestMetrics NONE = new RequestMetrics() {
    };

    /**
     * One HTTP attempt finished.
     *
     * @param operation the operation's canonical name
     * @param outcome   how it ended
     * @param status    the HTTP status, or 0 when there was no response
     * @param nanos     how long the attempt took (the rate limiter's wait not included)
     * @param failure   the attempt's failure, or null on success
     */
    default void attempt(String operation, Outcome outcome, int status, long nanos, Throwable failure) {
    }

    /** A failed attempt is to be retried. */
    default void retry(String operation) {
    }

    /** An attempt waited this long for the rate limiter's permit (0 when it went at once). */
    default void rateLimitWait(String operation, long nanos) {
    }
}
