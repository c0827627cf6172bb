package io.camelklaviyo.consumer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * At-least-once: the mark moves only over records whose exchange completed. A failed exchange holds it where it
 * was; the next poll delivers that record again, and not the records before it, which the idempotent repository
 * knows.
 */
class RouteFailureTest extends ConsumerTestSupport {

    private static final String KEY = "events/list|cursor:datetime";

    private final MemoryStateRepository state = new MemoryStateRepository();
    /** Each delivery: the record id and the state value the route saw while it ran. */
    private final List<String> deliveries = new CopyOnWriteArrayList<>();

    @Test
    void aFailedRecordHoldsTheMarkAndIsDeliveredAgainAlone() throws Exception {
        CollectionStandIn.Collection events = klaviyo.collection("/api/events", "event");
        for (int i = 1; i <= 5; i++) {
            event(events, "E" + i, T0.plusSeconds(i));
        }
        AtomicBoolean failed = new AtomicBoolean();
        consume("klaviyo:events?startPosition=2024-01-01T00:00:00Z&stateRepository=#state&initialDelay=0&delay=200",
                Map.of("state", state), exchange -> {
                    deliveries.add(id(exchange) + " @ " + state.getState(KEY));
                    if ("E3".equals(id(exchange)) && failed.compareAndSet(false, true)) {
                        throw new IllegalStateException("the route failed on E3");
                    }
                });

        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries.size() >= 6);
        await().atMost(Duration.ofSeconds(5)).until(() -> state.getState(KEY).startsWith("2024-01-01T00:00:05Z"));

        String start = "2024-01-01T00:00:00Z from 2024-01-01T00:00:00Z";
        assertThat(deliveries).containsExactly(
                "E1 @ " + start,
                "E2 @ " + start,
                "E3 @ " + start,
                // the failure kept the mark at E2, the last record delivered before it
                "E3 @ 2024-01-01T00:00:02Z from 2024-01-01T00:00:00Z",
                "E4 @ 2024-01-01T00:00:02Z from 2024-01-01T00:00:00Z",
                "E5 @ 2024-01-01T00:00:02Z from 2024-01-01T00:00:00Z");
        Thread.sleep(500);
        assertThat(deliveries).hasSize(6);
    }

    @Test
    void aFailureOnTheFirstRecordLeavesTheStateAsItWas() throws Exception {
        CollectionStandIn.Collection events = klaviyo.collection("/api/events", "event");
        event(events, "E1", T0.plusSeconds(1));
        event(events, "E2", T0.plusSeconds(2));
        AtomicBoolean failed = new AtomicBoolean();
        state.setState(KEY, "2023-12-31T23:59:59Z");
        consume("klaviyo:events?stateRepository=#state&initialDelay=0&delay=300", Map.of("state", state), exchange -> {
            deliveries.add(id(exchange) + " @ " + state.getState(KEY));
            if (failed.compareAndSet(false, true)) {
                throw new IllegalStateException("the route failed");
            }
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries.size() >= 3);

        assertThat(deliveries).containsExactly("E1 @ 2023-12-31T23:59:59Z", "E1 @ 2023-12-31T23:59:59Z",
                "E2 @ 2023-12-31T23:59:59Z");
        await().atMost(Duration.ofSeconds(5)).until(() -> "2024-01-01T00:00:02Z".equals(state.getState(KEY)));
    }
}
