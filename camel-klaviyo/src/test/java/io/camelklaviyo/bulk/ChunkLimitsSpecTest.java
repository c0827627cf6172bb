package io.camelklaviyo.bulk;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelklaviyo.operation.OperationCatalog;
import io.camelklaviyo.operation.SharedKlaviyoFiles;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chunk limits table against Klaviyo's spec: each items pointer leads, through the operation's request schema, to
 * an array of resource objects, and the operation's description states the limit the table uses.
 */
class ChunkLimitsSpecTest {

    @Test
    void everyLimitIsAnOperationOfTheCatalogue() {
        OperationCatalog catalog = OperationCatalog.bundled();

        for (ChunkLimits.Limit limit : ChunkLimits.all().values()) {
            assertThat(catalog.resolve(limit.operationId())).as(limit.operationId()).hasSize(1);
            assertThat(catalog.resolve(limit.operationId()).iterator().next().body()).as(limit.operationId())
                    .isNotNull();
        }
    }

    @Test
    void theTableCoversTheOperationsOfApiFactsSection7() {
        assertThat(ChunkLimits.all()).hasSize(18);
        assertThat(ChunkLimits.of("bulk_import_profiles").maxItems()).isEqualTo(10_000);
        assertThat(ChunkLimits.of("bulk_unsubscribe_profiles").maxItems()).isEqualTo(100);
        assertThat(ChunkLimits.of("bulk_create_events").maxBytes()).isEqualTo(5_000_000L);
        assertThat(ChunkLimits.of("create_profile")).isNull();
    }

    @Test
    void everyItemsPointerLeadsToAnArrayOfResourceObjectsInTheSpec() throws Exception {
        Path file = SharedKlaviyoFiles.spec();
        SharedKlaviyoFiles.assumePresent(file, "ChunkLimitsSpecTest");
        JsonNode spec = new ObjectMapper().readTree(file.toFile());
        SoftAssertions softly = new SoftAssertions();

        for (ChunkLimits.Limit limit : ChunkLimits.all().values()) {
            JsonNode operation = operation(spec, limit.operationId());
            softly.assertThat(operation).as(limit.operationId() + " in the spec").isNotNull();
            if (operation == null) {
                continue;
            }
            JsonNode schema = resolve(spec, operation.path("requestBody").path("content")
                    .path("application/vnd.api+json").path("schema"));
            JsonNode array = follow(spec, schema, limit.itemsPointer());
            softly.assertThat(array.path("type").asText()).as(limit.operationId() + " " + limit.itemsPointer())
                    .isEqualTo("array");
            JsonNode item = resolve(spec, array.path("items"));
            softly.assertThat(item.path("properties").has("type"))
                    .as(limit.operationId() + ": items of " + limit.itemsPointer() + " are resource objects").isTrue();
            if (limit.weightPointer() != null) {
                softly.assertThat(follow(spec, item, limit.weightPointer()).path("type").asText())
                        .as(limit.operationId() + " weight " + limit.weightPointer()).isEqualTo("array");
            }
            String description = operation.path("description").asText();
            softly.assertThat(description.contains(String.valueOf(limit.maxItems()))
                              || description.contains(String.format(Locale.ROOT, "%,d", limit.maxItems())))
                    .as(limit.operationId() + " description states the limit " + limit.maxItems()).isTrue();
            softly.assertThat(description.contains("5MB")).as(limit.operationId() + " description states 5MB")
                    .isEqualTo(limit.limitsSize());
        }
        softly.assertAll();
    }

    private static JsonNode operation(JsonNode spec, String operationId) {
        for (JsonNode path : spec.path("paths")) {
            for (JsonNode operation : path) {
                if (operationId.equals(operation.path("operationId").asText())) {
                    return operation;
                }
            }
        }
        return null;
    }

    /** Walks a JSON pointer of an instance through the schema's properties. */
    private static JsonNode follow(JsonNode spec, JsonNode schema, String pointer) {
        JsonNode current = resolve(spec, schema);
        for (String segment : pointer.substring(1).split("/")) {
            current = resolve(spec, current.path("properties").path(segment));
        }
        return current;
    }

    private static JsonNode resolve(JsonNode spec, JsonNode node) {
        JsonNode current = node;
        Set<String> seen = new HashSet<>();
        while (current.has("$ref") && seen.add(current.get("$ref").asText())) {
            current = spec.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }
}
