package io.camelklaviyo.job;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.camelklaviyo.job.JobAwaitingTest.SUPPRESS_JOBS;
import static io.camelklaviyo.job.JobAwaitingTest.job;
import static io.camelklaviyo.job.JobAwaitingTest.okJson;
import static io.camelklaviyo.job.JobAwaitingTest.spawned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Awaiting a job holds no thread: with a worker pool of 2 threads, 30 jobs are polled side by side. An awaiting that
 * parked a worker thread per job (a sleep, a join) would have at most 2 jobs in progress and leave the others'
 * spawning responses queued, unpolled.
 */
class NoThreadWaitsForAJobTest extends KlaviyoStandIn {

    private static final int JOBS = 30;
    private static final int WORKERS = 2;
    private static final Set<String> WAITS = Set.of("java.lang.Thread.sleep", "java.lang.Object.wait",
            "java.util.concurrent.CompletableFuture.get", "java.util.concurrent.CompletableFuture.join",
            "java.util.concurrent.FutureTask.get", "java.util.concurrent.CountDownLatch.await");

    @Test
    void thirtyJobsAreAwaitedAtOnceOnTwoWorkerThreads() throws Exception {
        for (int i = 0; i < JOBS; i++) {
            klaviyo.stubFor(post(urlPathEqualTo(SUPPRESS_JOBS)).withRequestBody(containing("\"u" + i + "@x.com\""))
                    .willReturn(spawned("job-" + i)));
        }
        // polls answer without an id: the job keeps the one its spawning response gave
        klaviyo.stubFor(get(urlPathMatching(SUPPRESS_JOBS + "/job-.*"))
                .willReturn(okJson(job("", "processing", 0, 1).replace("\"id\":\"\",", ""))));
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
            for (int i = 0; i < JOBS; i++) {
                String email = "u" + i + "@x.com";
                exchanges.add(producer.asyncSend(JobAwaitingTest.SUPPRESS.replace("jobPollInterval=5",
                        "jobPollInterval=20").replace("jobTimeout=5000", "jobTimeout=30000"),
                        e -> e.getMessage().setBody(Map.of("profiles", Map.of("data",
                                List.of(Map.of("type", "profile", "attributes",
                                        Map.of("email", email))))))));
            }

            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                assertThat(exchanges).as("exchanges that ended before their job did")
                        .noneMatch(exchange -> exchange.isDone() && exchange.join().getException() != null);
                for (int i = 0; i < JOBS; i++) {
                    assertThat(klaviyo.findAll(getRequestedFor(urlPathEqualTo(SUPPRESS_JOBS + "/job-" + i))).size())
                            .as("polls of job-" + i).isGreaterThanOrEqualTo(2);
                }
            });
            // while the 30 jobs are being polled, no component thread ever waits inside component code
            for (int sample = 0; sample < 40; sample++) {
                assertThat(threadsWaitingInComponentCode(camel.getName())).isEmpty();
                Thread.sleep(5);
            }
            assertThat(exchanges).as("no job is complete yet").noneMatch(CompletableFuture::isDone);
            assertThat(workerThreads(camel.getName())).as("the component's worker threads")
                    .isLessThanOrEqualTo(WORKERS);

            klaviyo.stubFor(get(urlPathMatching(SUPPRESS_JOBS + "/job-.*"))
                    .willReturn(okJson(job("", "complete", 1, 1).replace("\"id\":\"\",", ""))));
            CompletableFuture.allOf(exchanges.toArray(CompletableFuture[]::new)).get(15, TimeUnit.SECONDS);
            for (int i = 0; i < JOBS; i++) {
                Exchange done = exchanges.get(i).get();
                assertThat(done.getException()).isNull();
                assertThat(done.getMessage().getHeader(KlaviyoConstants.JOB_ID)).isEqualTo("job-" + i);
                assertThat(done.getMessage().getHeader(KlaviyoConstants.JOB_STATUS)).isEqualTo("complete");
            }
        } finally {
            camel.stop();
        }
    }

    /**
     * The component's threads (workers, scheduler) caught sleeping or waiting for a result while component code is on
     * their stack; an idle pool thread waits for its next task without any.
     */
    private static List<String> threadsWaitingInComponentCode(String camelName) {
        List<String> waiting = new ArrayList<>();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (!thread.getName().contains(camelName) || !thread.getName().contains("Klaviyo")) {
                return;
            }
            boolean waits = Arrays.stream(stack).anyMatch(frame -> WAITS.contains(frame.getClassName() + "."
                                                                                  + frame.getMethodName()));
            boolean inComponent = Arrays.stream(stack).anyMatch(frame -> frame.getClassName()
                    .startsWith("io.camelklaviyo."));
            if (waits && inComponent) {
                waiting.add(thread.getName() + ": " + Arrays.toString(stack));
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
