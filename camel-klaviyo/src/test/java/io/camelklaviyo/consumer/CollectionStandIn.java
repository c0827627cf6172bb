package io.camelklaviyo.consumer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.camelklaviyo.filter.FilterExpression;
import io.camelklaviyo.filter.FilterValue;
import io.camelklaviyo.filter.KlaviyoFilter;

/**
 * A loopback stand-in for Klaviyo's collection GETs that behaves like the real thing where the consumer depends on it:
 * it honours {@code filter} (equals, any, greater-than, greater-or-equal, less-than, less-or-equal on date-times and
 * strings; an unknown field is a 400 as at Klaviyo), {@code sort} (a field, {@code -field} descending, ties in the
 * order records were written), {@code page[size]} and {@code page[cursor]} with a full {@code links.next} URL. Its
 * cursors are keyset cursors (the sort value and write sequence of the last record served), so a collection that
 * grows while it is paged neither skips nor repeats records. Collections can grow and change at any time, from any
 * thread.
 * <p>
 * A base URL may carry a node name ({@link #baseUrl(String)}): each request is recorded with it, so a test can tell
 * which Camel context called.
 */
final class CollectionStandIn implements AutoCloseable {

    /** One request as the stand-in saw it. */
    record Request(String node, String path, Map<String, String> query, long nanoTime) {
    }

    static {
        // answer at once: without it the JDK server's replies wait for the client's delayed ACK (~40 ms each)
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Collection> collections = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, ConcurrentLinkedDeque<Integer>> failures = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    CollectionStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A base URL whose requests are recorded as coming from {@code node}. */
    String baseUrl(String node) {
        return baseUrl() + "/" + node;
    }

    /** The collection served at {@code path} (e.g. /api/events), created empty with records of {@code type}. */
    Collection collection(String path, String type) {
        return collections.computeIfAbsent(path, p -> new Collection(type));
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> requests(String path) {
        return requests.stream().filter(request -> request.path().equals(path)).toList();
    }

    /** The next {@code count} requests to {@code path} are answered with {@code status} and an error document. */
    void failNext(String path, int status, int count) {
        ConcurrentLinkedDeque<Integer> queue = failures.computeIfAbsent(path, p -> new ConcurrentLinkedDeque<>());
        for (int i = 0; i < count; i++) {
            queue.add(status);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A collection: records in write order, each with a sequence number and fields only filters see. */
    final class Collection {

        private final String type;
        private final List<Entry> entries = new ArrayList<>();

        private Collection(String type) {
            this.type = type;
        }

        /**
         * Writes a record (replacing one with the same id, as an update does: it moves to the end of the write
         * order).
         *
         * @param hidden fields the filter can name but the record does not show, e.g. metric_id of an event
         */
        synchronized void put(String id, Map<String, Object> attributes, Map<String, Object> hidden) {
            entries.removeIf(entry -> entry.id().equals(id));
            Map<String, Object> resource = new LinkedHashMap<>();
            resource.put("type", type);
            resource.put("id", id);
            resource.put("attributes", new LinkedHashMap<>(attributes));
            entries.add(new Entry(sequence.incrementAndGet(), id, resource, Map.copyOf(hidden)));
        }

        void put(String id, Map<String, Object> attributes) {
            put(id, attributes, Map.of());
        }

        synchronized List<String> ids() {
            return entries.stream().map(Entry::id).toList();
        }

        synchronized int size() {
            return entries.size();
        }

        private synchronized List<Entry> snapshot() {
            return List.copyOf(entries);
        }
    }

    private record Entry(long sequence, String id, Map<String, Object> resource, Map<String, Object> hidden) {

        Object field(String name) {
            if (hidden.containsKey(name)) {
                return hidden.get(name);
            }
            return Records.attribute(resource, name);
        }
    }

    /** Where a record sits in the served order: its sort value, then its write sequence. */
    private record Position(Instant sortValue, long sequence) {
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String node = null;
            if (!path.startsWith("/api/")) {
                int slash = path.indexOf('/', 1);
                node = path.substring(1, slash);
                path = path.substring(slash);
            }
            Map<String, String> query = parse(exchange.getRequestURI().getRawQuery());
            requests.add(new Request(node, path, query, System.nanoTime()));
            ConcurrentLinkedDeque<Integer> failing = failures.get(path);
            Integer status = failing == null ? null : failing.poll();
            if (status != null) {
                respond(exchange, status, error(status, "injected failure"));
                return;
            }
            Collection collection = collections.get(path);
            if (collection == null) {
                respond(exchange, 404, error(404, "no collection at " + path));
                return;
            }
            respond(exchange, 200, page(collection, exchange, node, path, query));
        } catch (IllegalArgumentException e) {
            respond(exchange, 400, error(400, e.getMessage()));
        }
    }

    private Map<String, Object> page(Collection collection, HttpExchange exchange, String node, String path,
                                     Map<String, String> query) {
        List<KlaviyoFilter.Term> terms = query.containsKey("filter")
                ? FilterExpression.parse(query.get("filter")).terms()
                : List.of();
        String sort = query.get("sort");
        boolean descending = sort != null && sort.startsWith("-");
        String sortField = sort == null ? null : descending ? sort.substring(1) : sort;
        Comparator<Position> order = Comparator.comparing(Position::sortValue,
                Comparator.nullsFirst(Comparator.<Instant> naturalOrder())).thenComparingLong(Position::sequence);
        if (descending) {
            order = order.reversed();
        }
        Comparator<Position> served = order;
        List<Entry> matching = collection.snapshot().stream()
                .filter(entry -> terms.stream().allMatch(term -> matches(entry, term)))
                .sorted(Comparator.comparing(entry -> position(entry, sortField), served))
                .collect(Collectors.toCollection(ArrayList::new));
        int size = Integer.parseInt(query.getOrDefault("page[size]", "20"));
        String cursor = query.get("page[cursor]");
        int from = 0;
        if (cursor != null) {
            Position after = decode(cursor);
            while (from < matching.size() && served.compare(position(matching.get(from), sortField), after) <= 0) {
                from++;
            }
        }
        List<Entry> page = matching.subList(from, Math.min(matching.size(), from + size));
        Map<String, Object> links = new LinkedHashMap<>();
        String self = baseUrl() + (node == null ? "" : "/" + node) + path;
        links.put("self", self);
        if (from + size < matching.size()) {
            Map<String, String> next = new LinkedHashMap<>(query);
            next.put("page[cursor]", encode(position(page.get(page.size() - 1), sortField)));
            links.put("next", self + "?" + next.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                              + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&")));
        } else {
            links.put("next", null);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("data", page.stream().map(Entry::resource).toList());
        document.put("links", links);
        return document;
    }

    private static Position position(Entry entry, String sortField) {
        return new Position(sortField == null ? null : Records.toInstant(entry.field(sortField)), entry.sequence());
    }

    private static boolean matches(Entry entry, KlaviyoFilter.Term term) {
        if (!entry.hidden().containsKey(term.field()) && Records.attribute(entry.resource(), term.field()) == null
                && !term.field().contains(".")) {
            // a field no record of the collection has: Klaviyo rejects the filter
            throw new IllegalArgumentException("'" + term.field() + "' is not a valid field for the filter");
        }
        Object actual = entry.field(term.field());
        FilterValue value = term.value();
        return switch (term.operator()) {
            case "equals" -> actual != null && Objects.equals(actual.toString(), value.text());
            case "any" -> actual != null && value.items().stream().anyMatch(item -> item.text().equals(actual.toString()));
            case "greater-than" -> compare(actual, value) > 0;
            case "greater-or-equal" -> compare(actual, value) >= 0;
            case "less-than" -> compare(actual, value) < 0;
            case "less-or-equal" -> compare(actual, value) <= 0;
            default -> throw new IllegalArgumentException("unsupported operator " + term.operator());
        };
    }

    private static int compare(Object actual, FilterValue value) {
        Instant left = Records.toInstant(actual);
        if (left == null) {
            return Integer.MIN_VALUE;
        }
        return left.compareTo(Records.parse(value.text()));
    }

    private static String encode(Position position) {
        String text = (position.sortValue() == null ? "" : position.sortValue().toString()) + "|" + position.sequence();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Position decode(String cursor) {
        String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        int bar = text.lastIndexOf('|');
        String sortValue = text.substring(0, bar);
        return new Position(sortValue.isEmpty() ? null : Instant.parse(sortValue),
                Long.parseLong(text.substring(bar + 1)));
    }

    private static Map<String, String> parse(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                query.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static Map<String, Object> error(int status, String detail) {
        return Map.of("errors", List.of(Map.of("id", "e1", "status", status, "code", "standin", "title", "Stand-in",
                "detail", detail)));
    }

    private void respond(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/vnd.api+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
