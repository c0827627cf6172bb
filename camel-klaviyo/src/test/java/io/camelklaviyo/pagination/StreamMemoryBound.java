package io.camelklaviyo.pagination;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.camelklaviyo.KlaviyoComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Streams {@value #PAGES} pages of {@value #PAGE_SIZE} events ({@value #PAGES} x {@value #PAGE_SIZE} = 200,000
 * records) from a loopback stand-in through {@code split(body()).streaming()}, counts them, checks their order and
 * prints the heap it needed. Meant to run with a small heap:
 *
 * <pre>
 * java -Xmx64m -cp &lt;test classpath&gt; io.camelklaviyo.pagination.StreamMemoryBound [STREAM|ALL]
 * </pre>
 *
 * The stand-in generates each page when it is asked for, so it holds no records itself. {@code ALL} gathers the same
 * records into one List instead ({@code maxResults=0}), for contrast: it does not fit in 64 MB. Exit status 0 when
 * every record arrived in order.
 */
public final class StreamMemoryBound {

    static final int PAGES = 200;
    static final int PAGE_SIZE = 1_000;
    static final long RECORDS = (long) PAGES * PAGE_SIZE;
    /** How often (in records) the route forces a GC and samples the live heap. */
    private static final int GC_EVERY = 10_000;

    private final AtomicLong records = new AtomicLong();
    private final AtomicLong outOfOrder = new AtomicLong();
    private long baselineLive;
    private volatile long peakLiveAfterGc;
    private volatile long peakSampled;
    private volatile boolean sampling = true;

    private StreamMemoryBound() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "STREAM";
        System.exit(new StreamMemoryBound().run(mode) ? 0 : 1);
    }

    private boolean run(String mode) throws Exception {
        HttpServer standIn = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        standIn.createContext("/api/events", StreamMemoryBound::page);
        standIn.start();
        Thread sampler = new Thread(this::sample, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        CamelContext context = new DefaultCamelContext();
        try {
            KlaviyoComponent klaviyo = new KlaviyoComponent();
            klaviyo.getConfiguration().setApiKey("pk_memory_test");
            klaviyo.getConfiguration().setBaseUrl("http://127.0.0.1:" + standIn.getAddress().getPort());
            context.addComponent("klaviyo", klaviyo);
            context.addRoutes(route(mode));
            context.start();
            baselineLive = liveHeap();
            long start = System.nanoTime();
            Exchange result = context.createProducerTemplate().request("direct:events", e -> {
            });
            long millis = (System.nanoTime() - start) / 1_000_000;
            sampling = false;
            report(mode, result, millis);
            return result.getException() == null && records.get() == RECORDS && outOfOrder.get() == 0;
        } finally {
            context.stop();
            standIn.stop(0);
        }
    }

    private RouteBuilder route(String mode) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                if ("ALL".equals(mode)) {
                    from("direct:events")
                            .to("klaviyo:events/list?pagination=ALL&maxResults=0&pageSize=" + PAGE_SIZE)
                            .split(body())
                                .process(e -> count(e.getMessage().getBody(Map.class)))
                            .end();
                } else {
                    from("direct:events")
                            .to("klaviyo:events/list?pagination=STREAM&pageSize=" + PAGE_SIZE)
                            .split(body()).streaming()
                                .process(e -> count(e.getMessage().getBody(Map.class)))
                            .end();
                }
            }
        };
    }

    private void count(Map<?, ?> event) {
        long n = records.getAndIncrement();
        if (!id(n).equals(event.get("id"))) {
            outOfOrder.incrementAndGet();
        }
        if ((n + 1) % GC_EVERY == 0) {
            peakLiveAfterGc = Math.max(peakLiveAfterGc, liveHeap());
        }
    }

    /** The heap in use right after a full collection: what is still referenced. */
    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private void sample() {
        while (sampling) {
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            peakSampled = Math.max(peakSampled, used);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void report(String mode, Exchange result, long millis) {
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        String poolPeaks = heapPools.stream()
                .map(pool -> pool.getName().replace(' ', '_') + "=" + mb(pool.getPeakUsage().getUsed()))
                .collect(Collectors.joining(" "));
        String gcs = ManagementFactory.getGarbageCollectorMXBeans().stream().map(gc -> gc.getName())
                .collect(Collectors.joining(","));
        System.out.println("mode=" + mode);
        System.out.println("records=" + records.get() + " expected=" + RECORDS + " outOfOrder=" + outOfOrder.get());
        System.out.println("maxHeapMB=" + mb(Runtime.getRuntime().maxMemory()) + " gc=" + gcs);
        System.out.println("baselineLiveHeapMB=" + mb(baselineLive) + " (after System.gc(), Camel started, before"
                           + " the first page)");
        System.out.println("peakLiveHeapAfterGcMB=" + mb(peakLiveAfterGc) + " (System.gc() every " + GC_EVERY
                           + " records)");
        System.out.println("peakHeapUsedSampledMB=" + mb(peakSampled) + " (every 5 ms, garbage included)");
        System.out.println("heapPoolPeaksMB: " + poolPeaks + " (MemoryPoolMXBean peak usage)");
        System.out.println("elapsedMs=" + millis);
        if (result.getException() != null) {
            System.out.println("failure=" + result.getException());
        }
    }

    private static String mb(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }

    private static String id(long n) {
        return "E" + n;
    }

    /** One page of events, generated on request: page[cursor]=N gives records N*1000 to N*1000+999. */
    private static void page(HttpExchange http) throws IOException {
        int page = 0;
        String query = http.getRequestURI().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (URLDecoder.decode(pair, StandardCharsets.UTF_8).startsWith("page[cursor]=")) {
                    page = Integer.parseInt(URLDecoder.decode(pair, StandardCharsets.UTF_8).substring(13));
                }
            }
        }
        StringBuilder json = new StringBuilder(PAGE_SIZE * 260).append("{\"data\":[");
        for (int i = 0; i < PAGE_SIZE; i++) {
            long n = (long) page * PAGE_SIZE + i;
            json.append(i == 0 ? "" : ",").append("{\"type\":\"event\",\"id\":\"").append(id(n))
                    .append("\",\"attributes\":{\"timestamp\":").append(1_700_000_000L + n)
                    .append(",\"datetime\":\"2024-05-01T12:00:00+00:00\",\"uuid\":\"00000000-0000-0000-0000-")
                    .append(String.format(java.util.Locale.ROOT, "%012d", n))
                    .append("\",\"event_properties\":{\"value\":12.5,\"currency\":\"EUR\",\"$event_id\":\"order-")
                    .append(n).append("\"}},\"relationships\":{\"profile\":{\"data\":{\"type\":\"profile\",\"id\":\"P")
                    .append(n % 977).append("\"}}}}");
        }
        String next = page + 1 < PAGES
                ? "\"" + URI.create("https://a.klaviyo.com/api/events?page%5Bcursor%5D=" + (page + 1)) + "\""
                : "null";
        json.append("],\"links\":{\"next\":").append(next).append("}}");
        byte[] body = json.toString().getBytes(StandardCharsets.UTF_8);
        http.getResponseHeaders().set("Content-Type", "application/vnd.api+json");
        http.sendResponseHeaders(200, body.length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(body);
        }
    }
}
