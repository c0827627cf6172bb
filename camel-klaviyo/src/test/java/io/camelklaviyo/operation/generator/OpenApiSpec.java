package io.camelklaviyo.operation.generator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * An OpenAPI 3 document read as a Jackson tree: its operations, and the {@code $ref} resolution the extractors need.
 */
final class OpenApiSpec {

    /** HTTP methods an OpenAPI path item may hold, in the order they are read. */
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final int MAX_REF_HOPS = 64;

    private final JsonNode root;

    OpenApiSpec(JsonNode root) {
        this.root = root;
    }

    static OpenApiSpec read(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return new OpenApiSpec(new ObjectMapper().readTree(in));
        }
    }

    /** The spec's {@code info.version}: Klaviyo's API revision. */
    String revision() {
        String version = root.path("info").path("version").asText(null);
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("The spec has no info.version");
        }
        return version;
    }

    /** Every operation, in the spec's order, with path-level parameters merged into its own. */
    List<SpecOperation> operations() {
        List<SpecOperation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : root.path("paths").properties()) {
            JsonNode item = resolve(entry.getValue());
            for (String method : METHODS) {
                JsonNode node = item.get(method);
                if (node != null) {
                    operations.add(new SpecOperation(method.toUpperCase(Locale.ROOT), entry.getKey(), node,
                            parameters(item.path("parameters"), node.path("parameters"))));
                }
            }
        }
        return operations;
    }

    /** Path-level parameters overridden by operation-level ones of the same name and location. */
    private List<JsonNode> parameters(JsonNode pathLevel, JsonNode operationLevel) {
        Map<String, JsonNode> merged = new LinkedHashMap<>();
        for (JsonNode list : List.of(pathLevel, operationLevel)) {
            for (JsonNode parameter : list) {
                JsonNode resolved = resolve(parameter);
                merged.put(resolved.path("in").asText() + ":" + resolved.path("name").asText(), resolved);
            }
        }
        return List.copyOf(merged.values());
    }

    /** Follows {@code $ref}s (local ones, {@code #/...}) until a node without one; missing nodes stay missing. */
    JsonNode resolve(JsonNode node) {
        JsonNode current = node == null ? MissingNode.getInstance() : node;
        for (int hops = 0; current.has("$ref"); hops++) {
            if (hops == MAX_REF_HOPS) {
                throw new IllegalArgumentException("$ref cycle at " + node.get("$ref").asText());
            }
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("Only local $refs are supported, found " + ref);
            }
            JsonNode target = root.at(ref.substring(1));
            if (target.isMissingNode()) {
                throw new IllegalArgumentException("Unresolvable $ref " + ref);
            }
            current = target;
        }
        return current;
    }

    /**
     * The resolved schema of property {@code name} of {@code schema}, looking into {@code allOf} parts too; a missing
     * node when the schema declares no such property.
     */
    JsonNode property(JsonNode schema, String name) {
        return property(resolve(schema), name, 0);
    }

    private JsonNode property(JsonNode schema, String name, int depth) {
        JsonNode direct = schema.path("properties").get(name);
        if (direct != null) {
            return resolve(direct);
        }
        if (depth < MAX_REF_HOPS) {
            for (JsonNode part : schema.path("allOf")) {
                JsonNode found = property(resolve(part), name, depth + 1);
                if (!found.isMissingNode()) {
                    return found;
                }
            }
        }
        return MissingNode.getInstance();
    }

    /** The string values of an array node, in order. */
    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (JsonNode value : array) {
            values.add(value.asText());
        }
        return values;
    }

    /** One operation of the spec: its method (upper case), path template, node and merged parameters. */
    record SpecOperation(String method, String path, JsonNode node, List<JsonNode> parameters) {

        String operationId() {
            String id = node.path("operationId").asText(null);
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException(method + " " + path + " has no operationId");
            }
            return id;
        }

        /** The parameters located {@code in} (query, path, header), in the spec's order. */
        List<JsonNode> parameters(String in) {
            return parameters.stream().filter(p -> in.equals(p.path("in").asText())).toList();
        }

        /** The operationId and every older operationId ({@code x-klaviyo-operation-aliases}). */
        Set<String> ids() {
            Set<String> ids = new LinkedHashSet<>();
            ids.add(operationId());
            ids.addAll(strings(node.path("x-klaviyo-operation-aliases")));
            return ids;
        }
    }
}
