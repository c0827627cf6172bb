package io.camelklaviyo.consumer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consumer survives restarts: a new Camel context, at random points of a growing stream (mid-page, mid-batch,
 * while a page is in flight), with the mark in a state file and the delivered keys in a file idempotent repository.
 * Every event the stand-in served is delivered, none twice.
 */
class RestartMidStreamTest extends ConsumerTestSupport {

    private static final Logger LOG = LoggerFactory.getLogger(RestartMidStreamTest.class);
    private static final int RESTARTS = 6;

    @TempDir
    Path dir;

    private final List<String> delivered = new CopyOnWriteArrayList<>();

    @Test
    void restartsAtRandomPointsLoseNothingAndDeliverNothingTwice() throws Exception {
        long seed = System.nanoTime();
        LOG.info("seed {}", seed);
        Random random = new Random(seed);
        CollectionStandIn.Collection events = klaviyo.collection("/api/events", "event");
        String uri = "klaviyo:events?startPosition=beginning&stateFile=" + dir.resolve("klaviyo.state")
                     + "&idempotentRepository=#delivered&initialDelay=0&delay=20&maxMessagesPerPoll=70&pageSize=50";

        GrowingEventStream stream = new GrowingEventStream(events, seed);
        try (stream) {
            for (int run = 0; run < RESTARTS; run++) {
                CamelContext context = run(uri);
                Thread.sleep(100 + random.nextInt(400));
                // mid-stream: the consumer is behind the writer, reading pages or sending a batch
                context.stop();
                LOG.info("restart {}: {} written, {} delivered", run, stream.written(), delivered.size());
            }
        }
        Set<String> served = new HashSet<>(events.ids());
        Instant latest = stream.latest();
        CamelContext last = run(uri);
        try {
            await().atMost(Duration.ofSeconds(15)).until(() -> new HashSet<>(delivered).containsAll(served));
        } catch (ConditionTimeoutException e) {
            // the assertions below say what is missing
        }
        last.stop();

        Set<String> missing = new TreeSet<>(served);
        missing.removeAll(delivered);
        assertThat(served).hasSizeGreaterThan(500);
        assertThat(missing).as("events never delivered (seed %d)", seed).isEmpty();
        assertThat(new HashSet<>(delivered)).isEqualTo(served);
        assertThat(delivered).as("duplicates").hasSameSizeAs(served);
        // the mark, in the state file, is the latest event's datetime
        assertThat(Files.readAllLines(dir.resolve("klaviyo.state")))
                .contains("events/list|cursor:datetime=" + latest);
    }

    private CamelContext run(String uri) throws Exception {
        FileIdempotentRepository repository = (FileIdempotentRepository) FileIdempotentRepository
                .fileIdempotentRepository(dir.resolve("klaviyo.delivered").toFile(), 100_000);
        return start(null, Map.of("delivered", repository), new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("events").process(exchange -> delivered.add(id(exchange)));
            }
        });
    }
}
