package io.camelklaviyo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every pending timeout, retry and rate-limit drain is a task of the component's scheduler: thousands of them must
 * queue, never be rejected, under load.
 */
class SchedulerCapacityTest extends KlaviyoStandIn {

    @Test
    void thousandsOfPendingTimersAreAccepted() {
        List<ScheduledFuture<?>> timers = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            timers.add(component.getScheduler().schedule(() -> {
            }, 10, TimeUnit.MINUTES));
        }

        assertThat(timers).hasSize(5_000).noneMatch(ScheduledFuture::isDone);
        timers.forEach(timer -> timer.cancel(false));
    }
}
