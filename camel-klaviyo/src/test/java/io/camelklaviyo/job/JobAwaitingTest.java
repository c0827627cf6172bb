package io.camelklaviyo.job;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.camelklaviyo.KlaviyoApiException;
import io.camelklaviyo.KlaviyoBulkException;
import io.camelklaviyo.KlaviyoConstants;
import io.camelklaviyo.KlaviyoJobException;
import io.camelklaviyo.KlaviyoStandIn;
import io.camelklaviyo.bulk.BulkResult;
import io.camelklaviyo.bulk.ChunkResult;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * awaitJob: the spawned job is polled on the component's scheduler until it is complete, cancelled, or the timeout
 * elapsed; a throttled poll is tried again; a profile import's errors are read, all pages.
 */
class JobAwaitingTest extends KlaviyoStandIn {

    static final String SUPPRESS = "klaviyo:profile-suppression-bulk-create-jobs/create?awaitJob=true"
                                   + "&jobPollInterval=5&jobTimeout=5000";
    static final String SUPPRESS_JOBS = "/api/profile-suppression-bulk-create-jobs";
    private static final String IMPORT_JOBS = "/api/profile-bulk-import-jobs";

    @Test
    void pollsQueuedThenProcessingUntilComplete() {
        stubSpawn("job-1");
        stubJobStates("job-1", job("job-1", "queued", 0, null), job("job-1", "processing", 1, null),
                job("job-1", "complete", 2, null));

        Exchange result = template.send(SUPPRESS, e -> e.getMessage().setBody(profiles(2)));

        assertThat(result.getException()).isNull();
        assertThat(klaviyo.findAll(getRequestedFor(urlPathEqualTo(SUPPRESS_JOBS + "/job-1")))).hasSize(3);
        Map<?, ?> body = result.getMessage().getBody(Map.class);
        assertThat(((Map<?, ?>) ((Map<?, ?>) body.get("data")).get("attributes")).get("status"))
                .isEqualTo("complete");
        assertThat(result.getMessage().getHeader(KlaviyoConstants.HTTP_STATUS)).isEqualTo(200);
        assertThat(result.getMessage().getHeader(KlaviyoConstants.JOB_ID)).isEqualTo("job-1");
        assertThat(result.getMessage().getHeader(KlaviyoConstants.JOB_STATUS)).isEqualTo("complete");
        assertThat(result.getMessage().getHeader(KlaviyoConstants.JOB_TOTAL_COUNT)).isEqualTo(2);
        assertThat(result.getMessage().getHeader(KlaviyoConstants.JOB_COMPLETED_COUNT)).isEqualTo(2);
        assertThat(result.getMessage().getHeader(KlaviyoConstants.JOB_ERRORS)).isNull();
    }

    @Test
    void aCancelledJobFailsTheExchangeNamingIt() {
        stubSpawn("job-2");
        stubJobStates("job-2", job("job-2", "processing", 0, null), job("job-2", "cancelled", 1, null));

        Exchange result = template.send(SUPPRESS, e -> e.getMessage().setBody(profiles(2)));

        assertThat(result.getException()).isInstanceOf(KlaviyoJobException.class)
                .hasMessageContaining("job-2").hasMessageContaining("profile-suppression-bulk-create-job")
                .hasMessageContaining("cancelled");
        KlaviyoJobException failure = result.getException(KlaviyoJobException.class);
        assertThat(failure.getReason()).isEqualTo(KlaviyoJobException.Reason.CANCELLED);
        assertThat(failure.getJobId()).isEqualTo("job-2");
        assertThat(failure.getJobType()).isEqualTo("profile-suppression-bulk-create-job");
        assertThat(failure.getStatus()).isEqualTo("cancelled");
        assertThat(result.getMessage().getHeader(KlaviyoConstants.JOB_STATUS)).isEqualTo("cancelled");
    }

    @Test
    void aJobThatDoesNotFinishInTimeFailsWithItsLastStatusAndCounts() {
        stubSpawn("job-3");
        klaviyo.stubFor(get(urlPathEqualTo(SUPPRESS_JOBS + "/job-3"))
                .willReturn(okJson(job("job-3", "processing", 3, 10))));
        long started = System.nanoTime();

        Exchange result = template.send(SUPPRESS.replace("jobTimeout=5000", "jobTimeout=150"),
                e -> e.getMessage().setBody(profiles(10)));

        assertThat((System.nanoTime() - started) / 1_000_000).isBetween(150L, 3_000L);
        assertThat(result.getException()).isInstanceOf(KlaviyoJobException.class)
                .hasMessageContaining("did not finish within 150 ms")
                .hasMessageContaining("status processing, 3 of 10 completed");
        KlaviyoJobException failure = result.getException(KlaviyoJobException.class);
        assertThat(failure.isTimedOut()).isTrue();
        assertThat(failure.getCompletedCount()).isEqualTo(3);
        assertThat(failure.getTotalCount()).isEqualTo(10);
        assertThat(klaviyo.findAll(getRequestedFor(urlPathEqualTo(SUPPRESS_JOBS + "/job-3"))).size())
                .isGreaterThan(3);
    }

    @Test
    void aThrottledOrFailingPollIsTriedAgainOnTheNextTick() {
        stubSpawn("job-4");
        klaviyo.stubFor(get(urlPathEqualTo(SUPPRESS_JOBS + "/job-4")).inScenario("poll")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("throttled")
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/vnd.api+json")
                        .withBody("{\"errors\":[{\"status\":429,\"code\":\"throttled\",\"title\":\"Throttled\"}]}")));
        klaviyo.stubFor(get(urlPathEqualTo(SUPPRESS_JOBS + "/job-4")).inScenario("poll")
                .whenScenarioStateIs("throttled").willSetStateTo("unavailable")
                .willReturn(aResponse().withStatus(503)));
        klaviyo.stubFor(get(urlPathEqualTo(SUPPRESS_JOBS + "/job-4")).inScenario("poll")
                .whenScenarioStateIs("unavailable").willReturn(okJson(job("job-4", "complete", 2, null))));

        Exchange result = template.send(SUPPRESS, e -> e.getMessage().setBody(profiles(2)));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(KlaviyoConstants.JOB_STATUS)).isEqualTo("complete");
        assertThat(klaviyo.findAll(getRequestedFor(urlPathEqualTo(SUPPRESS_JOBS + "/job-4")))).hasSize(3);
    }

    @Test
    void aPollAnsweredWithAClientErrorFailsWithItsCause() {
        stubSpawn("job-5");
        klaviyo.stubFor(get(urlPathEqualTo(SUPPRESS_JOBS + "/job-5")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/vnd.api+json")
                .withBody("{\"errors\":[{\"status\":404,\"code\":\"not_found\",\"title\":\"Not found\"}]}")));

        Exchange result = template.send(SUPPRESS, e -> e.getMessage().setBody(profiles(2)));

        assertThat(result.getException()).isInstanceOf(KlaviyoJobException.class)
                .hasMessageContaining("job-5 (profile-suppression-bulk-create-job) could not be read")
                .hasCauseInstanceOf(KlaviyoApiException.class);
        assertThat(result.getException(KlaviyoJobException.class).getReason())
                .isEqualTo(KlaviyoJobException.Reason.UNREADABLE);
        assertThat(klaviyo.findAll(getRequestedFor(urlPathEqualTo(SUPPRESS_JOBS + "/job-5")))).hasSize(1);
    }

    @Test
    void aCompletedProfileImportBringsAllPagesOfItsErrors() {
        klaviyo.stubFor(post(urlPathEqualTo(IMPORT_JOBS)).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/vnd.api+json")
                .withBody(job("imp-1", "queued", 0, 5).replace("profile-suppression-bulk-create-job",
                        "profile-bulk-import-job"))));
        klaviyo.stubFor(get(urlPathEqualTo(IMPORT_JOBS + "/imp-1")).willReturn(okJson(
                "{\"data\":{\"type\":\"profile-bulk-import-job\",\"id\":\"imp-1\",\"attributes\":{"
                + "\"status\":\"complete\",\"total_count\":5,\"completed_count\":2,\"failed_count\":3,"
                + "\"completed_at\":null,\"expires_at\":null,\"started_at\":null}}}")));
        String errors = IMPORT_JOBS + "/imp-1/import-errors";
        klaviyo.stubFor(get(urlPathEqualTo(errors)).withQueryParam("page[size]", equalTo("100"))
                .willReturn(okJson("{\"data\":[" + importError("e1", "bad@") + "," + importError(null, "x")
                                   + "],\"links\":{\"self\":\"x\",\"next\":\"" + klaviyo.baseUrl() + errors
                                   + "?page%5Bcursor%5D=c2&page%5Bsize%5D=100\"}}")));
        klaviyo.stubFor(get(urlPathEqualTo(errors)).withQueryParam("page[cursor]", equalTo("c2"))
                .willReturn(okJson("{\"data\":[" + importError("e3", "y") + "],\"links\":{\"next\":null}}")));

        Exchange result = template.send("klaviyo:profile-bulk-import-jobs/create?awaitJob=true&jobPollInterval=5",
                e -> e.getMessage().setBody(Map.of("profiles", Map.of("data", List.of(
                        Map.of("type", "profile", "attributes", Map.of("email", "a@b.com")))))));

        assertThat(result.getException()).isNull();
        List<?> importErrors = result.getMessage().getHeader(KlaviyoConstants.JOB_ERRORS, List.class);
        assertThat(importErrors).hasSize(3).extracting(error -> (Object) ((Map<?, ?>) error).get("id"))
                .containsExactly("e1", null, "e3");
        assertThat(result.getMessage().getHeader(KlaviyoConstants.JOB_FAILED_COUNT)).isEqualTo(3);
        assertThat(klaviyo.findAll(getRequestedFor(urlPathEqualTo(errors)))).hasSize(2);
    }

    @Test
    void eachChunkJobIsAwaitedBeforeTheNextChunkIsSent() {
        klaviyo.stubFor(post(urlPathEqualTo(SUPPRESS_JOBS)).withRequestBody(containing("u000@"))
                .willReturn(spawned("job-A")));
        klaviyo.stubFor(post(urlPathEqualTo(SUPPRESS_JOBS)).withRequestBody(containing("u100@"))
                .willReturn(spawned("job-B")));
        stubJobStates("job-A", job("job-A", "processing", 50, 100), job("job-A", "complete", 100, 100));
        klaviyo.stubFor(get(urlPathEqualTo(SUPPRESS_JOBS + "/job-B")).willReturn(okJson(job("job-B", "complete", 50,
                50))));

        Exchange result = template.send(SUPPRESS, e -> e.getMessage().setBody(profiles(150)));

        assertThat(result.getException()).isNull();
        List<String> served = new ArrayList<>();
        List<ServeEvent> events = new ArrayList<>(klaviyo.getAllServeEvents());
        Collections.reverse(events);
        events.forEach(event -> served.add(event.getRequest().getMethod() + " " + event.getRequest().getUrl()));
        assertThat(served).containsExactly("POST " + SUPPRESS_JOBS, "GET " + SUPPRESS_JOBS + "/job-A",
                "GET " + SUPPRESS_JOBS + "/job-A", "POST " + SUPPRESS_JOBS, "GET " + SUPPRESS_JOBS + "/job-B");
        BulkResult bulk = result.getMessage().getBody(BulkResult.class);
        assertThat(bulk.chunks()).extracting(ChunkResult::itemCount).containsExactly(100, 50);
        assertThat(bulk.chunks()).extracting(chunk -> (Object) ((Map<?, ?>) chunk.response().get("data")).get("id"))
                .containsExactly("job-A", "job-B");
        assertThat(bulk.chunks()).extracting(chunk -> (Object) ((Map<?, ?>) ((Map<?, ?>) chunk.response().get("data"))
                .get("attributes")).get("status")).containsOnly("complete");
        assertThat(result.getMessage().getHeader(KlaviyoConstants.JOB_ID)).isEqualTo("job-B");
        assertThat(result.getMessage().getHeader(KlaviyoConstants.JOB_COMPLETED_COUNT)).isEqualTo(150);
    }

    @Test
    void aCancelledChunkJobFailsThatChunkAndTheNextChunkIsStillSent() {
        klaviyo.stubFor(post(urlPathEqualTo(SUPPRESS_JOBS)).withRequestBody(containing("u000@"))
                .willReturn(spawned("job-C")));
        klaviyo.stubFor(post(urlPathEqualTo(SUPPRESS_JOBS)).withRequestBody(containing("u100@"))
                .willReturn(spawned("job-D")));
        klaviyo.stubFor(get(urlPathEqualTo(SUPPRESS_JOBS + "/job-C")).willReturn(okJson(job("job-C", "cancelled", 0,
                100))));
        klaviyo.stubFor(get(urlPathEqualTo(SUPPRESS_JOBS + "/job-D")).willReturn(okJson(job("job-D", "complete", 20,
                20))));

        Exchange result = template.send(SUPPRESS, e -> e.getMessage().setBody(profiles(120)));

        assertThat(result.getException()).isInstanceOf(KlaviyoBulkException.class)
                .hasMessageContaining("chunk 0 (items 0-99)").hasMessageContaining("job-C")
                .hasCauseInstanceOf(KlaviyoJobException.class);
        BulkResult bulk = result.getMessage().getBody(BulkResult.class);
        assertThat(bulk.chunks()).extracting(ChunkResult::status)
                .containsExactly(ChunkResult.Status.FAILED, ChunkResult.Status.SUCCEEDED);
        assertThat(bulk.chunks().get(1).response()).isNotNull();
        assertThat(result.getMessage().getHeader(KlaviyoConstants.JOB_ID)).isEqualTo("job-D");
    }

    @Test
    void awaitJobOnAnOperationWhoseJobCannotBeReadFailsAtEndpointCreation() {
        assertThatThrownBy(() -> context.getEndpoint(
                "klaviyo:profile-subscription-bulk-create-jobs/create?awaitJob=true"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .rootCause().hasMessageContaining("spawns a job, but Klaviyo offers no operation to read it")
                .hasMessageContaining("profile-bulk-import-jobs/create");
        assertThatThrownBy(() -> context.getEndpoint("klaviyo:profiles/create?awaitJob=true"))
                .rootCause().hasMessageContaining("profiles/create spawns no job");
        assertThatThrownBy(() -> context.getEndpoint(
                "klaviyo:profile-suppression-bulk-create-jobs/create?awaitJob=true&jobTimeout=0"))
                .rootCause().hasMessageContaining("jobTimeout=0 ms");
    }

    // stubs

    static void stubSpawn(String id) {
        klaviyo.stubFor(post(urlPathEqualTo(SUPPRESS_JOBS)).willReturn(spawned(id)));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder spawned(String id) {
        return aResponse().withStatus(202).withHeader("Content-Type", "application/vnd.api+json")
                .withBody(job(id, "queued", 0, null));
    }

    /** Each poll answers the next state; the last one stays. */
    private static void stubJobStates(String id, String... states) {
        String scenario = "job " + id;
        for (int i = 0; i < states.length; i++) {
            klaviyo.stubFor(get(urlPathEqualTo(SUPPRESS_JOBS + "/" + id)).inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "state " + i)
                    .willSetStateTo("state " + Math.min(i + 1, states.length - 1))
                    .willReturn(okJson(states[i])));
        }
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/vnd.api+json").withBody(body);
    }

    /** A suppression job; null total means: as many as completed. */
    static String job(String id, String status, int completed, Integer total) {
        return "{\"data\":{\"type\":\"profile-suppression-bulk-create-job\",\"id\":\"" + id + "\",\"attributes\":{"
               + "\"status\":\"" + status + "\",\"created_at\":\"2026-01-01T00:00:00+00:00\",\"total_count\":"
               + (total == null ? Math.max(completed, 2) : total) + ",\"completed_count\":" + completed
               + ",\"completed_at\":null,\"skipped_count\":null}}}";
    }

    private static String importError(String id, String email) {
        return "{\"type\":\"import-error\",\"id\":" + (id == null ? "null" : "\"" + id + "\"")
               + ",\"attributes\":{\"code\":null,\"title\":\"Invalid email\",\"detail\":\"" + email
               + "\",\"source\":{\"pointer\":\"/data/attributes/profiles/data/0\"},\"original_payload\":{}}}";
    }

    static Map<String, Object> profiles(int count) {
        return Map.of("profiles", Map.of("data", IntStream.range(0, count)
                .mapToObj(i -> Map.of("type", "profile", "attributes",
                        Map.of("email", String.format("u%03d@example.com", i))))
                .toList()));
    }
}
