package io.camelklaviyo.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelklaviyo.KlaviyoApiException;
import io.camelklaviyo.KlaviyoComponent;
import io.camelklaviyo.KlaviyoConstants;
import io.camelklaviyo.operation.Operation;
import io.camelklaviyo.ratelimit.KlaviyoRateLimiter;
import io.camelklaviyo.ratelimit.RateLimitBudget;
import io.camelklaviyo.request.KlaviyoRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Camel polling-consumer contract: batch properties, one exchange per page on request, maxMessagesPerPoll with
 * an immediate next poll while records are left, empty messages when idle, backoff and the bridge error handler on
 * failed polls, start positions, and every page through the component's rate limiter.
 */
class PollingSemanticsTest extends ConsumerTestSupport {

    private final List<Exchange> received = new CopyOnWriteArrayList<>();

    private CollectionStandIn.Collection events(int count) {
        CollectionStandIn.Collection events = klaviyo.collection("/api/events", "event");
        for (int i = 1; i <= count; i++) {
            event(events, "E" + i, T0.plusSeconds(i));
        }
        return events;
    }

    @Test
    void oneExchangePerPageWithItsNewRecords() throws Exception {
        events(7);

        consume("klaviyo:events?exchangePerPage=true&pageSize=3&startPosition=beginning&initialDelay=0&delay=5000",
                Map.of(), received::add);

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 3);
        assertThat(received).extracting(exchange -> exchange.getMessage().getBody(List.class).size())
                .containsExactly(3, 3, 1);
        assertThat(received).extracting(exchange -> exchange.getMessage().getHeader(KlaviyoConstants.RECORD_COUNT))
                .containsExactly(3, 3, 1);
        assertThat(received).extracting(exchange -> exchange.getProperty(Exchange.BATCH_INDEX))
                .containsExactly(0, 1, 2);
        assertThat(received).extracting(exchange -> exchange.getProperty(Exchange.BATCH_SIZE))
                .containsExactly(3, 3, 3);
        assertThat(received).extracting(exchange -> exchange.getProperty(Exchange.BATCH_COMPLETE))
                .containsExactly(false, false, true);
        Map<?, ?> first = (Map<?, ?>) received.get(0).getMessage().getBody(List.class).get(0);
        assertThat(first.get("id")).isEqualTo("E1");
    }

    @Test
    void maxMessagesPerPollCutsTheBatchAndTheNextPollStartsAtOnce() throws Exception {
        events(10);

        // a long delay: only the greedy continuation can deliver the ten events quickly
        consume("klaviyo:events?maxMessagesPerPoll=3&pageSize=4&startPosition=beginning&initialDelay=0&delay=60000",
                Map.of(), received::add);

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 10);
        assertThat(received).extracting(ConsumerTestSupport::id)
                .containsExactly("E1", "E2", "E3", "E4", "E5", "E6", "E7", "E8", "E9", "E10");
        assertThat(received).extracting(exchange -> exchange.getProperty(Exchange.BATCH_SIZE))
                .containsExactly(3, 3, 3, 3, 3, 3, 3, 3, 3, 1);
        // a continuation reads on from the mark (E3 was the last delivered), without the overlap window
        assertThat(klaviyo.requests("/api/events")).extracting(request -> request.query().get("filter"))
                .contains("greater-or-equal(datetime,2024-01-01T00:00:03Z)");
    }

    @Test
    void anEmptyMessageWhenAPollFindsNothing() throws Exception {
        klaviyo.collection("/api/events", "event");

        consume("klaviyo:events?sendEmptyMessageWhenIdle=true&initialDelay=0&delay=50", Map.of(), received::add);

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 2);
        assertThat(received.get(0).getMessage().getBody()).isNull();
        assertThat(received.get(0).getProperty(Exchange.BATCH_SIZE)).isEqualTo(1);
    }

    @Test
    void aFailedPollCountsAsAnErrorForBackoff() throws Exception {
        events(3);
        klaviyo.failNext("/api/events", 400, 1000);

        CamelContext context = consume("klaviyo:events?backoffErrorThreshold=1&backoffMultiplier=1000"
                                       + "&initialDelay=0&delay=20",
                Map.of(), received::add);

        await().atMost(Duration.ofSeconds(10)).until(() -> !klaviyo.requests("/api/events").isEmpty());
        Thread.sleep(1000);
        // one failed poll, then the consumer backs off 1000 polls instead of asking again every 20 ms
        assertThat(klaviyo.requests("/api/events")).hasSize(1);
        assertThat(consumerOf(context, "consumer").getBackoffCounter()).isPositive();
    }

    @Test
    void theBridgeErrorHandlerRoutesAFailedPoll() throws Exception {
        klaviyo.collection("/api/events", "event");
        klaviyo.failNext("/api/events", 400, 1);
        List<Exception> handled = new CopyOnWriteArrayList<>();

        start(null, Map.of(), new RouteBuilder() {
            @Override
            public void configure() {
                onException(KlaviyoApiException.class).handled(true)
                        .process(exchange -> handled.add(exchange.getProperty(Exchange.EXCEPTION_CAUGHT,
                                Exception.class)));
                from("klaviyo:events?bridgeErrorHandler=true&initialDelay=0&delay=50").process(received::add);
            }
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> !handled.isEmpty());
        assertThat(((KlaviyoApiException) handled.get(0)).getStatusCode()).isEqualTo(400);
    }

    @Test
    void nowStartsAfterWhatIsThereAndSavesItsStartAtOnce() throws Exception {
        CollectionStandIn.Collection events = klaviyo.collection("/api/events", "event");
        Instant now = Instant.now();
        // inside the overlap window, but before the start: never delivered
        event(events, "OLD", now.minusSeconds(10));
        MemoryStateRepository state = new MemoryStateRepository();

        consume("klaviyo:events?stateRepository=#state&initialDelay=0&delay=50", Map.of("state", state),
                received::add);

        await().atMost(Duration.ofSeconds(10)).until(() -> klaviyo.requests("/api/events").size() >= 2);
        String saved = state.getState("events/list|cursor:datetime");
        assertThat(saved).matches("\\S+Z from \\S+Z");
        event(events, "NEW", now.plusSeconds(5));
        await().atMost(Duration.ofSeconds(10)).until(() -> !received.isEmpty());
        Thread.sleep(200);
        assertThat(received).extracting(ConsumerTestSupport::id).containsExactly("NEW");
    }

    @Test
    void aSavedMarkWinsOverTheStartPosition() throws Exception {
        events(5);
        MemoryStateRepository state = new MemoryStateRepository();
        state.setState("events/list|cursor:datetime", "2024-01-01T00:01:03Z");

        consume("klaviyo:events?startPosition=beginning&stateRepository=#state&initialDelay=0&delay=50",
                Map.of("state", state), received::add);

        await().atMost(Duration.ofSeconds(10)).until(() -> !received.isEmpty());
        // the mark minus the 60 s overlap: E3 onwards
        assertThat(klaviyo.requests("/api/events").get(0).query())
                .containsEntry("filter", "greater-or-equal(datetime,2024-01-01T00:00:03Z)");
        Thread.sleep(200);
        assertThat(received).extracting(ConsumerTestSupport::id).containsExactly("E3", "E4", "E5");
    }

    @Test
    void everyPageGoesThroughTheComponentsRateLimiter() throws Exception {
        events(5);
        List<String> acquired = new CopyOnWriteArrayList<>();
        CamelContext context = create(null, Map.of());
        context.getComponent("klaviyo", KlaviyoComponent.class).setRateLimiter(new KlaviyoRateLimiter() {
            @Override
            public CompletableFuture<RateLimitBudget> acquire(String account, Operation operation,
                                                              KlaviyoRequest request) {
                acquired.add(operation.name());
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public RateLimitBudget budget(String account, Operation operation, KlaviyoRequest request) {
                return null;
            }
        });
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("klaviyo:events?pageSize=2&startPosition=beginning&initialDelay=0&delay=60000")
                        .process(received::add);
            }
        });
        context.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 5);
        assertThat(acquired).hasSize(klaviyo.requests("/api/events").size()).containsOnly("events/list");
    }
}
