package io.camelklaviyo.consumer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scale-out: two Camel contexts run the same consumer under Camel's master component, elected by a file-lock cluster
 * service, with the mark in one shared state file and the delivered keys in one shared idempotent file. Only the
 * leader polls; when it stops, the standby takes over from the saved mark and nothing is lost or delivered twice.
 */
class ScaleOutFailoverTest extends ConsumerTestSupport {

    @TempDir
    Path dir;

    /** Each delivery as node:id. */
    private final List<String> deliveries = new CopyOnWriteArrayList<>();

    @Test
    void onlyTheLeaderPollsAndTheStandbyTakesOverFromTheSavedMark() throws Exception {
        CollectionStandIn.Collection events = klaviyo.collection("/api/events", "event");
        GrowingEventStream stream = new GrowingEventStream(events, 42);
        Set<String> served;
        long leaderStopped;
        try (stream) {
            CamelContext a = node("a");
            await().atMost(Duration.ofSeconds(10)).until(() -> delivered("a").size() > 100);
            CamelContext b = node("b");
            // the standby is up, the leader keeps delivering
            Thread.sleep(1500);
            assertThat(delivered("b")).isEmpty();
            assertThat(requestsFrom("b")).isEmpty();

            a.stop();
            leaderStopped = System.nanoTime();
            await().atMost(Duration.ofSeconds(10)).until(() -> !delivered("b").isEmpty());
            assertThat(b.isStarted()).isTrue();
        }
        served = new HashSet<>(events.ids());
        try {
            await().atMost(Duration.ofSeconds(15)).until(() -> allDelivered().containsAll(served));
        } catch (ConditionTimeoutException e) {
            // the assertions below say what is missing
        }

        // only the leader polled while it led; the standby only once it had taken over
        assertThat(requestsFrom("a")).allMatch(request -> request.nanoTime() < leaderStopped);
        assertThat(requestsFrom("b")).allMatch(request -> request.nanoTime() > leaderStopped);
        // it took over from the saved mark, not from the beginning
        assertThat(requestsFrom("b").get(0).query()).containsKey("filter");
        Set<String> missing = new TreeSet<>(served);
        missing.removeAll(allDelivered());
        assertThat(missing).as("events never delivered").isEmpty();
        assertThat(allDelivered()).isEqualTo(served);
        assertThat(deliveries).as("duplicates").hasSameSizeAs(served);
    }

    private CamelContext node(String name) throws Exception {
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setId(name);
        cluster.setRoot(dir.resolve("cluster").toString());
        cluster.setAcquireLockDelay(100, TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(200, TimeUnit.MILLISECONDS);
        CamelContext context = create(name, Map.of("delivered", FileIdempotentRepository
                .fileIdempotentRepository(dir.resolve("klaviyo.delivered").toFile(), 100_000)));
        context.addService(cluster);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("master:klaviyo-events:klaviyo:events?startPosition=beginning&stateFile="
                     + dir.resolve("klaviyo.state")
                     + "&idempotentRepository=#delivered&initialDelay=0&delay=20&maxMessagesPerPoll=70&pageSize=50")
                        .routeId("events-" + name)
                        .process(exchange -> deliveries.add(name + ":" + id(exchange)));
            }
        });
        context.start();
        return context;
    }

    private List<String> delivered(String node) {
        List<String> ids = new ArrayList<>();
        for (String delivery : deliveries) {
            if (delivery.startsWith(node + ":")) {
                ids.add(delivery.substring(node.length() + 1));
            }
        }
        return ids;
    }

    private Set<String> allDelivered() {
        Set<String> ids = new HashSet<>(delivered("a"));
        ids.addAll(delivered("b"));
        return ids;
    }

    private List<CollectionStandIn.Request> requestsFrom(String node) {
        return klaviyo.requests().stream().filter(request -> node.equals(request.node())).toList();
    }
}
