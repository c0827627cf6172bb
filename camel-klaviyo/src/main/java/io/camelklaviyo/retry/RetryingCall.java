package io.camelklaviyo.retry;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import io.camelklaviyo.KlaviyoApiException;
import io.camelklaviyo.KlaviyoConnectionException;
import io.camelklaviyo.invoke.Call;
import io.camelklaviyo.metrics.RequestMetrics;
import io.camelklaviyo.request.KlaviyoRequest;
import io.camelklaviyo.response.KlaviyoResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call that makes another attempt when a failed one is worth it ({@link RetryRules}), with Failsafe's asynchronous
 * retry loop: no thread waits between attempts. The final failure is the last attempt's
 * {@link KlaviyoApiException} or {@link KlaviyoConnectionException}, carrying the number of attempts, and in its
 * message how many attempts were made and why there was no further one. The future it returns reports its attempts
 * ({@link AttemptHistory}) and, when cancelled, drops the pending retry and cancels the attempt in flight.
 */
final class RetryingCall implements Call {

    private static final Logger LOG = LoggerFactory.getLogger(RetryingCall.class);

    private final Call attempt;
    private final RetryRules rules;
    private final Supplier<ScheduledExecutorService> timers;
    private final Executor runner;
    private final RequestMetrics metrics;

    /**
     * @param timers the component's scheduler, looked up per call (it lives from the component's start to its stop)
     * @param runner where a retry runs once its wait is over
     */
    RetryingCall(Call attempt, RetryRules rules, Supplier<ScheduledExecutorService> timers, Executor runner) {
        this(attempt, rules, timers, runner, RequestMetrics.NONE);
    }

    /**
     * @param metrics told of each retry
     */
    RetryingCall(Call attempt, RetryRules rules, Supplier<ScheduledExecutorService> timers, Executor runner,
                 RequestMetrics metrics) {
        this.metrics = metrics;
        this.attempt = attempt;
        this.rules = rules;
        this.timers = timers;
        this.runner = runner;
    }

    @Override
    public CompletableFuture<KlaviyoResponse> call(KlaviyoRequest request) {
        Execution execution = new Execution(request);
        RetryPolicy<KlaviyoResponse> policy = RetryPolicy.<KlaviyoResponse> builder()
                .handleIf((response, failure) -> failure != null && execution.retries(failure))
                .withDelayFn(context -> execution.nextWait())
                .withMaxRetries(rules.settings().maxRetries())
                .build();
        Outcome outcome = new Outcome(execution);
        CompletableFuture<KlaviyoResponse> attempts = Failsafe.with(policy)
                .with(new DueWork(timers, runner))
                .getStageAsync(execution::attempt);
        outcome.follow(attempts);
        return outcome;
    }

    /** One call: its attempts and the verdict on the last failure. */
    private final class Execution {

        private final KlaviyoRequest request;
        private final long started = System.nanoTime();
        private final AtomicInteger attempts = new AtomicInteger();
        private volatile Throwable lastFailure;
        private volatile Verdict verdict = Verdict.stop();

        Execution(KlaviyoRequest request) {
            this.request = request;
        }

        CompletableFuture<KlaviyoResponse> attempt() {
            attempts.incrementAndGet();
            try {
                return attempt.call(request);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        /** Judges a failed attempt; Failsafe asks once per failure, before it asks for the wait. */
        boolean retries(Throwable failure) {
            lastFailure = FailureKind.unwrap(failure);
            verdict = rules.judge(request, lastFailure, attempts.get(), millisLeft());
            if (verdict.retry()) {
                LOG.debug("Klaviyo {}: attempt {} failed ({}), retrying in {} ms", request.operation().name(),
                        attempts.get(), lastFailure.getMessage(), verdict.waitMillis());
                metrics.retry(request.operation().name());
            }
            return verdict.retry();
        }

        Duration nextWait() {
            return Duration.ofMillis(verdict.waitMillis());
        }

        private long millisLeft() {
            long timeout = rules.settings().requestTimeoutMillis();
            return timeout <= 0
                    ? Long.MAX_VALUE
                    : timeout - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        }

        /** The call's failure: the last attempt's, with the attempts made and why there was no other. */
        Throwable outcome(Throwable failure) {
            Throwable cause = FailureKind.unwrap(failure);
            String reason = verdict.reason();
            if (cause instanceof RejectedExecutionException && lastFailure != null) {
                // the component stopped while a retry was due
                cause = lastFailure;
                reason = "the klaviyo component stopped";
            }
            int made = attempts.get();
            String note = note(made, reason);
            if (note == null) {
                return cause;
            }
            if (cause instanceof KlaviyoApiException api) {
                return api.afterAttempts(made, note);
            }
            if (cause instanceof KlaviyoConnectionException connection) {
                return connection.afterAttempts(made, note);
            }
            return cause;
        }

        private static String note(int attempts, String reason) {
            if (attempts <= 1) {
                return reason == null ? null : "not retried: " + reason;
            }
            return "after " + attempts + " attempts" + (reason == null ? "" : "; not retried further: " + reason);
        }
    }

    /** The call's future: completes with the attempts' outcome; cancelling it stops them. */
    private static final class Outcome extends CompletableFuture<KlaviyoResponse> implements AttemptHistory {

        private final Execution execution;
        private volatile CompletableFuture<KlaviyoResponse> attempts;

        Outcome(Execution execution) {
            this.execution = execution;
        }

        void follow(CompletableFuture<KlaviyoResponse> attempts) {
            this.attempts = attempts;
            attempts.whenComplete((response, failure) -> {
                if (failure == null) {
                    complete(response);
                } else {
                    completeExceptionally(execution.outcome(failure));
                }
            });
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            CompletableFuture<KlaviyoResponse> running = attempts;
            if (running != null) {
                running.cancel(mayInterruptIfRunning);
            }
            return cancelled;
        }

        @Override
        public int attempts() {
            return execution.attempts.get();
        }

        @Override
        public Throwable lastFailure() {
            return execution.lastFailure;
        }
    }
}
