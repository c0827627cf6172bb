package io.camelklaviyo.ratelimit;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import io.camelklaviyo.invoke.Call;
import io.camelklaviyo.metrics.RequestMetrics;
import io.camelklaviyo.request.KlaviyoRequest;
import io.camelklaviyo.response.KlaviyoResponse;

/**
 * One HTTP attempt, sent once the rate limiter lets it go; its response carries the budget the limiter had left.
 * It is the innermost step around an attempt, so that every attempt (a retry too) takes its own token.
 * <p>
 * Cancelling the returned future (an overall timeout, a caller that gives up) takes a request still waiting out of
 * the limiter's queue, so that it is never sent later and takes no token, and cancels an attempt in flight.
 */
public final class RateLimitedCall implements Call {

    private final Call attempt;
    private final Supplier<KlaviyoRateLimiter> limiter;
    private final RateLimitAccount account;
    private final RequestMetrics metrics;

    /**
     * @param limiter the component's limiter, looked up per request (it exists from the component's start to its
     *                stop); null when rate limiting is off
     * @param account the quota the endpoint's calls draw from
     */
    public RateLimitedCall(Call attempt, Supplier<KlaviyoRateLimiter> limiter, RateLimitAccount account) {
        this(attempt, limiter, account, RequestMetrics.NONE);
    }

    /**
     * @param metrics told how long each attempt waited for its permit
     */
    public RateLimitedCall(Call attempt, Supplier<KlaviyoRateLimiter> limiter, RateLimitAccount account,
                           RequestMetrics metrics) {
        this.attempt = attempt;
        this.limiter = limiter;
        this.account = account;
        this.metrics = metrics;
    }

    @Override
    public CompletableFuture<KlaviyoResponse> call(KlaviyoRequest request) {
        KlaviyoRateLimiter rateLimiter = limiter.get();
        if (rateLimiter == null) {
            return attempt.call(request);
        }
        Permitted result = new Permitted();
        CompletableFuture<RateLimitBudget> permit;
        long asked = System.nanoTime();
        try {
            permit = rateLimiter.acquire(account.accountKey(request.operation()), request.operation(), request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        result.follow(permit);
        permit.whenComplete((budget, failure) -> {
            if (failure != null) {
                result.completeExceptionally(unwrap(failure));
            } else if (!result.isDone()) {
                metrics.rateLimitWait(request.operation().name(), System.nanoTime() - asked);
                send(request, budget, result);
            }
        });
        return result;
    }

    private void send(KlaviyoRequest request, RateLimitBudget budget, Permitted result) {
        CompletableFuture<KlaviyoResponse> sent;
        try {
            sent = attempt.call(request);
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return;
        }
        result.follow(sent);
        sent.whenComplete((response, failure) -> {
            if (failure != null) {
                result.completeExceptionally(unwrap(failure));
            } else {
                result.complete(budget == null ? response : response.withRateLimitBudget(budget));
            }
        });
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** The attempt's future; cancelling it cancels what it waits for: the permit, then the attempt. */
    private static final class Permitted extends CompletableFuture<KlaviyoResponse> {

        private volatile Future<?> current;

        void follow(Future<?> step) {
            current = step;
            if (isCancelled()) {
                step.cancel(true);
            }
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            Future<?> step = current;
            if (step != null) {
                step.cancel(mayInterruptIfRunning);
            }
            return cancelled;
        }
    }
}
