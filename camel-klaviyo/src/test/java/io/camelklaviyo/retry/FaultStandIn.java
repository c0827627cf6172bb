package io.camelklaviyo.retry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.camelklaviyo.KlaviyoComponent;
import io.camelklaviyo.KlaviyoStandIn;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * A Klaviyo stand-in that counts every request as it arrives, and a klaviyo component tuned for fault tests:
 * millisecond backoffs without jitter, a 250 ms response timeout, a 150 ms connect timeout. Exchanges are sent
 * straight to the endpoint's asynchronous producer, so that the test thread never waits inside Camel and can watch
 * the other threads while the call runs.
 */
abstract class FaultStandIn {

    static final String API_KEY = KlaviyoStandIn.API_KEY;
    static final long RESPONSE_TIMEOUT = 250;

    static WireMockServer klaviyo;
    static ArrivalLog arrivals = new ArrivalLog();

    CamelContext context;
    KlaviyoComponent component;

    @BeforeAll
    static void startStandIn() {
        klaviyo = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
                .extensions(arrivals));
        klaviyo.start();
    }

    @AfterAll
    static void stopStandIn() {
        klaviyo.stop();
    }

    @BeforeEach
    void startCamel() throws Exception {
        klaviyo.resetAll();
        arrivals.clear();
        context = new DefaultCamelContext();
        component = new KlaviyoComponent();
        component.setConnectTimeout(150);
        component.getConfiguration().setApiKey(API_KEY);
        component.getConfiguration().setBaseUrl(klaviyo.baseUrl());
        component.getConfiguration().setResponseTimeout(RESPONSE_TIMEOUT);
        component.getConfiguration().setRetryInitialDelay(10);
        component.getConfiguration().setRetryMaxDelay(2_000);
        component.getConfiguration().setRetryJitter(0);
        component.getConfiguration().setRequestTimeout(10_000);
        context.addComponent("klaviyo", component);
        context.start();
    }

    @AfterEach
    void stopCamel() {
        context.stop();
    }

    /** Answers the requests to {@code method path} with {@code answers} in turn; the last one answers all the rest. */
    static void answerInTurn(String method, String path, List<ResponseDefinitionBuilder> answers) {
        String scenario = method + " " + path;
        for (int i = 0; i < answers.size(); i++) {
            ScenarioMappingBuilder mapping = request(method, urlPathEqualTo(path)).inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "answer " + i);
            if (i < answers.size() - 1) {
                mapping = mapping.willSetStateTo("answer " + (i + 1));
            }
            klaviyo.stubFor(mapping.willReturn(answers.get(i)));
        }
    }

    /**
     * Sends one exchange to the endpoint's producer and watches the component's threads until it completes.
     *
     * @param bound how long the exchange may take at most
     */
    Sent send(String uri, Object body, Duration bound) throws Exception {
        Endpoint endpoint = context.getEndpoint(uri);
        AsyncProducer producer = endpoint.createAsyncProducer();
        ServiceHelper.startService(producer);
        try {
            Exchange exchange = endpoint.createExchange();
            exchange.getMessage().setBody(body);
            CompletableFuture<Exchange> done = new CompletableFuture<>();
            long started = System.nanoTime();
            producer.process(exchange, doneSync -> done.complete(exchange));
            long returned = millisSince(started);
            List<String> waiting = new ArrayList<>();
            while (!done.isDone() && millisSince(started) < bound.toMillis()) {
                waiting.addAll(ComponentThreads.waitingInComponentCode());
                Thread.sleep(5);
            }
            Exchange result = done.get(Math.max(1, bound.toMillis() - millisSince(started)), TimeUnit.MILLISECONDS);
            long completed = millisSince(started);
            waiting.addAll(ComponentThreads.waitingInComponentCode());
            return new Sent(result, returned, completed, waiting);
        } finally {
            ServiceHelper.stopService(producer);
        }
    }

    static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }

    /**
     * One exchange sent.
     *
     * @param exchange        the exchange, completed
     * @param returnedMillis  how long the producer's process() took to hand the exchange back (it never waits for
     *                        Klaviyo)
     * @param completedMillis how long until the exchange completed
     * @param waitingThreads  the threads caught waiting in component code meanwhile
     */
    record Sent(Exchange exchange, long returnedMillis, long completedMillis, List<String> waitingThreads) {
    }
}
