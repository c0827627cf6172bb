package io.camelklaviyo.retry;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.camelklaviyo.KlaviyoTimeoutException;
import io.camelklaviyo.invoke.Call;
import io.camelklaviyo.request.KlaviyoRequest;
import io.camelklaviyo.response.KlaviyoResponse;

/**
 * The overall requestTimeout of a call, retries and waits included: when it runs out, the call fails with a
 * {@link KlaviyoTimeoutException} naming the operation, the time that passed and the attempts made, and the call's
 * future is cancelled (which drops a pending retry). The timer is a task of the component's scheduler, not a waiting
 * thread; the failure is handed to the completion executor, so that the exchange continues on a worker as after any
 * answer, never on the scheduler's thread.
 * <p>
 * Failsafe has a Timeout policy, but it runs its timers on a JVM-wide scheduler of its own (a daemon thread and the
 * common ForkJoinPool), outside the component's lifecycle, and would complete the exchange on a ForkJoinPool thread.
 */
final class DeadlineCall implements Call {

    private final Call delegate;
    private final long timeoutMillis;
    private final Supplier<ScheduledExecutorService> timers;
    private final Executor completions;

    DeadlineCall(Call delegate, long timeoutMillis, Supplier<ScheduledExecutorService> timers, Executor completions) {
        this.delegate = delegate;
        this.timeoutMillis = timeoutMillis;
        this.timers = timers;
        this.completions = completions;
    }

    @Override
    public CompletableFuture<KlaviyoResponse> call(KlaviyoRequest request) {
        ScheduledExecutorService timer = timers.get();
        if (timeoutMillis <= 0 || timer == null) {
            // no limit, or the component stopped (the call then fails on its own)
            return delegate.call(request);
        }
        long started = System.nanoTime();
        Deadline deadline = new Deadline(request, started);
        // the alarm is set before the request goes out: after it, the answer may come at any moment
        try {
            deadline.alarm = timer.schedule(deadline::expire, timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return delegate.call(request);
        }
        CompletableFuture<KlaviyoResponse> inner;
        try {
            inner = delegate.call(request);
        } catch (RuntimeException e) {
            deadline.alarm.cancel(false);
            return CompletableFuture.failedFuture(e);
        }
        if (inner.isDone()) {
            deadline.alarm.cancel(false);
            return inner;
        }
        deadline.follow(inner);
        return deadline.result;
    }

    /** The bound of one call: its alarm, and the result it completes first, with the answer or the timeout. */
    private final class Deadline {

        private final KlaviyoRequest request;
        private final long started;
        private final CompletableFuture<KlaviyoResponse> result = new CompletableFuture<>();
        private final AtomicBoolean settled = new AtomicBoolean();
        private volatile ScheduledFuture<?> alarm;
        private volatile CompletableFuture<KlaviyoResponse> inner;
        private volatile boolean due;

        Deadline(KlaviyoRequest request, long started) {
            this.request = request;
            this.started = started;
        }

        void follow(CompletableFuture<KlaviyoResponse> attempts) {
            this.inner = attempts;
            attempts.whenComplete((response, failure) -> {
                if (settled.compareAndSet(false, true)) {
                    alarm.cancel(false);
                    if (failure == null) {
                        result.complete(response);
                    } else {
                        result.completeExceptionally(FailureKind.unwrap(failure));
                    }
                }
            });
            // whoever gives up on the result (a page iterator's own wait) stops the attempts too
            result.whenComplete((response, failure) -> {
                if (result.isCancelled()) {
                    attempts.cancel(true);
                }
            });
            if (due) {
                // the alarm went off while the first attempt was being sent
                expire();
            }
        }

        void expire() {
            due = true;
            CompletableFuture<KlaviyoResponse> attempts = inner;
            if (attempts == null || !settled.compareAndSet(false, true)) {
                // answered already, or not followed yet (follow() expires it then)
                return;
            }
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            int made = attempts instanceof AttemptHistory history ? history.attempts() : 1;
            Throwable lastFailure = attempts instanceof AttemptHistory history ? history.lastFailure() : null;
            KlaviyoTimeoutException timeout = new KlaviyoTimeoutException(request.operation().name(), timeoutMillis,
                    elapsed, made, lastFailure);
            attempts.cancel(true);
            try {
                completions.execute(() -> result.completeExceptionally(timeout));
            } catch (RejectedExecutionException e) {
                result.completeExceptionally(timeout);
            }
        }
    }
}
