package io.camelklaviyo.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static io.camelklaviyo.ratelimit.Requests.operation;
import static io.camelklaviyo.ratelimit.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limiter tells when it starts holding a bucket's requests back, once, however many requests wait; and once when
 * requests have gone without delay for a steady window again.
 */
class DelayLogTest {

    private static final String ACCOUNT = "private-key:0011223344556677";

    @Test
    void oneLineWhenDelaysStartAndOneWhenTheyAreOver() {
        ManualTime time = new ManualTime(Instant.parse("2026-03-10T12:00:00.500Z"));
        Bucket4jRateLimiter limiter = WindowAccountingTest.limiter(time, Duration.ofMinutes(10));
        try (CapturedLog log = new CapturedLog(Bucket4jRateLimiter.class)) {
            List<CompletableFuture<RateLimitBudget>> acquisitions = new ArrayList<>();
            // accounts/list: 1/s, 15/m. 40 requests: 15 this minute, the rest in the next ones
            for (int i = 0; i < 40; i++) {
                acquisitions.add(limiter.acquire(ACCOUNT, operation("accounts/list"), request("accounts/list")));
            }
            time.advance(3, TimeUnit.MINUTES);
            assertThat(acquisitions).allMatch(a -> a.isDone() && !a.isCompletedExceptionally());
            // a few more bursts, each with one request delayed, well within a steady window of each other
            for (int burst = 0; burst < 5; burst++) {
                time.advance(2, TimeUnit.SECONDS);
                limiter.acquire(ACCOUNT, operation("accounts/list"), request("accounts/list"));
                limiter.acquire(ACCOUNT, operation("accounts/list"), request("accounts/list"));
            }
            time.advance(2, TimeUnit.SECONDS);

            assertThat(log.lines()).as("one line for 40 + 5 delayed requests").hasSize(1);
            assertThat(log.lines().get(0)).startsWith("INFO Klaviyo rate limit: holding back requests of accounts/list"
                                                      + " for account private-key:0011223344556677 to stay within"
                                                      + " 1/s, 15/m");

            // a steady window without delays, then a request that goes at once
            time.advance(61, TimeUnit.SECONDS);
            limiter.acquire(ACCOUNT, operation("accounts/list"), request("accounts/list"));
            limiter.acquire(ACCOUNT, operation("accounts/list"), request("accounts/list"));
            time.advance(1, TimeUnit.SECONDS);

            assertThat(log.lines()).hasSize(3);
            assertThat(log.lines().get(1)).startsWith("INFO Klaviyo rate limit: requests of accounts/list for account"
                                                      + " private-key:0011223344556677 go without delay again; 44"
                                                      + " requests waited between 2026-03-10T12:00:00.500Z and ");
            assertThat(log.lines().get(2)).as("the second request of the new burst starts a new period of delays")
                    .startsWith("INFO Klaviyo rate limit: holding back requests of accounts/list");
        }
    }

    @Test
    void noLineWhenOnlyTheBoundaryGuardHoldsARequestBack() {
        ManualTime time = new ManualTime(Instant.parse("2026-03-10T12:00:00.950Z"));
        Bucket4jRateLimiter limiter = WindowAccountingTest.limiter(time, Duration.ofMinutes(10));
        try (CapturedLog log = new CapturedLog(Bucket4jRateLimiter.class)) {
            CompletableFuture<RateLimitBudget> guarded = limiter.acquire(ACCOUNT, operation("tags/list"),
                    request("tags/list"));
            time.advance(60, TimeUnit.MILLISECONDS);

            assertThat(guarded).isCompleted();
            assertThat(log.lines()).isEmpty();
        }
    }
}
