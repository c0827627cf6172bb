package io.camelklaviyo.bulk;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelklaviyo.request.InvalidRequestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The split itself: byte-exact size boundaries, event-weighted counts, and inputs that go as they are.
 */
class ChunkPlanTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ChunkLimits.Limit IMPORT = ChunkLimits.of("bulk_import_profiles");
    private static final ChunkLimits.Limit EVENTS = ChunkLimits.of("bulk_create_events");

    @Test
    void aChunkOfExactlyFiveMillionBytesIsAllowedAndOneByteMoreIsNot() throws Exception {
        // two items whose chunk document is exactly 5,000,000 bytes
        int both = blobsOfTwoItemsMaking(5_000_000);
        int first = both / 2;

        ChunkPlan atLimit = ChunkPlan.of("import", importDocument(first, both - first, 10), IMPORT, MAPPER);
        ChunkPlan aboveLimit = ChunkPlan.of("import", importDocument(first, both - first + 1, 10), IMPORT, MAPPER);

        assertThat(atLimit.spans()).extracting(ChunkSpan::itemCount).containsExactly(2, 1);
        assertThat(atLimit.body(atLimit.spans().get(0))).hasSize(5_000_000);
        assertThat(aboveLimit.spans()).extracting(ChunkSpan::itemCount).containsExactly(1, 2);
        for (ChunkSpan span : aboveLimit.spans()) {
            assertThat(aboveLimit.body(span).length).isLessThanOrEqualTo(5_000_000);
        }
    }

    @Test
    void chunkBodiesKeepTheEnvelopeAndTheItemsInOrder() throws Exception {
        int mb2 = 2_000_000;
        ChunkPlan plan = ChunkPlan.of("import", importDocument(mb2, mb2, mb2, mb2, mb2), IMPORT, MAPPER);

        assertThat(plan.spans()).extracting(ChunkSpan::itemCount).containsExactly(2, 2, 1);
        assertThat(plan.spans()).extracting(ChunkSpan::firstItem).containsExactly(0, 2, 4);
        JsonNode second = MAPPER.readTree(plan.body(plan.spans().get(1)));
        assertThat(second.at("/data/type").asText()).isEqualTo("profile-bulk-import-job");
        assertThat(second.at("/data/relationships/lists/data/0/id").asText()).isEqualTo("L1");
        assertThat(second.at("/data/attributes/profiles/data")).extracting(p -> p.at("/attributes/email").asText())
                .containsExactly("u2@x.com", "u3@x.com");
    }

    @Test
    void anInputWithinTheLimitsIsNotSplit() throws Exception {
        assertThat(ChunkPlan.of("import", importDocument(10, 10, 10), IMPORT, MAPPER)).isNull();
        assertThat(ChunkPlan.of("import", "{\"data\":{\"attributes\":{}}}".getBytes(), IMPORT, MAPPER))
                .as("no items array: the request goes as it is").isNull();
        assertThat(ChunkPlan.of("import", null, IMPORT, MAPPER)).isNull();
    }

    @Test
    void oneItemAboveTheSizeLimitIsRejectedNamingIt() {
        assertThatThrownBy(() -> ChunkPlan.of("import", importDocument(5_000_000, 10), IMPORT, MAPPER))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("item 0 of /data/attributes/profiles/data")
                .hasMessageContaining("above Klaviyo's limit of 5000000 bytes")
                .hasMessageContaining("No request was sent");
    }

    @Test
    void bulkEventsCountTheEventsOfEachProfileEntry() throws Exception {
        ChunkPlan plan = ChunkPlan.of("events", eventsDocument(600, 300, 200), EVENTS, MAPPER);

        assertThat(plan.spans()).extracting(ChunkSpan::itemCount).containsExactly(2, 1);
        assertThat(ChunkPlan.of("events", eventsDocument(500, 500), EVENTS, MAPPER)).isNull();
        assertThatThrownBy(() -> ChunkPlan.of("events", eventsDocument(1, 1001), EVENTS, MAPPER))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("item 1").hasMessageContaining("1001 events");
    }

    /** The sum of the blob lengths of two items that make a chunk document of exactly {@code bytes}. */
    private static int blobsOfTwoItemsMaking(int bytes) throws Exception {
        int envelope = importDocument().length;
        int itemWithoutBlob = MAPPER.writeValueAsBytes(profile(0, 0)).length;
        // envelope + item + ',' + item
        return bytes - envelope - 1 - 2 * itemWithoutBlob;
    }

    /** A profile import document with one profile per blob length (profiles u0@x.com, u1@x.com, ...). */
    static byte[] importDocument(int... blobs) throws Exception {
        ObjectNode document = MAPPER.createObjectNode();
        ObjectNode data = document.putObject("data").put("type", "profile-bulk-import-job");
        ArrayNode items = data.putObject("attributes").putObject("profiles").putArray("data");
        for (int i = 0; i < blobs.length; i++) {
            items.add(profile(i, blobs[i]));
        }
        data.putObject("relationships").putObject("lists").putArray("data").addObject().put("type", "list")
                .put("id", "L1");
        return MAPPER.writeValueAsBytes(document);
    }

    private static ObjectNode profile(int i, int blob) {
        ObjectNode profile = MAPPER.createObjectNode().put("type", "profile");
        profile.putObject("attributes").put("email", "u" + i + "@x.com").putObject("properties")
                .put("blob", "a".repeat(blob));
        return profile;
    }

    private static byte[] eventsDocument(int... eventsPerProfile) throws Exception {
        ObjectNode document = MAPPER.createObjectNode();
        ArrayNode entries = document.putObject("data").put("type", "event-bulk-create-job").putObject("attributes")
                .putObject("events-bulk-create").putArray("data");
        for (int i = 0; i < eventsPerProfile.length; i++) {
            ObjectNode attributes = entries.addObject().put("type", "event-bulk-create").putObject("attributes");
            attributes.putObject("profile").putObject("data").put("type", "profile").putObject("attributes")
                    .put("email", "u" + i + "@x.com");
            ArrayNode events = attributes.putObject("events").putArray("data");
            for (int e = 0; e < eventsPerProfile[i]; e++) {
                events.addObject().put("type", "event").putObject("attributes").put("value", e);
            }
        }
        return MAPPER.writeValueAsBytes(document);
    }

    static List<String> emails(JsonNode document) {
        return document.at("/data/attributes/profiles/data").findValuesAsText("email");
    }
}
