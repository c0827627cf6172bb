package io.camelklaviyo.bulk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.camelklaviyo.KlaviyoApiException;
import io.camelklaviyo.KlaviyoBulkException;
import io.camelklaviyo.KlaviyoConstants;
import io.camelklaviyo.KlaviyoStandIn;
import io.camelklaviyo.request.InvalidRequestException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk inputs above an operation's limits go as compliant chunks, one after the other, in order; every chunk's
 * outcome is reported and a failed chunk never hides.
 */
class ChunkedCallTest extends KlaviyoStandIn {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String LIST_MEMBERS = "/api/lists/L1/relationships/profiles";
    private static final String ADD_TO_LIST = "klaviyo:lists/add-profiles?id=L1";
    private static final String IMPORTS = "/api/profile-bulk-import-jobs";

    @ParameterizedTest(name = "{0} profiles -> {1} request(s)")
    @CsvSource({ "999, 1", "1000, 1", "1001, 2", "2000, 2", "2001, 3" })
    void addToListGoesInChunksOfAtMostAThousandProfilesInOrder(int profiles, int requests) throws Exception {
        klaviyo.stubFor(post(urlPathEqualTo(LIST_MEMBERS)).willReturn(aResponse().withStatus(204)));
        List<String> ids = ids(profiles);

        Exchange result = template.send(ADD_TO_LIST, e -> e.getMessage().setBody(ids));

        assertThat(result.getException()).isNull();
        List<JsonNode> bodies = requestBodies();
        assertThat(bodies).hasSize(requests);
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            JsonNode data = bodies.get(i).get("data");
            assertThat(data.size()).as("items of request " + i)
                    .isEqualTo(i < requests - 1 ? 1000 : profiles - 1000 * (requests - 1));
            data.forEach(identifier -> sent.add(identifier.get("id").asText()));
        }
        assertThat(sent).as("every id once, in the input's order").isEqualTo(ids);
        if (requests == 1) {
            // within the limit: exactly the single call, no bulk result
            assertThat(result.getMessage().getBody()).isNull();
            assertThat(result.getMessage().getHeader(KlaviyoConstants.HTTP_STATUS)).isEqualTo(204);
            assertThat(result.getMessage().getHeader(KlaviyoConstants.CHUNK_COUNT)).isNull();
        } else {
            BulkResult bulk = result.getMessage().getBody(BulkResult.class);
            assertThat(bulk.succeeded()).isTrue();
            assertThat(bulk.totalItems()).isEqualTo(profiles);
            assertThat(bulk.succeededItems()).isEqualTo(profiles);
            assertThat(bulk.chunks()).extracting(ChunkResult::httpStatus).containsOnly(204);
            assertThat(result.getMessage().getHeader(KlaviyoConstants.CHUNK_COUNT)).isEqualTo(requests);
            assertThat(result.getMessage().getHeader(KlaviyoConstants.FAILED_CHUNK_COUNT)).isEqualTo(0);
        }
    }

    @Test
    void largeProfilesSplitBelowTheCountLimitToStayUnderFiveMegabytes() throws Exception {
        klaviyo.stubFor(post(urlPathEqualTo(IMPORTS)).willReturn(aResponse().withStatus(202)
                .withBody("{\"data\":{\"type\":\"profile-bulk-import-job\",\"id\":\"job\","
                          + "\"attributes\":{\"status\":\"queued\"}}}")));
        int mb = 1_200_000;
        byte[] document = ChunkPlanTest.importDocument(mb, mb, mb, mb, mb, mb, mb, mb, mb, mb);

        Exchange result = template.send("klaviyo:profile-bulk-import-jobs/create",
                e -> e.getMessage().setBody(document));

        assertThat(result.getException()).isNull();
        List<ServeEvent> served = requestsInOrder();
        assertThat(served).hasSize(3);
        List<String> emails = new ArrayList<>();
        for (ServeEvent event : served) {
            assertThat(event.getRequest().getBody().length).isLessThanOrEqualTo(5_000_000);
            emails.addAll(ChunkPlanTest.emails(MAPPER.readTree(event.getRequest().getBody())));
        }
        assertThat(emails).containsExactly(IntStream.range(0, 10).mapToObj(i -> "u" + i + "@x.com")
                .toArray(String[]::new));
        BulkResult bulk = result.getMessage().getBody(BulkResult.class);
        assertThat(bulk.chunks()).extracting(ChunkResult::itemCount).containsExactly(4, 4, 2);
        assertThat(bulk.chunks().get(0).response()).containsKey("data");
    }

    @Test
    void aProfileAloneAboveFiveMegabytesIsRejectedBeforeAnyCall() throws Exception {
        byte[] document = ChunkPlanTest.importDocument(10, 5_000_000, 10);

        Exchange result = template.send("klaviyo:profile-bulk-import-jobs/create",
                e -> e.getMessage().setBody(document));

        assertThat(result.getException()).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("item 1 of /data/attributes/profiles/data");
        assertThat(klaviyo.getAllServeEvents()).isEmpty();
    }

    @Test
    void aFailedMiddleChunkDoesNotStopTheOthersAndFailsTheExchangeNamingIt() throws Exception {
        stubAddToListFailingForTheChunkWith("p01000");
        List<String> ids = ids(2500);

        Exchange result = template.send(ADD_TO_LIST, e -> e.getMessage().setBody(ids));

        assertThat(requestBodies()).hasSize(3);
        assertThat(result.getException()).isInstanceOf(KlaviyoBulkException.class)
                .hasMessageContaining("1 of 3 chunks failed (1000 of 2500 items)")
                .hasMessageContaining("chunk 1 (items 1000-1999)")
                .hasMessageContaining("HTTP 400")
                .hasCauseInstanceOf(KlaviyoApiException.class);
        BulkResult bulk = result.getException(KlaviyoBulkException.class).getResult();
        assertThat(bulk.chunks()).extracting(ChunkResult::status).containsExactly(ChunkResult.Status.SUCCEEDED,
                ChunkResult.Status.FAILED, ChunkResult.Status.SUCCEEDED);
        assertThat(bulk.failedChunks()).singleElement().satisfies(chunk -> {
            assertThat(chunk.index()).isEqualTo(1);
            assertThat(chunk.firstItem()).isEqualTo(1000);
            assertThat(chunk.itemCount()).isEqualTo(1000);
            assertThat(chunk.failure()).isInstanceOf(KlaviyoApiException.class);
        });
        assertThat(bulk.succeededItems()).isEqualTo(1500);
        assertThat(bulk.failedItems()).isEqualTo(1000);
        assertThat(result.getMessage().getBody()).isSameAs(bulk);
        assertThat(result.getMessage().getHeader(KlaviyoConstants.FAILED_CHUNK_COUNT)).isEqualTo(1);
    }

    @Test
    void failFastSendsNothingAfterTheFirstFailedChunk() throws Exception {
        stubAddToListFailingForTheChunkWith("p01000");
        List<String> ids = ids(3500);

        Exchange result = template.send(ADD_TO_LIST + "&failFast=true", e -> e.getMessage().setBody(ids));

        assertThat(requestBodies()).hasSize(2);
        assertThat(result.getException()).isInstanceOf(KlaviyoBulkException.class)
                .hasMessageContaining("2 not sent after the failure (failFast, 1500 items)");
        BulkResult bulk = result.getException(KlaviyoBulkException.class).getResult();
        assertThat(bulk.chunks()).extracting(ChunkResult::status).containsExactly(ChunkResult.Status.SUCCEEDED,
                ChunkResult.Status.FAILED, ChunkResult.Status.NOT_SENT, ChunkResult.Status.NOT_SENT);
        assertThat(bulk.notSentItems()).isEqualTo(1500);
    }

    @Test
    void chunkingFalseSendsTheInputAsItIs() throws Exception {
        klaviyo.stubFor(post(urlPathEqualTo(LIST_MEMBERS)).willReturn(aResponse().withStatus(204)));

        template.send(ADD_TO_LIST + "&chunking=false", e -> e.getMessage().setBody(ids(1001)));

        assertThat(requestBodies()).singleElement().satisfies(body -> assertThat(body.get("data")).hasSize(1001));
    }

    private void stubAddToListFailingForTheChunkWith(String id) {
        klaviyo.stubFor(post(urlPathEqualTo(LIST_MEMBERS)).willReturn(aResponse().withStatus(204)));
        klaviyo.stubFor(post(urlPathEqualTo(LIST_MEMBERS)).withRequestBody(containing("\"" + id + "\""))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/vnd.api+json")
                        .withBody("{\"errors\":[{\"status\":400,\"code\":\"invalid\",\"title\":\"Invalid input.\","
                                  + "\"detail\":\"A profile id is unknown\"}]}")));
    }

    private static List<String> ids(int count) {
        return IntStream.range(0, count).mapToObj(i -> String.format("p%05d", i)).toList();
    }

    /** The requests Klaviyo received, oldest first (WireMock lists them newest first). */
    static List<ServeEvent> requestsInOrder() {
        List<ServeEvent> served = new ArrayList<>(klaviyo.getAllServeEvents());
        Collections.reverse(served);
        return served;
    }

    private static List<JsonNode> requestBodies() throws Exception {
        List<JsonNode> bodies = new ArrayList<>();
        for (ServeEvent event : requestsInOrder()) {
            bodies.add(MAPPER.readTree(event.getRequest().getBody()));
        }
        return bodies;
    }
}
