package io.camelklaviyo.retry;

import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelklaviyo.invoke.Call;
import io.camelklaviyo.metrics.RequestMetrics;

/**
 * The retry and overall-timeout steps of one endpoint's calls, as its options ({@link RetrySettings}) ask:
 * {@code timeout(retry(attempt))}. The timeout is outside the retries, so that it bounds them all; the retries are
 * outside whatever runs each attempt (the rate limiter, the HTTP call), so that each attempt passes through it again.
 */
public final class Retries {

    private final RetrySettings settings;
    private final RetryRules rules;
    private final Supplier<ScheduledExecutorService> timers;
    private final Executor completions;
    private final RequestMetrics metrics;

    /**
     * @param timers      the component's scheduler, looked up per call (it lives from the component's start to its
     *                    stop); retries and the overall timeout wait on it without holding a thread
     * @param completions where a retry is sent and a timed-out call completes once the scheduler's wait is over: the
     *                    component's workers, or (for a caller that blocks on the answer itself) the waiting thread's
     *                    wake-up directly
     */
    public Retries(RetrySettings settings, ObjectMapper mapper, Supplier<ScheduledExecutorService> timers,
                   Executor completions) {
        this(settings, mapper, timers, completions, RequestMetrics.NONE);
    }

    /**
     * @param metrics told of each retry
     */
    public Retries(RetrySettings settings, ObjectMapper mapper, Supplier<ScheduledExecutorService> timers,
                   Executor completions, RequestMetrics metrics) {
        this.metrics = metrics;
        this.settings = settings;
        this.rules = new RetryRules(settings, mapper);
        this.timers = timers;
        this.completions = completions;
    }

    /** The call with another attempt after a failure worth one. */
    public Call retry(Call attempt) {
        return new RetryingCall(attempt, rules, timers, completions, metrics);
    }

    /** The call bounded by requestTimeout, attempts and waits included. */
    public Call timeout(Call call) {
        return settings.requestTimeoutMillis() > 0
                ? new DeadlineCall(call, settings.requestTimeoutMillis(), timers, completions)
                : call;
    }
}
