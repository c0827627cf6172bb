package io.camelklaviyo.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.VerboseResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requests of one account to one operation variant, in arrival order, and the buckets each of them takes a token
 * from (the slow path's, then the operation's).
 * <p>
 * A request goes at once when nobody waits and every bucket has a token; otherwise it joins the queue, and one drain
 * task on the scheduler, run when the next window opens, lets the queue's head go while the buckets have tokens. No
 * thread waits in between, and a token is always taken at the moment its request leaves: never reserved ahead, so a
 * request counted in a window is sent in that window, and a request that needs two buckets takes both tokens in the
 * same instant (when the second bucket has none, the first token is given back).
 */
final class Lane {

    private static final Logger LOG = LoggerFactory.getLogger(Bucket4jRateLimiter.class);
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    /** How long a lane must go without a delay before it logs that it stopped delaying: one steady window. */
    private static final long QUIET = TimeUnit.MINUTES.toNanos(1);
    private static final long MIN_WAIT = TimeUnit.MILLISECONDS.toNanos(1);

    private final Bucket4jRateLimiter limiter;
    private final String operation;
    private final String description;
    private final String limits;
    private final Bucket[] buckets;
    private final boolean[] daily;
    private final Queue<Waiter> waiters = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainPending = new AtomicBoolean();

    // the log's state: one line when delaying starts, one when it has been quiet for a steady window
    private volatile boolean delaying;
    private long delayingSince;
    private long lastDelayedAt;
    private long waited;
    private long longestWait;

    /**
     * @param buckets the buckets a request takes a token from, the scarcest first
     * @param daily   whether each bucket has a daily window
     */
    Lane(Bucket4jRateLimiter limiter, String operation, String description, String limits, Bucket[] buckets,
         boolean[] daily) {
        this.limiter = limiter;
        this.operation = operation;
        this.description = description;
        this.limits = limits;
        this.buckets = buckets;
        this.daily = daily;
    }

    CompletableFuture<RateLimitBudget> acquire() {
        long now = limiter.now();
        if (waiters.isEmpty()) {
            Take take = take(now);
            if (take.granted()) {
                endOfDelaysAfterQuiet(now);
                return CompletableFuture.completedFuture(take.budget());
            }
            if (take.waitNanos() > limiter.maxWaitNanos()) {
                return CompletableFuture.failedFuture(exceeded(take));
            }
            if (!take.guard()) {
                delayed(now);
            }
            Waiter waiter = new Waiter(now);
            waiters.add(waiter);
            scheduleDrain(take.waitNanos());
            return waiter.future;
        }
        Waiter waiter = new Waiter(now);
        waiters.add(waiter);
        // normally a drain is pending already; this covers a drain that finished while the waiter was added
        scheduleDrain(0);
        return waiter.future;
    }

    /** The budget left now, taking nothing. */
    RateLimitBudget budget() {
        RateLimitBudget budget = null;
        for (int i = 0; i < buckets.length; i++) {
            budget = Windows.budget(buckets[i].asVerbose().getAvailableTokens().getState(), daily[i]).and(budget);
        }
        return budget;
    }

    /** Fails the waiting requests: the limiter is closed. */
    void close() {
        failAll(new IllegalStateException("The Klaviyo rate limiter is closed (the component is stopping): "
                                          + operation + " was not sent"));
    }

    /**
     * Takes one token from every bucket, now, or tells how long to wait. Nothing is taken in the last moments before
     * a second boundary (the boundary guard): a request sent then could reach Klaviyo in the next window, which has
     * its own full quota.
     */
    private Take take(long now) {
        long toBoundary = SECOND - Math.floorMod(now, SECOND);
        if (toBoundary <= limiter.guardNanos()) {
            return Take.guarded(toBoundary);
        }
        RateLimitBudget budget = null;
        for (int i = 0; i < buckets.length; i++) {
            VerboseResult<ConsumptionProbe> result = buckets[i].asVerbose().tryConsumeAndReturnRemaining(1);
            ConsumptionProbe probe = result.getValue();
            if (!probe.isConsumed()) {
                refund(i);
                boolean dailySpent = daily[i] && result.getState().getCurrentSize(Windows.DAILY) <= 0;
                return Take.waiting(Math.max(probe.getNanosToWaitForRefill(), MIN_WAIT), dailySpent);
            }
            budget = Windows.budget(result.getState(), daily[i]).and(budget);
        }
        return Take.granted(budget);
    }

    /** Gives the tokens taken from the first {@code count} buckets back. */
    private void refund(int count) {
        for (int i = 0; i < count; i++) {
            buckets[i].addTokens(1);
        }
    }

    private void scheduleDrain(long delayNanos) {
        if (drainPending.compareAndSet(false, true)) {
            schedule(delayNanos);
        }
    }

    private void schedule(long delayNanos) {
        try {
            limiter.scheduler().schedule(this::drain, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            drainPending.set(false);
            failAll(new IllegalStateException("The Klaviyo rate limiter's scheduler is stopped: " + operation
                                              + " was not sent", e));
        }
    }

    /** Lets the queue's head go while the buckets have tokens, then sleeps (scheduled) until the next window. */
    private void drain() {
        try {
            while (true) {
                if (limiter.isClosed()) {
                    close();
                } else if (!grantWaiters()) {
                    return; // rescheduled
                }
                drainPending.set(false);
                if (waiters.isEmpty() || !drainPending.compareAndSet(false, true)) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            // a bucket store that fails (e.g. a distributed back-end that is down) fails the waiting requests
            // rather than leaving them waiting for a drain that never comes
            drainPending.set(false);
            failAll(e);
        }
    }

    /** @return false when the drain was rescheduled for the next window */
    private boolean grantWaiters() {
        Waiter head;
        while ((head = waiters.peek()) != null) {
            if (head.future.isDone()) {
                waiters.remove(head);
                continue;
            }
            long now = limiter.now();
            Take take = take(now);
            if (!take.granted()) {
                if (!take.guard()) {
                    delayed(now);
                }
                expire(now, take);
                if (waiters.isEmpty()) {
                    return true;
                }
                schedule(take.waitNanos());
                return false;
            }
            waiters.remove(head);
            waitedFor(now - head.since);
            // the request's continuation (sending it) runs here: a non-blocking hand-over to the HTTP client
            if (!head.future.complete(take.budget())) {
                // cancelled meanwhile (its caller gave up): the request is not sent, its tokens go back
                refund(buckets.length);
            }
        }
        return true;
    }

    /** Fails the waiters that could only go after their longest wait. */
    private void expire(long now, Take take) {
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext();) {
            Waiter waiter = it.next();
            if (now + take.waitNanos() - waiter.since > limiter.maxWaitNanos()) {
                it.remove();
                waiter.future.completeExceptionally(exceeded(take));
            }
        }
    }

    private void failAll(Throwable failure) {
        Waiter waiter;
        while ((waiter = waiters.poll()) != null) {
            waiter.future.completeExceptionally(failure);
        }
    }

    private RateLimitExceededException exceeded(Take take) {
        Duration wait = Duration.ofNanos(take.waitNanos());
        String message = take.dailySpent()
                ? "Klaviyo rate limit: the daily cap of " + description + " (" + limits + ") is spent; it resets at"
                  + " 00:00 UTC, in " + human(wait) + ". Nothing was sent"
                : "Klaviyo rate limit: " + description + " (" + limits + ") could only be sent in " + human(wait)
                  + ", later than the longest wait of " + human(Duration.ofNanos(limiter.maxWaitNanos()))
                  + ". Nothing was sent";
        return new RateLimitExceededException(operation, wait, message);
    }

    private synchronized void delayed(long now) {
        lastDelayedAt = now;
        if (!delaying) {
            delaying = true;
            delayingSince = now;
            waited = 0;
            longestWait = 0;
            LOG.info("Klaviyo rate limit: holding back requests of {} to stay within {}; they wait, holding no"
                     + " thread, until a window has room", description, limits);
        }
    }

    private synchronized void waitedFor(long nanos) {
        if (delaying) {
            waited++;
            longestWait = Math.max(longestWait, nanos);
        }
    }

    /** Logs the end of a period of delays once a request went at once a steady window after the last delay. */
    private void endOfDelaysAfterQuiet(long now) {
        if (!delaying) {
            return;
        }
        synchronized (this) {
            if (delaying && now - lastDelayedAt >= QUIET) {
                delaying = false;
                LOG.info("Klaviyo rate limit: requests of {} go without delay again; {} requests waited between {}"
                         + " and {}, the longest {} ms", description, waited, instant(delayingSince),
                        instant(lastDelayedAt), TimeUnit.NANOSECONDS.toMillis(longestWait));
            }
        }
    }

    private static Instant instant(long epochNanos) {
        return Instant.ofEpochSecond(0, epochNanos);
    }

    /** e.g. {@code 5h3m12s}, {@code 0.05s}. */
    private static String human(Duration duration) {
        return duration.truncatedTo(duration.toSeconds() > 0 ? ChronoUnit.SECONDS : ChronoUnit.MILLIS).toString()
                .substring(2).toLowerCase(Locale.ROOT);
    }

    /** A request waiting for its turn. */
    private static final class Waiter {
        final long since;
        final CompletableFuture<RateLimitBudget> future = new CompletableFuture<>();

        Waiter(long since) {
            this.since = since;
        }
    }

    /**
     * The outcome of one try: a budget when the tokens were taken, else how long to wait and why.
     *
     * @param guard      true when only the boundary guard held the request back
     * @param dailySpent true when the daily cap is what is missing
     */
    private record Take(RateLimitBudget budget, long waitNanos, boolean guard, boolean dailySpent) {

        static Take granted(RateLimitBudget budget) {
            return new Take(budget, 0, false, false);
        }

        static Take guarded(long waitNanos) {
            return new Take(null, waitNanos, true, false);
        }

        static Take waiting(long waitNanos, boolean dailySpent) {
            return new Take(null, waitNanos, false, dailySpent);
        }

        boolean granted() {
            return waitNanos == 0;
        }
    }
}
