package io.camelklaviyo.job;

import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.camelklaviyo.KlaviyoApiException;
import io.camelklaviyo.KlaviyoConnectionException;

/**
 * The clock of one awaited job: its deadline, and the next poll scheduled on the component's scheduler, so that no
 * thread waits in between. Also decides which poll failures are worth another try.
 */
final class PollTimer {

    private final Supplier<ScheduledExecutorService> scheduler;
    private final long intervalMillis;
    private final long timeoutMillis;
    private final long deadline;

    PollTimer(Supplier<ScheduledExecutorService> scheduler, long intervalMillis, long timeoutMillis) {
        this.scheduler = scheduler;
        this.intervalMillis = intervalMillis;
        this.timeoutMillis = timeoutMillis;
        this.deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    }

    long timeoutMillis() {
        return timeoutMillis;
    }

    boolean expired() {
        return remainingMillis() <= 0;
    }

    private long remainingMillis() {
        return TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    }

    /**
     * Runs {@code task} after the poll interval (or longer, when Klaviyo asked to retry after more), but no later than
     * the deadline.
     *
     * @param  after                 the failure that calls for this retry, or null
     * @throws IllegalStateException when the component is stopped
     */
    void schedule(Runnable task, Throwable after) {
        ScheduledExecutorService executor = scheduler.get();
        if (executor == null) {
            throw new IllegalStateException("The klaviyo component is stopped: cannot poll the job any more");
        }
        long delay = intervalMillis;
        if (after instanceof KlaviyoApiException api && api.getRetryAfterSeconds() != null) {
            delay = Math.max(delay, TimeUnit.SECONDS.toMillis(api.getRetryAfterSeconds()));
        }
        try {
            executor.schedule(task, Math.max(0, Math.min(delay, remainingMillis())), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("The klaviyo component is stopping: cannot poll the job any more", e);
        }
    }

    /** The failure itself, out of its CompletionException wrapper. */
    static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** Throttling (429), a server error (5xx) or no response: the job is still there, try again on the next tick. */
    static boolean isTransient(Throwable failure) {
        if (failure instanceof KlaviyoApiException api) {
            return api.getStatusCode() == 429 || api.getStatusCode() >= 500;
        }
        return failure instanceof KlaviyoConnectionException;
    }
}
