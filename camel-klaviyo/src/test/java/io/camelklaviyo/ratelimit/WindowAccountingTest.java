package io.camelklaviyo.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.camelklaviyo.request.KlaviyoRequest;
import org.junit.jupiter.api.Test;

import static io.camelklaviyo.ratelimit.Requests.operation;
import static io.camelklaviyo.ratelimit.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The limiter's arithmetic on a manual clock: fixed windows aligned to the wall clock's seconds, minutes and UTC days,
 * the boundary guard, the longest wait, per-account buckets, and the budget it reports.
 */
class WindowAccountingTest {

    private static final String ACCOUNT = "private-key:0011223344556677";

    @Test
    void burstAndSteadyWindowsAreFixedWindowsOnWholeSecondsAndMinutes() {
        ManualTime time = new ManualTime(Instant.parse("2026-03-10T12:00:00.500Z"));
        Bucket4jRateLimiter limiter = limiter(time, Duration.ofMinutes(10));
        List<Instant> granted = new ArrayList<>();

        // tags/list is an S operation: 3/s, 60/m
        KlaviyoRequest tags = request("tags/list");
        List<CompletableFuture<RateLimitBudget>> acquisitions = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            acquisitions.add(limiter.acquire(ACCOUNT, operation("tags/list"), tags)
                    .whenComplete((budget, failure) -> granted.add(time.instant())));
        }
        // a new bucket gets the share of the second that is left: half a second, 2 of 3; the minute starts full
        assertThat(granted).as("granted at once").hasSize(2);
        time.advance(3, TimeUnit.MINUTES);

        assertThat(acquisitions).allMatch(a -> a.isDone() && !a.isCompletedExceptionally());
        assertThat(granted).hasSize(100).isSorted();
        assertThat(countBy(granted, t -> t.truncatedTo(ChronoUnit.SECONDS)).values()).allMatch(n -> n <= 3);
        assertThat(countBy(granted, t -> t.truncatedTo(ChronoUnit.MINUTES)).values()).allMatch(n -> n <= 60);
        // the first two go at once; the others go exactly when a window opens
        assertThat(granted.subList(0, 2)).containsOnly(Instant.parse("2026-03-10T12:00:00.500Z"));
        assertThat(granted.subList(2, 100)).allMatch(t -> t.getNano() == 0);
        assertThat(granted.get(2)).isEqualTo("2026-03-10T12:00:01Z");
        // 2 + 19 seconds x 3 + 1 = 60: the steady window is spent at 12:00:20, the 61st waits for 12:01:00
        assertThat(granted.get(59)).isEqualTo("2026-03-10T12:00:20Z");
        assertThat(granted.get(60)).isEqualTo("2026-03-10T12:01:00Z");
        assertThat(acquisitions.get(60).join()).isEqualTo(new RateLimitBudget(2, 59, null));
    }

    @Test
    void theDailyCapCountsPerUtcDayAndASpentCapFailsAtOnce() {
        ManualTime time = new ManualTime(Instant.parse("2026-03-10T23:40:00.200Z"));
        Bucket4jRateLimiter limiter = limiter(time, Duration.ofMinutes(10));
        // custom-metrics/create: XS (1/s, 15/m) with a daily cap of 15
        KlaviyoRequest create = request("custom-metrics/create");
        List<CompletableFuture<RateLimitBudget>> day = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            day.add(limiter.acquire(ACCOUNT, operation("custom-metrics/create"), create));
        }
        time.advance(20, TimeUnit.SECONDS);
        assertThat(day).allMatch(a -> a.isDone() && !a.isCompletedExceptionally());
        assertThat(day.get(14).join()).isEqualTo(new RateLimitBudget(0, 0, 0L));

        // 23:40:20: the cap resets at midnight, in 20 minutes, beyond the longest wait of 10 minutes
        CompletableFuture<RateLimitBudget> spent = limiter.acquire(ACCOUNT, operation("custom-metrics/create"), create);
        assertThat(spent).isCompletedExceptionally();
        assertThatThrownBy(spent::join).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(RateLimitExceededException.class)
                .hasMessageContaining("daily cap of custom-metrics/create")
                .hasMessageContaining("1/s, 15/m, 15/d")
                .hasMessageContaining("00:00 UTC");

        // within the longest wait, a request waits for the new day
        time.advanceTo(Instant.parse("2026-03-10T23:55:00Z"));
        CompletableFuture<RateLimitBudget> nextDay = limiter.acquire(ACCOUNT, operation("custom-metrics/create"),
                create);
        time.advanceTo(Instant.parse("2026-03-10T23:59:59.999Z"));
        assertThat(nextDay).isNotDone();
        time.advanceTo(Instant.parse("2026-03-11T00:00:00Z"));
        assertThat(nextDay).isCompletedWithValue(new RateLimitBudget(0, 14, 14L));
    }

    @Test
    void aNewBucketGetsTheShareOfTheOpenSecondThatIsLeft() {
        ManualTime time = new ManualTime(Instant.parse("2026-03-10T12:00:40.900Z"));
        Bucket4jRateLimiter limiter = limiter(time, Duration.ofMinutes(10));
        // catalog-items/list: 350/s, 3500/m. A tenth of a second left: 35; the minute starts full
        assertThat(limiter.budget(ACCOUNT, operation("catalog-items/list"), request("catalog-items/list")))
                .isEqualTo(new RateLimitBudget(35, 3500, null));
        assertThat(Windows.share(1, Windows.SECOND, time.currentTimeNanos())).as("at least one").isEqualTo(1);
        time.advance(100, TimeUnit.MILLISECONDS);
        assertThat(limiter.budget(ACCOUNT, operation("catalog-items/list"), request("catalog-items/list")))
                .isEqualTo(new RateLimitBudget(350, 3500, null));
    }

    @Test
    void aRequestThatWaitedLongerThanTheLongestWaitFails() {
        ManualTime time = new ManualTime(Instant.parse("2026-03-10T12:00:00.500Z"));
        Bucket4jRateLimiter limiter = limiter(time, Duration.ofSeconds(5));
        // accounts/list: XS, 1/s: the 7th of 7 requests could go only in 6 s
        List<CompletableFuture<RateLimitBudget>> acquisitions = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            acquisitions.add(limiter.acquire(ACCOUNT, operation("accounts/list"), request("accounts/list")));
        }
        time.advance(10, TimeUnit.SECONDS);

        assertThat(acquisitions.subList(0, 5)).allMatch(a -> a.isDone() && !a.isCompletedExceptionally());
        assertThat(acquisitions.get(6)).isCompletedExceptionally();
        assertThatThrownBy(acquisitions.get(6)::join).cause().isInstanceOf(RateLimitExceededException.class)
                .hasMessageContaining("later than the longest wait of 5s");
    }

    @Test
    void nothingLeavesInTheLastMomentsOfASecond() {
        ManualTime time = new ManualTime(Instant.parse("2026-03-10T12:00:00.920Z"));
        Bucket4jRateLimiter limiter = limiter(time, Duration.ofMinutes(10));

        CompletableFuture<RateLimitBudget> late = limiter.acquire(ACCOUNT, operation("tags/list"),
                request("tags/list"));
        assertThat(late).as("80 ms before the boundary, within the 100 ms guard").isNotDone();
        time.advance(79, TimeUnit.MILLISECONDS);
        assertThat(late).isNotDone();
        time.advance(1, TimeUnit.MILLISECONDS);
        assertThat(late).as("sent in the new window, counted in it")
                .isCompletedWithValue(new RateLimitBudget(2, 59, null));

        time.advanceTo(Instant.parse("2026-03-10T12:00:01.890Z"));
        assertThat(limiter.acquire(ACCOUNT, operation("tags/list"), request("tags/list")))
                .as("110 ms before the boundary").isCompletedWithValue(new RateLimitBudget(1, 58, null));
    }

    @Test
    void accountsHaveBucketsOfTheirOwn() {
        ManualTime time = new ManualTime(Instant.parse("2026-03-10T12:00:00.500Z"));
        Bucket4jRateLimiter limiter = limiter(time, Duration.ofMinutes(10));
        KlaviyoRequest accounts = request("accounts/list");

        CompletableFuture<RateLimitBudget> first = limiter.acquire(ACCOUNT, operation("accounts/list"), accounts);
        CompletableFuture<RateLimitBudget> second = limiter.acquire(ACCOUNT, operation("accounts/list"), accounts);
        CompletableFuture<RateLimitBudget> other = limiter.acquire("private-key:8899aabbccddeeff",
                operation("accounts/list"), accounts);
        CompletableFuture<RateLimitBudget> otherOperation = limiter.acquire(ACCOUNT, operation("metrics/list"),
                request("metrics/list"));

        assertThat(first).isCompletedWithValue(new RateLimitBudget(0, 14, null));
        assertThat(second).as("same account, same operation, XS: 1/s").isNotDone();
        assertThat(other).as("another account").isCompletedWithValue(new RateLimitBudget(0, 14, null));
        // metrics/list: 10/s, 150/m; half a second left: 5 of 10
        assertThat(otherOperation).as("another operation").isCompletedWithValue(new RateLimitBudget(4, 149, null));
        assertThat(limiter.budget(ACCOUNT, operation("accounts/list"), accounts))
                .isEqualTo(new RateLimitBudget(0, 14, null));
        time.advance(500, TimeUnit.MILLISECONDS);
        assertThat(second).isCompletedWithValue(new RateLimitBudget(0, 13, null));
    }

    @Test
    void theBudgetQueryTakesNothing() {
        ManualTime time = new ManualTime(Instant.parse("2026-03-10T12:00:00.500Z"));
        Bucket4jRateLimiter limiter = limiter(time, Duration.ofMinutes(10));
        KlaviyoRequest lists = request("lists/create");

        // lists/create: 10/s, 150/m, 150/d; half a second left: 5 of 10
        assertThat(limiter.budget(ACCOUNT, operation("lists/create"), lists))
                .isEqualTo(new RateLimitBudget(5, 150, 150L));
        limiter.acquire(ACCOUNT, operation("lists/create"), lists);
        assertThat(limiter.budget(ACCOUNT, operation("lists/create"), lists))
                .isEqualTo(new RateLimitBudget(4, 149, 149L));
        assertThat(limiter.budget(ACCOUNT, operation("lists/create"), lists).remaining()).isEqualTo(4);
        time.advance(1, TimeUnit.SECONDS);
        assertThat(limiter.budget(ACCOUNT, operation("lists/create"), lists))
                .isEqualTo(new RateLimitBudget(10, 149, 149L));
    }

    @Test
    void closingFailsTheWaitingRequests() {
        ManualTime time = new ManualTime(Instant.parse("2026-03-10T12:00:00.500Z"));
        Bucket4jRateLimiter limiter = limiter(time, Duration.ofMinutes(10));
        limiter.acquire(ACCOUNT, operation("accounts/list"), request("accounts/list"));
        CompletableFuture<RateLimitBudget> waiting = limiter.acquire(ACCOUNT, operation("accounts/list"),
                request("accounts/list"));

        limiter.close();

        assertThatThrownBy(waiting::join).cause().isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("accounts/list was not sent");
        assertThat(limiter.acquire(ACCOUNT, operation("accounts/list"), request("accounts/list")))
                .isCompletedExceptionally();
    }

    static Bucket4jRateLimiter limiter(ManualTime time, Duration maxWait) {
        return Bucket4jRateLimiter.builder().clock(time).scheduler(time).maxWait(maxWait).build();
    }

    private static <K> Map<K, Long> countBy(List<Instant> instants, Function<Instant, K> window) {
        return instants.stream().collect(Collectors.groupingBy(window, Collectors.counting()));
    }
}
