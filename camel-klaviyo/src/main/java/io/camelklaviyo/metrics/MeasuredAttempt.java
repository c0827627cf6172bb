package io.camelklaviyo.metrics;

import java.util.concurrent.CompletableFuture;

import io.camelklaviyo.invoke.Call;
import io.camelklaviyo.request.KlaviyoRequest;
import io.camelklaviyo.response.KlaviyoResponse;

/**
 * One HTTP attempt, timed: its outcome, status and latency go to the endpoint's {@link RequestMetrics}. It wraps the
 * bare attempt, inside the rate limiter, so the latency is Klaviyo's and the wait for a permit is not counted twice.
 */
public final class MeasuredAttempt implements Call {

    private final Call attempt;
    private final RequestMetrics metrics;

    private MeasuredAttempt(Call attempt, RequestMetrics metrics) {
        this.attempt = attempt;
        this.metrics = metrics;
    }

    /** The attempt, measured; the attempt itself when nothing observes it. */
    public static Call of(Call attempt, RequestMetrics metrics) {
        return metrics == null || metrics == RequestMetrics.NONE ? attempt : new MeasuredAttempt(attempt, metrics);
    }

    @Override
    public CompletableFuture<KlaviyoResponse> call(KlaviyoRequest request) {
        long started = System.nanoTime();
        String operation = request.operation().name();
        CompletableFuture<KlaviyoResponse> sent;
        try {
            sent = attempt.call(request);
        } catch (RuntimeException e) {
            record(operation, started, null, e);
            throw e;
        }
        // the caller may cancel the returned future (a timeout): that is recorded as such, and reaches the attempt
        CompletableFuture<KlaviyoResponse> measured = sent.whenComplete((response, failure) -> record(operation,
                started, response, failure));
        return new Cancelling(measured, sent);
    }

    private void record(String operation, long started, KlaviyoResponse response, Throwable failure) {
        long nanos = System.nanoTime() - started;
        try {
            if (failure == null) {
                metrics.attempt(operation, Outcome.SUCCESS, response == null ? 0 : response.status(), nanos, null);
            } else {
                metrics.attempt(operation, Outcome.of(failure), Outcome.status(failure), nanos, failure);
            }
        } catch (RuntimeException ignored) {
            // observing must never fail a call
        }
    }

    /** The measured future; cancelling it cancels the attempt in flight. */
    private static final class Cancelling extends CompletableFuture<KlaviyoResponse> {

        private final CompletableFuture<KlaviyoResponse> attempt;

        Cancelling(CompletableFuture<KlaviyoResponse> measured, CompletableFuture<KlaviyoResponse> attempt) {
            this.attempt = attempt;
            measured.whenComplete((response, failure) -> {
                if (failure != null) {
                    completeExceptionally(failure instanceof java.util.concurrent.CompletionException
                            && failure.getCause() != null ? failure.getCause() : failure);
                } else {
                    complete(response);
                }
            });
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            attempt.cancel(mayInterruptIfRunning);
            return cancelled;
        }
    }
}
