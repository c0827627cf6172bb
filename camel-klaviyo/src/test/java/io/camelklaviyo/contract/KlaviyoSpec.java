package io.camelklaviyo.contract;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Klaviyo's OpenAPI document as a JSON tree (read once, never copied into the project), with its operations by
 * operationId and local {@code $ref} resolution.
 */
final class KlaviyoSpec {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final String SCHEMA_PREFIX = "#/components/";

    private final JsonNode root;
    private final Map<String, SpecOperation> operations = new LinkedHashMap<>();

    private KlaviyoSpec(JsonNode root) {
        this.root = root;
        root.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (METHODS.contains(method.getKey())) {
                JsonNode operation = method.getValue();
                String operationId = operation.path("operationId").asText();
                operations.put(operationId, new SpecOperation(operationId, path.getKey(),
                        method.getKey().toUpperCase(Locale.ROOT), operation));
            }
        }));
    }

    static KlaviyoSpec read(Path file) throws IOException {
        return new KlaviyoSpec(new ObjectMapper().readTree(file.toFile()));
    }

    JsonNode root() {
        return root;
    }

    /** The operation with this operationId, or null. */
    SpecOperation operation(String operationId) {
        return operations.get(operationId);
    }

    /** Follows {@code $ref} chains to the node they point at; other nodes come back unchanged. */
    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        Set<String> seen = new HashSet<>();
        while (current != null && current.has("$ref")) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith(SCHEMA_PREFIX) || !seen.add(ref)) {
                throw new IllegalStateException("Cannot resolve $ref " + ref);
            }
            current = root.at(ref.substring(1));
            if (current.isMissingNode()) {
                throw new IllegalStateException("Dangling $ref " + ref);
            }
        }
        return current;
    }

    /** One operation of the spec. */
    record SpecOperation(String operationId, String path, String method, JsonNode node) {

        /** The schema of the request body for a media type, or null. */
        JsonNode requestSchema(String mediaType) {
            JsonNode schema = node.path("requestBody").path("content").path(mediaType).path("schema");
            return schema.isMissingNode() ? null : schema;
        }

        /** The declared parameter with this location and name, or null. */
        JsonNode parameter(String in, String name) {
            for (JsonNode parameter : node.path("parameters")) {
                if (in.equals(parameter.path("in").asText()) && name.equals(parameter.path("name").asText())) {
                    return parameter;
                }
            }
            return null;
        }
    }
}
