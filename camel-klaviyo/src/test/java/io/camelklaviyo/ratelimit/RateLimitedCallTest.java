package io.camelklaviyo.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelklaviyo.invoke.Call;
import io.camelklaviyo.response.KlaviyoResponse;
import org.junit.jupiter.api.Test;

import static io.camelklaviyo.ratelimit.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

/** The step around an attempt: sent when the limiter lets it go, with the budget; never sent once given up. */
class RateLimitedCallTest {

    private static final String ACCOUNT = "private-key:0011223344556677";

    @Test
    void anAttemptGivenUpWhileWaitingIsNeverSentAndTakesNoToken() {
        ManualTime time = new ManualTime(Instant.parse("2026-03-10T12:00:00.500Z"));
        Bucket4jRateLimiter limiter = WindowAccountingTest.limiter(time, Duration.ofMinutes(10));
        AtomicInteger sent = new AtomicInteger();
        Call attempt = request -> {
            sent.incrementAndGet();
            return CompletableFuture.completedFuture(new KlaviyoResponse(200, null, null, null, new byte[0], null));
        };
        RateLimitedCall call = new RateLimitedCall(attempt, () -> limiter, operation -> ACCOUNT);

        // accounts/list: 1/s, 15/m
        CompletableFuture<KlaviyoResponse> first = call.call(request("accounts/list"));
        CompletableFuture<KlaviyoResponse> givenUp = call.call(request("accounts/list"));
        CompletableFuture<KlaviyoResponse> third = call.call(request("accounts/list"));
        assertThat(first.join().rateLimitBudget()).isEqualTo(new RateLimitBudget(0, 14, null));
        assertThat(sent).hasValue(1);

        givenUp.cancel(true);
        time.advance(500, TimeUnit.MILLISECONDS);

        assertThat(third).as("the next waiter takes the given-up one's turn").isCompleted();
        assertThat(third.join().rateLimitBudget()).isEqualTo(new RateLimitBudget(0, 13, null));
        time.advance(5, TimeUnit.SECONDS);
        assertThat(sent).hasValue(2);
        assertThat(limiter.budget(ACCOUNT, Requests.operation("accounts/list"), request("accounts/list")))
                .isEqualTo(new RateLimitBudget(1, 13, null));
    }

    @Test
    void withoutALimiterTheAttemptGoesAsItIs() {
        AtomicInteger sent = new AtomicInteger();
        KlaviyoResponse answer = new KlaviyoResponse(200, null, null, null, new byte[0], null);
        RateLimitedCall call = new RateLimitedCall(request -> {
            sent.incrementAndGet();
            return CompletableFuture.completedFuture(answer);
        }, () -> null, operation -> ACCOUNT);

        assertThat(call.call(request("accounts/list"))).isCompletedWithValue(answer);
        assertThat(answer.rateLimitBudget()).isNull();
        assertThat(sent).hasValue(1);
    }
}
