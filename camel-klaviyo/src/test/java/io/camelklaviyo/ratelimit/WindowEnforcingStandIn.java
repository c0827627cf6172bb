package io.camelklaviyo.ratelimit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback Klaviyo stand-in that enforces one operation tier the way Klaviyo does, for the requests of one path:
 * fixed windows on the wall clock's seconds and minutes, and a 429 with Retry-After for every request over either
 * limit. It counts what that path received per second and how many 429s it sent; other paths just get a 200.
 * <p>
 * The JDK's HTTP server, with Nagle's algorithm off ({@code sun.net.httpserver.nodelay}, set before the first server
 * starts), so that small responses do not stall and the client's pace is its own.
 */
final class WindowEnforcingStandIn implements AutoCloseable {

    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final byte[] OK = "{\"data\":[]}"
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] THROTTLED = ("{\"errors\":[{\"id\":\"e1\",\"status\":429,\"code\":\"throttled\","
                                             + "\"title\":\"Request was throttled.\",\"detail\":\"Request was"
                                             + " throttled. Expected available in 1 second.\"}]}")
            .getBytes(StandardCharsets.UTF_8);

    private final String path;
    private final int perSecond;
    private final int perMinute;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final ConcurrentMap<Long, AtomicInteger> seconds = new ConcurrentHashMap<>();
    private final ConcurrentMap<Long, AtomicInteger> minutes = new ConcurrentHashMap<>();
    private final AtomicInteger throttled = new AtomicInteger();

    WindowEnforcingStandIn(String path, int perSecond, int perMinute) throws IOException {
        this.path = path;
        this.perSecond = perSecond;
        this.perMinute = perMinute;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Requests received per wall-clock second (epoch second to count), throttled ones included. */
    Map<Long, Integer> perSecond() {
        Map<Long, Integer> counts = new TreeMap<>();
        seconds.forEach((second, count) -> counts.put(second, count.get()));
        return counts;
    }

    int throttled() {
        return throttled.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
        }
        long now = System.currentTimeMillis();
        if (!exchange.getRequestURI().getPath().equals(path)) {
            answer(exchange, 200, OK);
            return;
        }
        int inSecond = seconds.computeIfAbsent(now / 1000, k -> new AtomicInteger()).incrementAndGet();
        int inMinute = minutes.computeIfAbsent(now / 60_000, k -> new AtomicInteger()).incrementAndGet();
        if (inSecond > perSecond || inMinute > perMinute) {
            throttled.incrementAndGet();
            exchange.getResponseHeaders().add("Retry-After", "1");
            answer(exchange, 429, THROTTLED);
        } else {
            exchange.getResponseHeaders().add("RateLimit-Limit", String.valueOf(perMinute));
            exchange.getResponseHeaders().add("RateLimit-Remaining", String.valueOf(Math.max(0, perMinute - inMinute)));
            exchange.getResponseHeaders().add("RateLimit-Reset", String.valueOf(60 - now / 1000 % 60));
            answer(exchange, 200, OK);
        }
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/vnd.api+json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
