package io.camelklaviyo.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelklaviyo.KlaviyoComponent;
import io.camelklaviyo.KlaviyoConstants;
import io.camelklaviyo.KlaviyoStandIn;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Waiting for a window holds no thread: 40 exchanges to a 10/s operation, on a component with 2 worker threads, wait
 * side by side, and while they do no thread is caught waiting inside the limiter.
 */
class NoThreadWaitsForTheLimiterTest extends KlaviyoStandIn {

    private static final int EXCHANGES = 40;
    private static final int WORKERS = 2;
    private static final Set<String> WAITS = Set.of("java.lang.Thread.sleep", "java.lang.Object.wait",
            "java.util.concurrent.locks.LockSupport.park", "java.util.concurrent.locks.LockSupport.parkNanos",
            "java.util.concurrent.CompletableFuture.get", "java.util.concurrent.CompletableFuture.join",
            "java.util.concurrent.FutureTask.get", "java.util.concurrent.CountDownLatch.await",
            "java.util.concurrent.Semaphore.acquire");

    @Test
    void fortyExchangesWaitForTheirWindowsOnTwoWorkerThreads() throws Exception {
        klaviyo.stubFor(get(urlPathEqualTo("/api/metrics")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/vnd.api+json").withBody("{\"data\":[]}")));
        CamelContext camel = new DefaultCamelContext();
        KlaviyoComponent small = new KlaviyoComponent();
        small.setWorkerPoolSize(WORKERS);
        small.getConfiguration().setApiKey(API_KEY);
        small.getConfiguration().setBaseUrl(klaviyo.baseUrl());
        camel.addComponent("klaviyo", small);
        camel.start();
        try {
            ProducerTemplate producer = camel.createProducerTemplate();
            List<CompletableFuture<Exchange>> exchanges = new ArrayList<>();
            // metrics/list: 10/s, 150/m
            for (int i = 0; i < EXCHANGES; i++) {
                exchanges.add(producer.asyncSend("klaviyo:metrics/list", e -> {
                }));
            }

            // the first window's requests are through: the others wait in the limiter
            await().atMost(Duration.ofSeconds(5)).until(
                    () -> klaviyo.findAll(getRequestedFor(urlPathEqualTo("/api/metrics"))).size() >= 10);
            int mostWaiting = 0;
            for (int sample = 0; sample < 40; sample++) {
                mostWaiting = Math.max(mostWaiting, (int) exchanges.stream().filter(e -> !e.isDone()).count());
                assertThat(threadsWaitingInTheLimiter()).isEmpty();
                assertThat(workerThreads(camel.getName())).isLessThanOrEqualTo(WORKERS);
                Thread.sleep(25);
            }
            assertThat(mostWaiting).as("exchanges waiting at once").isGreaterThanOrEqualTo(EXCHANGES - 3 * 10);

            CompletableFuture.allOf(exchanges.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            for (CompletableFuture<Exchange> exchange : exchanges) {
                assertThat(exchange.get().getException()).isNull();
                assertThat(exchange.get().getMessage().getHeader(KlaviyoConstants.HTTP_STATUS)).isEqualTo(200);
            }
            // each exchange sent once, none lost (the windows themselves: ThrottlingUnderLoadTest)
            assertThat(klaviyo.findAll(getRequestedFor(urlPathEqualTo("/api/metrics")))).hasSize(EXCHANGES);
        } finally {
            camel.stop();
        }
    }

    /**
     * Threads (any, not only the component's) caught parked, sleeping or waiting for a result while the limiter's code
     * is on their stack. A thread merely running through the limiter (granting, or completing a response) is not.
     */
    private static List<String> threadsWaitingInTheLimiter() {
        List<String> waiting = new ArrayList<>();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            boolean inLimiter = Arrays.stream(stack)
                    .anyMatch(frame -> frame.getClassName().startsWith("io.camelklaviyo.ratelimit.")
                                       && !frame.getClassName().endsWith("Test"));
            boolean waits = Arrays.stream(stack).anyMatch(frame -> WAITS.contains(frame.getClassName() + "."
                                                                                  + frame.getMethodName()));
            if (inLimiter && waits) {
                waiting.add(thread.getName() + " " + thread.getState() + ": " + Arrays.toString(stack));
            }
        });
        return waiting;
    }

    private static long workerThreads(String camelName) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().contains("KlaviyoWorker") && thread.getName().contains(camelName))
                .count();
    }
}
