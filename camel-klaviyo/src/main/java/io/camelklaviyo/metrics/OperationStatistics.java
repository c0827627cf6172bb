package io.camelklaviyo.metrics;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one endpoint's calls of one operation did since the component started: attempts, failed attempts, retries,
 * time spent in Klaviyo and waiting for the rate limiter, and the last failure. Kept in memory for the dev console,
 * whether Micrometer is there or not.
 */
public final class OperationStatistics {

    private final String endpoint;
    private final String operation;
    private final LongAdder requests = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder requestNanos = new LongAdder();
    private final LongAdder rateLimitWaits = new LongAdder();
    private final LongAdder rateLimitWaitNanos = new LongAdder();
    private volatile int lastStatus;
    private volatile LastError lastError;

    /** The last failed attempt: when, its outcome, status and message (never a credential: messages hold none). */
    public record LastError(Instant at, String outcome, int status, String message) {
    }

    OperationStatistics(String endpoint, String operation) {
        this.endpoint = endpoint;
        this.operation = operation;
    }

    void attempt(Outcome outcome, int status, long nanos, Throwable failure) {
        requests.increment();
        requestNanos.add(nanos);
        lastStatus = status;
        if (outcome != Outcome.SUCCESS) {
            errors.increment();
            lastError = new LastError(Instant.now(), outcome.tag(), status, failure == null ? null
                    : String.valueOf(Outcome.unwrap(failure).getMessage()));
        }
    }

    void retry() {
        retries.increment();
    }

    void rateLimitWait(long nanos) {
        rateLimitWaits.increment();
        rateLimitWaitNanos.add(nanos);
    }

    /** The endpoint's URI without its options. */
    public String endpoint() {
        return endpoint;
    }

    /** The operation's canonical name. */
    public String operation() {
        return operation;
    }

    /** HTTP attempts made, retries included. */
    public long requests() {
        return requests.sum();
    }

    /** Attempts that failed. */
    public long errors() {
        return errors.sum();
    }

    /** Retries made. */
    public long retries() {
        return retries.sum();
    }

    /** The mean latency of an attempt in milliseconds, or 0 before the first. */
    public long meanMillis() {
        long count = requests.sum();
        return count == 0 ? 0 : TimeUnit.NANOSECONDS.toMillis(requestNanos.sum() / count);
    }

    /** Total time attempts waited for the rate limiter, in milliseconds. */
    public long rateLimitWaitMillis() {
        return TimeUnit.NANOSECONDS.toMillis(rateLimitWaitNanos.sum());
    }

    /** Permits taken from the rate limiter. */
    public long rateLimitWaits() {
        return rateLimitWaits.sum();
    }

    /** The status of the last attempt, 0 when it had no response or before the first. */
    public int lastStatus() {
        return lastStatus;
    }

    /** The last failed attempt, or null. */
    public LastError lastError() {
        return lastError;
    }
}
