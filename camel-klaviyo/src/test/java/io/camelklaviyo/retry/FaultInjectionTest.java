package io.camelklaviyo.retry;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.camelklaviyo.KlaviyoApiException;
import io.camelklaviyo.KlaviyoConnectionException;
import io.camelklaviyo.KlaviyoConstants;
import io.camelklaviyo.KlaviyoTimeoutException;
import org.apache.camel.Exchange;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults of the network and of Klaviyo, injected with WireMock, and what each call makes of them. For every case: the
 * exchange completes (with an answer or a clear exception, its type and message), no thread of the component waits
 * meanwhile, the stand-in sees exactly the expected number of attempts, and no request that may have been processed
 * is sent again unless it is safe to. docs/reliability.md has the same table.
 */
class FaultInjectionTest extends FaultStandIn {

    private static final Duration BOUND = Duration.ofSeconds(8);

    private static final String PROFILES = "/api/profiles";
    private static final String PROFILE = "/api/profiles/01H";
    private static final String LIST = "/api/lists/L1";

    private static final Request LIST_PROFILES = new Request("GET", PROFILES, "klaviyo:profiles/list", null);
    private static final Request CREATE_PROFILE = new Request("POST", PROFILES, "klaviyo:profiles/create",
            Map.of("email", "jane@example.com"));
    private static final Request UPDATE_PROFILE = new Request("PATCH", PROFILE, "klaviyo:profiles/update?id=01H",
            Map.of("first_name", "Jane"));
    private static final Request APPEND_TO_PROFILE = new Request("PATCH", PROFILE, "klaviyo:profiles/update?id=01H",
            "{\"data\":{\"type\":\"profile\",\"id\":\"01H\",\"attributes\":{},"
                                                                                                   + "\"meta\":{\"patch_properties\":{\"append\":{\"skus\":\"92538\"}}}}}");
    private static final Request DELETE_LIST = new Request("DELETE", LIST, "klaviyo:lists/delete?id=L1", null);

    static Stream<Named<Case>> cases() {
        return Stream.of(
                // connection reset
                test("reset, then an answer", LIST_PROFILES, fault(Fault.CONNECTION_RESET_BY_PEER), ok())
                        .attempts(2).succeeds(),
                test("reset every time", LIST_PROFILES, fault(Fault.CONNECTION_RESET_BY_PEER))
                        .attempts(4).fails(KlaviyoConnectionException.class,
                                "Klaviyo profiles/list failed without a response: Connection reset (after 4 attempts)"),
                test("reset after a POST was written", CREATE_PROFILE, fault(Fault.CONNECTION_RESET_BY_PEER), created())
                        .attempts(1).fails(KlaviyoConnectionException.class, "Connection reset (not retried: a POST is"
                                                                              + " not sent again once it may have reached Klaviyo)"),
                test("reset, then 204", DELETE_LIST, fault(Fault.CONNECTION_RESET_BY_PEER), noContent())
                        .attempts(2).succeeds(),
                // empty response
                test("empty response, then an answer", LIST_PROFILES, fault(Fault.EMPTY_RESPONSE), ok())
                        .attempts(2).succeeds(),
                test("empty response to a POST", CREATE_PROFILE, fault(Fault.EMPTY_RESPONSE), created())
                        .attempts(1).fails(KlaviyoConnectionException.class, "Connection closed by peer (not retried"),
                // malformed / truncated / random bytes
                test("malformed chunk, then an answer", LIST_PROFILES, fault(Fault.MALFORMED_RESPONSE_CHUNK), ok())
                        .attempts(2).succeeds(),
                test("malformed chunk to a POST", CREATE_PROFILE, fault(Fault.MALFORMED_RESPONSE_CHUNK), created())
                        .attempts(1).fails(KlaviyoConnectionException.class, "Bad chunk header",
                                "(not retried: a POST"),
                test("random bytes, then close", LIST_PROFILES, fault(Fault.RANDOM_DATA_THEN_CLOSE), ok())
                        .attempts(1).fails(KlaviyoConnectionException.class,
                                "Klaviyo profiles/list failed without a response: Invalid protocol version"),
                test("truncated JSON (Content-Length not reached), then an answer", LIST_PROFILES, truncated(), ok())
                        .attempts(2).succeeds(),
                test("truncated JSON to a POST", CREATE_PROFILE, truncated(), created())
                        .attempts(1).fails(KlaviyoConnectionException.class,
                                "Premature end of Content-Length delimited message body", "(not retried: a POST"),
                test("malformed JSON in a 200", LIST_PROFILES, json(200, "{\"data\":[{\"id\":"), ok())
                        .attempts(1).fails(KlaviyoApiException.class,
                                "Klaviyo profiles/list failed with HTTP 200: the response is not a JSON document"),
                // HTML error pages from a gateway
                test("HTML 503 page, then an answer", LIST_PROFILES, html(503), ok()).attempts(2).succeeds(),
                test("HTML 503 page to a POST", CREATE_PROFILE, html(503), created())
                        .attempts(1).fails(KlaviyoApiException.class,
                                "failed with HTTP 503: <html><head><title>503 Service Temporarily Unavailable",
                                "(not retried: a POST is not sent again once it may have reached Klaviyo)"),
                test("HTML 502 page", LIST_PROFILES, html(502), ok())
                        .attempts(1).fails(KlaviyoApiException.class, "failed with HTTP 502: <html>"),
                // slow responses
                test("slower than responseTimeout, then an answer", LIST_PROFILES, slow(1_000), ok())
                        .attempts(2).succeeds(),
                test("slower than responseTimeout every time", LIST_PROFILES, slow(1_000))
                        .attempts(4).fails(KlaviyoConnectionException.class, "failed without a response: 250 MILLISECONDS",
                                "(after 4 attempts)"),
                test("a POST slower than responseTimeout", CREATE_PROFILE, slow(1_000), created())
                        .attempts(1).fails(KlaviyoConnectionException.class, "250 MILLISECONDS (not retried: a POST"),
                test("slower than requestTimeout", LIST_PROFILES.withOptions("responseTimeout=5000&requestTimeout=300"),
                        slow(1_000)).attempts(1).fails(KlaviyoTimeoutException.class,
                                "Klaviyo profiles/list did not complete within the requestTimeout of 300 ms: gave up after",
                                "and 1 attempt, the attempt still waiting for its response"),
                test("503, then slower than what is left of requestTimeout",
                        LIST_PROFILES.withOptions("responseTimeout=5000&requestTimeout=400"), status(503), slow(1_000))
                        .attempts(2).fails(KlaviyoTimeoutException.class, "and 2 attempts; last failure: Klaviyo"
                                                                           + " profiles/list failed with HTTP 503"),
                // throttling
                test("429 storm with Retry-After", LIST_PROFILES, throttled("0", null))
                        .attempts(4).fails(KlaviyoApiException.class, "failed with HTTP 429: throttled - Request was"
                                                                      + " throttled. (after 4 attempts)"),
                test("429 storm with Retry-After, a POST", CREATE_PROFILE, throttled("0", null))
                        .attempts(4).fails(KlaviyoApiException.class, "HTTP 429", "(after 4 attempts)"),
                test("429 storm without Retry-After", LIST_PROFILES, throttled(null, null))
                        .attempts(4).fails(KlaviyoApiException.class, "HTTP 429", "(after 4 attempts)"),
                test("429 with RateLimit-Reset only, then an answer", CREATE_PROFILE, throttled(null, "0"), created())
                        .attempts(2).succeeds(),
                test("429 with a Retry-After beyond retryMaxDelay", LIST_PROFILES, throttled("3600", null), ok())
                        .attempts(1).fails(KlaviyoApiException.class, "(not retried: Klaviyo asked to wait 3600 s,"
                                                                      + " longer than retryMaxDelay (2000 ms))"),
                test("429 with a Retry-After beyond requestTimeout", LIST_PROFILES.withOptions("requestTimeout=1500"),
                        throttled("2", null), ok())
                        .attempts(1).fails(KlaviyoApiException.class, "(not retried: the next attempt, in 2000 ms,"
                                                                      + " would start after the requestTimeout ("),
                // 5xx bursts
                test("503, 504, 524, then an answer", LIST_PROFILES, status(503), status(504), status(524), ok())
                        .attempts(4).succeeds(),
                test("503 every time", LIST_PROFILES, status(503))
                        .attempts(4).fails(KlaviyoApiException.class, "failed with HTTP 503", "(after 4 attempts)"),
                test("500", LIST_PROFILES, status(500), ok())
                        .attempts(1).fails(KlaviyoApiException.class, "failed with HTTP 500: error - Server error."),
                test("503 to a POST", CREATE_PROFILE, status(503), created())
                        .attempts(1).fails(KlaviyoApiException.class, "HTTP 503", "(not retried: a POST"),
                test("503 to a PATCH, then an answer", UPDATE_PROFILE, status(503), ok()).attempts(2).succeeds(),
                test("503 to a PATCH that appends", APPEND_TO_PROFILE, status(503), ok())
                        .attempts(1).fails(KlaviyoApiException.class, "(not retried: a PATCH that appends is not"
                                                                      + " sent again once it may have reached Klaviyo)"),
                test("504 to a DELETE, then 204", DELETE_LIST, status(504), noContent()).attempts(2).succeeds(),
                test("503 with maxRetries=0", LIST_PROFILES.withOptions("maxRetries=0"), status(503), ok())
                        .attempts(1).fails(KlaviyoApiException.class, "HTTP 503", "(not retried: maxRetries=0)"),
                test("503 every time with the endpoint's maxRetries=1", LIST_PROFILES.withOptions("maxRetries=1"),
                        status(503)).attempts(2).fails(KlaviyoApiException.class, "(after 2 attempts)"),
                // no connection at all: counted by the exception, as nothing arrives
                test("connection refused", LIST_PROFILES.withOptions("baseUrl=" + refusingUrl()), ok())
                        .attemptsWithoutArrivals(4).fails(KlaviyoConnectionException.class, "Connection refused",
                                "(after 4 attempts)"),
                test("connection refused, a POST", CREATE_PROFILE.withOptions("baseUrl=" + refusingUrl()), ok())
                        .attemptsWithoutArrivals(4).fails(KlaviyoConnectionException.class, "Connection refused",
                                "(after 4 attempts)"))
                .map(test -> Named.of(test.name, test));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachFaultEndsAsSpecified(Case test) throws Exception {
        if (test.request.path != null) {
            answerInTurn(test.request.method, test.request.path, test.answers);
        }

        Sent sent = send(test.request.uri, test.request.body, BOUND);

        Exchange exchange = sent.exchange();
        assertThat(sent.returnedMillis()).as("process() hands the exchange back without waiting").isLessThan(1_000);
        assertThat(sent.completedMillis()).as("the exchange completes").isLessThan(BOUND.toMillis());
        assertThat(sent.waitingThreads()).as("threads waiting in component code").isEmpty();
        if (test.failure == null) {
            assertThat(exchange.getException()).as("the exchange's exception").isNull();
            assertThat(exchange.getMessage().getHeader(KlaviyoConstants.HTTP_STATUS, Integer.class))
                    .isBetween(200, 299);
        } else {
            assertThat(exchange.getException()).isInstanceOf(test.failure);
            for (String part : test.messageParts) {
                assertThat(exchange.getException().getMessage()).contains(part);
            }
            assertThat(attemptsOf(exchange.getException())).as("attempts the exception reports")
                    .isEqualTo(test.attempts);
        }
        int expectedArrivals = test.counted ? test.attempts : 0;
        // no straggler: the count holds for a while after the exchange completed
        await().during(Duration.ofMillis(150)).atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(arrivals.count()).as("attempts at the stand-in: %s", arrivals.arrivals())
                        .isEqualTo(expectedArrivals));
    }

    @Test
    void aThrottledPostWaitsRetryAfterWithoutHoldingAThread() throws Exception {
        answerInTurn("POST", PROFILES, List.of(throttled("1", null), created()));

        Sent sent = send(CREATE_PROFILE.uri, CREATE_PROFILE.body, BOUND);

        assertThat(sent.exchange().getException()).isNull();
        assertThat(sent.exchange().getMessage().getHeader(KlaviyoConstants.HTTP_STATUS)).isEqualTo(201);
        assertThat(sent.returnedMillis()).as("process() returns before the wait").isLessThan(500);
        assertThat(sent.completedMillis()).as("not sent again before Retry-After").isGreaterThanOrEqualTo(1_000);
        assertThat(sent.waitingThreads()).as("threads waiting in component code during the wait").isEmpty();
        assertThat(arrivals.arrivals()).containsExactly("POST /api/profiles", "POST /api/profiles");
    }

    @Test
    void theBackoffGrowsBetweenAttempts() throws Exception {
        component.getConfiguration().setRetryInitialDelay(100);
        component.getConfiguration().setRetryMultiplier(2);
        answerInTurn("GET", PROFILES, List.of(status(503)));

        Sent sent = send("klaviyo:profiles/list?maxRetries=2", null, BOUND);

        assertThat(sent.exchange().getException()).hasMessageEndingWith("(after 3 attempts)");
        // 100 ms, then 200 ms
        assertThat(sent.completedMillis()).isBetween(300L, 2_000L);
        assertThat(arrivals.count()).isEqualTo(3);
    }

    @Test
    void aWriteThatCouldNotConnectIsRetriedAfterAConnectTimeout() throws Exception {
        try (Unreachable unreachable = Unreachable.open()) {
            Sent sent = send("klaviyo:profiles/create?baseUrl=http://127.0.0.1:" + unreachable.port(),
                    CREATE_PROFILE.body, BOUND);

            Throwable failure = sent.exchange().getException();
            assertThat(failure).isInstanceOf(KlaviyoConnectionException.class)
                    .hasCauseInstanceOf(ConnectTimeoutException.class)
                    .hasMessageEndingWith("(after 4 attempts)");
            assertThat(((KlaviyoConnectionException) failure).getAttempts()).isEqualTo(4);
            assertThat(sent.waitingThreads()).isEmpty();
        }
    }

    private static int attemptsOf(Throwable failure) {
        if (failure instanceof KlaviyoApiException api) {
            return api.getAttempts();
        }
        if (failure instanceof KlaviyoConnectionException connection) {
            return connection.getAttempts();
        }
        if (failure instanceof KlaviyoTimeoutException timeout) {
            return timeout.getAttempts();
        }
        return 1;
    }

    // answers

    private static ResponseDefinitionBuilder ok() {
        return json(200, "{\"data\":[]}");
    }

    private static ResponseDefinitionBuilder created() {
        return json(201, "{\"data\":{\"type\":\"profile\",\"id\":\"01H\",\"attributes\":{}}}");
    }

    private static ResponseDefinitionBuilder noContent() {
        return aResponse().withStatus(204);
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/vnd.api+json").withBody(body);
    }

    private static ResponseDefinitionBuilder status(int status) {
        return json(status, "{\"errors\":[{\"id\":\"e\",\"status\":" + status + ",\"code\":\"error\","
                            + "\"title\":\"Server error.\",\"detail\":\"Server error.\"}]}");
    }

    private static ResponseDefinitionBuilder throttled(String retryAfter, String reset) {
        ResponseDefinitionBuilder answer = json(429, "{\"errors\":[{\"id\":\"t\",\"status\":429,\"code\":\"throttled\","
                                                     + "\"title\":\"Request was throttled.\","
                                                     + "\"detail\":\"Request was throttled.\"}]}");
        if (retryAfter != null) {
            answer = answer.withHeader("Retry-After", retryAfter);
        }
        if (reset != null) {
            answer = answer.withHeader("RateLimit-Reset", reset);
        }
        return answer;
    }

    private static ResponseDefinitionBuilder html(int status) {
        String title = status + (status == 503 ? " Service Temporarily Unavailable" : " Bad Gateway");
        return aResponse().withStatus(status).withHeader("Content-Type", "text/html")
                .withBody("<html><head><title>" + title + "</title></head>\n<body><center><h1>" + title
                          + "</h1></center><hr><center>cloudflare</center></body></html>");
    }

    private static ResponseDefinitionBuilder fault(Fault fault) {
        return aResponse().withFault(fault);
    }

    private static ResponseDefinitionBuilder slow(int millis) {
        return json(200, "{\"data\":[]}").withFixedDelay(millis);
    }

    /** A body shorter than its Content-Length, and the connection closed after it. */
    private static ResponseDefinitionBuilder truncated() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/vnd.api+json")
                .withHeader("Content-Length", "100").withBody("{\"data\":[{\"id\":");
    }

    /** A loopback URL nothing listens on. */
    private static String refusingUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Case test(String name, Request request, ResponseDefinitionBuilder... answers) {
        return new Case(name, request, Arrays.asList(answers));
    }

    /** The request of a case: its method and path at the stand-in, and the endpoint and body that send it. */
    record Request(String method, String path, String uri, Object body) {

        Request withOptions(String options) {
            return new Request(method, path, uri + (uri.contains("?") ? "&" : "?") + options, body);
        }
    }

    /** One row of the table: what the stand-in answers, and how the call must end. */
    static final class Case {

        final String name;
        final Request request;
        final List<ResponseDefinitionBuilder> answers;
        int attempts;
        boolean counted = true;
        Class<? extends Throwable> failure;
        List<String> messageParts = new ArrayList<>();

        Case(String name, Request request, List<ResponseDefinitionBuilder> answers) {
            this.name = name + " (" + request.method + ")";
            this.request = request;
            this.answers = answers;
        }

        Case attempts(int expected) {
            this.attempts = expected;
            return this;
        }

        /** Nothing reaches the stand-in: the attempts are the ones the exception reports. */
        Case attemptsWithoutArrivals(int expected) {
            this.attempts = expected;
            this.counted = false;
            return this;
        }

        Case succeeds() {
            return this;
        }

        Case fails(Class<? extends Throwable> type, String... message) {
            this.failure = type;
            this.messageParts = List.of(message);
            return this;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * A loopback port whose accept queue is full: the kernel drops further connection attempts, so connecting times
     * out (no refusal, no reset), as to a host that does not answer.
     */
    private record Unreachable(ServerSocket server, List<Socket> fillers) implements AutoCloseable {

        static Unreachable open() throws IOException {
            ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            List<Socket> fillers = new ArrayList<>();
            boolean full = false;
            for (int i = 0; i < 8 && !full; i++) {
                Socket filler = new Socket();
                try {
                    filler.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 100);
                    fillers.add(filler);
                } catch (IOException e) {
                    filler.close();
                    full = true;
                }
            }
            Assumptions.assumeTrue(full, "this system accepts connections beyond a full accept queue");
            return new Unreachable(server, fillers);
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            for (Socket filler : fillers) {
                filler.close();
            }
            server.close();
        }
    }
}
