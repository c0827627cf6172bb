package io.camelklaviyo.ratelimit;

import java.util.concurrent.CompletableFuture;

import io.camelklaviyo.operation.Operation;
import io.camelklaviyo.request.KlaviyoRequest;

/**
 * Holds each HTTP attempt back until it fits Klaviyo's rate limits: the operation's burst (one-second) and steady
 * (one-minute) windows, its daily cap, and the slower limits of its {@code additional-fields} / {@code include}
 * variants, counted per account.
 * <p>
 * The component asks it before every attempt (retries included) of every call of every endpoint: pages, job polls
 * and e-mail lookups too. One limiter serves all endpoints of a component. The built-in one is
 * {@link Bucket4jRateLimiter} with buckets in this JVM; set the component's {@code rateLimiter} option to another
 * instance, for example a {@link Bucket4jRateLimiter} over a distributed Bucket4j back-end so that several nodes that
 * share one Klaviyo account also share its budget.
 * <p>
 * An implementation must never block the calling thread: a request that has to wait gets a future that a scheduler
 * completes later.
 */
public interface KlaviyoRateLimiter {

    /**
     * Takes one request's share of the limits that apply to it.
     *
     * @param  account   the quota the request draws from (see {@link RateLimitAccount}); never a credential
     * @param  operation the operation called, whose catalogue entry holds its limits
     * @param  request   the request, whose query decides whether a slow path applies
     * @return           completes, at once or later on a scheduler thread, with the budget left once this request is
     *                   counted (or null when the limiter does not tell); fails with a
     *                   {@link RateLimitExceededException} when the request could not go within the limiter's longest
     *                   wait (a spent daily cap), or with an {@link IllegalStateException} when the limiter is closed
     */
    CompletableFuture<RateLimitBudget> acquire(String account, Operation operation, KlaviyoRequest request);

    /**
     * The budget left now for such a request, without taking any of it.
     *
     * @return the budget, or null when the limiter does not tell
     */
    RateLimitBudget budget(String account, Operation operation, KlaviyoRequest request);
}
