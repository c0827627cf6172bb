package io.camelklaviyo.ratelimit;

import java.time.Duration;
import java.time.Instant;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.BucketState;

/**
 * Klaviyo's windows as Bucket4j limits.
 * <p>
 * Klaviyo counts in <b>fixed</b> windows: the burst limit per calendar second, the steady limit per calendar minute,
 * the daily cap per day. Each window is therefore a bandwidth whose capacity is the limit and which refills
 * <i>intervally, aligned to the wall clock</i> ({@code refillIntervallyAligned}, first refill at the epoch): all of a
 * window's tokens come back at once on each second, minute and UTC-midnight boundary, never a few at a time. A client
 * that spends at most N tokens between two boundaries sends at most N requests in each of the server's windows,
 * provided the two clocks agree (NTP) and a request sent in a window also arrives in it, which
 * {@link Bucket4jRateLimiter}'s boundary guard takes care of.
 * <p>
 * The usual greedy token bucket (N tokens refilled continuously over the period) would not do that: it lets a client
 * spend N tokens at the end of one server window and, refilled by then, a good part of N again at the start of the
 * next, and shapes traffic to a smooth N per period that leaves each fixed window partly unused. Aligned windows use
 * each window's whole quota and never more.
 * <p>
 * A new bucket cannot know what an earlier process (or this one, before a restart) spent in the windows already
 * open. Its first burst window gets the share of the second that is left (at least one request): 35 of 350 a tenth of
 * a second before the boundary, as if the second had been used evenly so far. That keeps the first grant small when
 * little of its window is left to send it in (a whole quota granted just before a boundary would partly arrive in the
 * next window, which the client fills too), and a restart in mid-second from adding a whole quota to what was spent.
 * The steady and daily windows start full: a share of them would hold back a fresh process for up to a minute (or a
 * day) to guard against a restart after heavy use, which at worst meets a 429 that the retry policy handles; a
 * distributed back-end keeps all counts across restarts. The day is the UTC day, an assumption: Klaviyo does not
 * document its day boundary.
 */
final class Windows {

    static final Duration SECOND = Duration.ofSeconds(1);
    static final Duration MINUTE = Duration.ofMinutes(1);
    static final Duration DAY = Duration.ofDays(1);
    /** Index of the daily bandwidth in a configuration that has one. */
    static final int DAILY = 2;

    private Windows() {
    }

    /**
     * Burst, steady and (when capped) daily windows, in that order.
     *
     * @param nowNanos the wall clock's time (nanoseconds since the epoch) when the bucket is made
     */
    static BucketConfiguration of(int burst, int steady, Integer daily, long nowNanos) {
        var configuration = BucketConfiguration.builder()
                .addLimit(window(burst, SECOND, nowNanos, true))
                .addLimit(window(steady, MINUTE, nowNanos, false));
        if (daily != null) {
            configuration.addLimit(window(daily, DAY, nowNanos, false));
        }
        return configuration.build();
    }

    /** A window of the period; its first refill on the next boundary, so that every refill falls on one. */
    private static Bandwidth window(int limit, Duration period, long nowNanos, boolean share) {
        long length = period.toNanos();
        long nextBoundary = nowNanos - Math.floorMod(nowNanos, length) + length;
        return Bandwidth.builder().capacity(limit)
                .refillIntervallyAligned(limit, period, Instant.ofEpochSecond(0, nextBoundary))
                .initialTokens(share ? share(limit, period, nowNanos) : limit).build();
    }

    /** The part of a window's quota for the part of the window that is left; at least one request. */
    static long share(int limit, Duration period, long nowNanos) {
        long length = period.toNanos();
        long left = length - Math.floorMod(nowNanos, length);
        return Math.max(1, (long) Math.ceil((double) limit * left / length));
    }

    /** The tokens left in each window of a bucket's state. */
    static RateLimitBudget budget(BucketState state, boolean daily) {
        return new RateLimitBudget(state.getCurrentSize(0), state.getCurrentSize(1),
                daily ? Long.valueOf(state.getCurrentSize(DAILY)) : null);
    }
}
