package io.camelklaviyo.consumer;

import java.time.Instant;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes events into the stand-in while a test runs, the way a busy account produces them: bursts of events that
 * share one second (so that pages and maxMessagesPerPoll cut through groups of equal timestamps), and now and then an
 * event that reaches Klaviyo late, with a datetime up to 20 s in the past (inside the consumer's 60 s overlap).
 */
final class GrowingEventStream implements AutoCloseable {

    private final CollectionStandIn.Collection events;
    private final Random random;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger written = new AtomicInteger();
    private volatile Instant latest;
    private final Thread writer;

    GrowingEventStream(CollectionStandIn.Collection events, long seed) {
        this.events = events;
        this.random = new Random(seed);
        this.writer = new Thread(this::write, "growing-event-stream");
        writer.start();
    }

    private void write() {
        Instant clock = ConsumerTestSupport.T0;
        while (running.get()) {
            int burst = 1 + random.nextInt(5);
            for (int i = 0; i < burst; i++) {
                int n = written.incrementAndGet();
                Instant at = n % 17 == 0 ? clock.minusSeconds(1 + random.nextInt(20)) : clock;
                ConsumerTestSupport.event(events, "E" + n, at);
                if (latest == null || at.isAfter(latest)) {
                    latest = at;
                }
            }
            if (random.nextBoolean()) {
                clock = clock.plusSeconds(1);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The latest datetime written. */
    Instant latest() {
        return latest;
    }

    int written() {
        return written.get();
    }

    /** Stops writing; every event written is in the stand-in when this returns. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        writer.join();
    }
}
