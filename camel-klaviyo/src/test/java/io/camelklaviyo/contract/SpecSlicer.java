package io.camelklaviyo.contract;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Cuts Klaviyo's spec down to one operation, in memory: that operation's path and method with its parameters and
 * request body, the component schemas they reference transitively, and the security schemes. Responses keep their
 * status codes and media types but lose their schemas. A validator built for the whole 3 MB spec runs out of heap
 * after a few dozen operations (see TOOLCHAIN.md); one built for a slice is small and quick.
 * <p>
 * The request validator only enforces operation-level {@code security}, and Klaviyo declares it once at the top
 * level: the slice copies it onto every {@code /api} operation, so a missing {@code Authorization} header is caught.
 * {@code /client} operations keep their own {@code security: []}.
 */
final class SpecSlicer {

    private static final String SCHEMA_REF = "#/components/schemas/";

    private final KlaviyoSpec spec;
    private final ObjectMapper mapper = new ObjectMapper();

    SpecSlicer(KlaviyoSpec spec) {
        this.spec = spec;
    }

    ObjectNode slice(KlaviyoSpec.SpecOperation operation) {
        JsonNode root = spec.root();
        ObjectNode slice = mapper.createObjectNode();
        slice.set("openapi", root.get("openapi"));
        slice.set("info", root.get("info"));
        slice.set("servers", root.get("servers"));
        slice.putObject("paths").putObject(operation.path())
                .set(operation.method().toLowerCase(Locale.ROOT), operationCopy(operation));
        ObjectNode components = slice.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        for (String name : referencedSchemas(operation)) {
            schemas.set(name, root.path("components").path("schemas").get(name));
        }
        components.set("securitySchemes", root.path("components").path("securitySchemes"));
        return slice;
    }

    private ObjectNode operationCopy(KlaviyoSpec.SpecOperation operation) {
        JsonNode source = operation.node();
        ObjectNode copy = mapper.createObjectNode();
        copy.set("operationId", source.get("operationId"));
        if (source.has("parameters")) {
            copy.set("parameters", source.get("parameters"));
        }
        if (source.has("requestBody")) {
            copy.set("requestBody", source.get("requestBody"));
        }
        copy.set("responses", trimmedResponses(source.path("responses")));
        if (source.has("security")) {
            copy.set("security", source.get("security"));
        } else if (operation.path().startsWith("/api/")) {
            copy.set("security", spec.root().get("security"));
        }
        return copy;
    }

    /** Status codes and media types only: the request validator needs them for the Accept header. */
    private ObjectNode trimmedResponses(JsonNode responses) {
        ObjectNode trimmed = mapper.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> response = it.next();
            JsonNode resolved = spec.resolve(response.getValue());
            ObjectNode copy = trimmed.putObject(response.getKey());
            copy.put("description", resolved.path("description").asText("response"));
            if (resolved.has("content")) {
                ObjectNode content = copy.putObject("content");
                resolved.get("content").fieldNames().forEachRemaining(mediaType -> content.putObject(mediaType));
            }
        }
        return trimmed;
    }

    /** Every component schema the operation's parameters and request body reference, directly or not. */
    private TreeSet<String> referencedSchemas(KlaviyoSpec.SpecOperation operation) {
        TreeSet<String> names = new TreeSet<>();
        Deque<JsonNode> pending = new ArrayDeque<>();
        pending.push(operation.node().path("parameters"));
        pending.push(operation.node().path("requestBody"));
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            if (node.isObject() && node.has("$ref")) {
                String ref = node.get("$ref").asText();
                if (!ref.startsWith(SCHEMA_REF)) {
                    throw new IllegalStateException(operation.operationId() + ": unexpected $ref " + ref);
                }
                String name = ref.substring(SCHEMA_REF.length());
                if (names.add(name)) {
                    pending.push(spec.root().path("components").path("schemas").path(name));
                }
            }
            node.elements().forEachRemaining(pending::push);
        }
        return names;
    }
}
