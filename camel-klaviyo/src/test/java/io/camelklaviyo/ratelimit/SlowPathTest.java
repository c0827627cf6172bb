package io.camelklaviyo.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelklaviyo.operation.Operation.SlowPath;
import org.junit.jupiter.api.Test;

import static io.camelklaviyo.ratelimit.Requests.operation;
import static io.camelklaviyo.ratelimit.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which requests take a slow path, and that a slow-path request counts in the variant's windows and in the
 * operation's.
 */
class SlowPathTest {

    private static final String ACCOUNT = "private-key:0011223344556677";

    @Test
    void slowPathsAreSelectedByTheirParameterValue() {
        assertThat(SlowPaths.of(operation("profiles/list"), request("profiles/list",
                "additional-fields[profile]", "subscriptions,predictive_analytics")))
                .extracting(SlowPath::value).containsExactly("predictive_analytics");
        assertThat(SlowPaths.of(operation("profiles/list"), request("profiles/list",
                "additional-fields[profile]", "subscriptions"))).isEmpty();
        assertThat(SlowPaths.of(operation("lists/get"), request("lists/get",
                "additional-fields[list]", "profile_count"))).extracting(SlowPath::burst, SlowPath::steady)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 15));
        assertThat(SlowPaths.of(operation("segments/get"), request("segments/get",
                "additional-fields[segment]", "profile_count"))).hasSize(1);
        assertThat(SlowPaths.of(operation("lists/get-profiles"), request("lists/get-profiles",
                "additional-fields[profile]", "predictive_analytics"))).hasSize(1);
        assertThat(SlowPaths.of(operation("tags/list"), request("tags/list"))).isEmpty();
    }

    @Test
    void getProfilesIncludeMatchesThePluralTheIncludeEnumSpells() {
        // the spec's description says include=list / include=segment; valid requests say lists / segments
        assertThat(SlowPaths.of(operation("profiles/get"), request("profiles/get", "include", "lists")))
                .extracting(SlowPath::value).containsExactly("list");
        assertThat(SlowPaths.of(operation("profiles/get"), request("profiles/get", "include", "segments,lists")))
                .extracting(SlowPath::value).containsExactly("list", "segment");
        assertThat(SlowPaths.of(operation("profiles/get"), request("profiles/get", "include", "push-tokens")))
                .isEmpty();
        assertThat(SlowPaths.contains("list", "list")).isTrue();
        assertThat(SlowPaths.contains(" Lists ", "list")).isTrue();
        assertThat(SlowPaths.contains("conversations", "list")).isFalse();
    }

    @Test
    void aSlowPathRequestCountsInTheVariantsWindowsAndInTheOperations() {
        ManualTime time = new ManualTime(Instant.parse("2026-03-10T12:00:00.500Z"));
        Bucket4jRateLimiter limiter = WindowAccountingTest.limiter(time, Duration.ofMinutes(10));

        // profiles/get: 75/s, 750/m; with include=lists 1/s, 15/m. Half a second left: 38 of 75
        CompletableFuture<RateLimitBudget> withLists = limiter.acquire(ACCOUNT, operation("profiles/get"),
                request("profiles/get", "include", "lists"));
        CompletableFuture<RateLimitBudget> again = limiter.acquire(ACCOUNT, operation("profiles/get"),
                request("profiles/get", "include", "lists"));
        CompletableFuture<RateLimitBudget> plain = limiter.acquire(ACCOUNT, operation("profiles/get"),
                request("profiles/get"));
        CompletableFuture<RateLimitBudget> withSegments = limiter.acquire(ACCOUNT, operation("profiles/get"),
                request("profiles/get", "include", "segments"));
        CompletableFuture<RateLimitBudget> withBoth = limiter.acquire(ACCOUNT, operation("profiles/get"),
                request("profiles/get", "include", "lists,segments"));

        assertThat(withLists).as("the variant's budget is the tighter")
                .isCompletedWithValue(new RateLimitBudget(0, 14, null));
        assertThat(again).as("the variant's 1/s is spent").isNotDone();
        assertThat(plain).as("the operation's own requests go on; the slow one counted in its window too")
                .isCompletedWithValue(new RateLimitBudget(36, 748, null));
        assertThat(withSegments).as("another variant has its own bucket")
                .isCompletedWithValue(new RateLimitBudget(0, 14, null));
        assertThat(withBoth).as("both variants spent").isNotDone();
        assertThat(limiter.budget(ACCOUNT, operation("profiles/get"), request("profiles/get")))
                .isEqualTo(new RateLimitBudget(35, 747, null));

        time.advance(500, TimeUnit.MILLISECONDS);
        assertThat(again).isCompletedWithValue(new RateLimitBudget(0, 13, null));
        assertThat(withBoth).as("the list variant's token went to the earlier request").isNotDone();
        time.advance(1, TimeUnit.SECONDS);
        assertThat(withBoth).isCompletedWithValue(new RateLimitBudget(0, 12, null));
        assertThat(limiter.budget(ACCOUNT, operation("profiles/get"), request("profiles/get")))
                .as("each request counted once in the operation's windows")
                .isEqualTo(new RateLimitBudget(74, 745, null));
    }

    @Test
    void aTokenTakenFromTheVariantIsGivenBackWhenTheOperationHasNone() {
        ManualTime time = new ManualTime(Instant.parse("2026-03-10T12:00:00.500Z"));
        Bucket4jRateLimiter limiter = WindowAccountingTest.limiter(time, Duration.ofMinutes(10));
        while (limiter.budget(ACCOUNT, operation("profiles/get"), request("profiles/get")).burst() > 0) {
            limiter.acquire(ACCOUNT, operation("profiles/get"), request("profiles/get"));
        }

        CompletableFuture<RateLimitBudget> slow = limiter.acquire(ACCOUNT, operation("profiles/get"),
                request("profiles/get", "include", "lists"));

        assertThat(slow).as("the operation's burst is spent").isNotDone();
        assertThat(limiter.budget(ACCOUNT, operation("profiles/get"), request("profiles/get", "include", "lists")))
                .as("the variant's token was given back: 15/m left").isEqualTo(new RateLimitBudget(0, 15, null));
        assertThat(limiter.budget(ACCOUNT, operation("profiles/get"), request("profiles/get", "include", "lists",
                "fields[profile]", "email"))).isEqualTo(new RateLimitBudget(0, 15, null));
        time.advance(500, TimeUnit.MILLISECONDS);
        assertThat(slow).isCompletedWithValue(new RateLimitBudget(0, 14, null));
    }
}
