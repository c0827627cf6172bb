package io.camelklaviyo.operation.generator;

import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.camelklaviyo.operation.Operation.RequestBody;

/**
 * An operation's request body: media type, whether it is required, and for a JSON:API document the resource type of
 * {@code data} (the single value of the enum behind {@code data.type}, or {@code data.items.type} when {@code data}
 * is an array), whether {@code data} must carry an {@code id}, and the attributes {@code data.attributes} requires.
 */
final class RequestBodyExtractor {

    private final OpenApiSpec spec;

    RequestBodyExtractor(OpenApiSpec spec) {
        this.spec = spec;
    }

    /** The body of {@code operation}, or null when it takes none. */
    RequestBody extract(JsonNode operation) {
        JsonNode body = spec.resolve(operation.path("requestBody"));
        if (body.isMissingNode()) {
            return null;
        }
        Iterator<String> contentTypes = body.path("content").fieldNames();
        if (!contentTypes.hasNext()) {
            throw new IllegalArgumentException(operation.path("operationId").asText() + ": requestBody has no content");
        }
        String contentType = contentTypes.next();
        JsonNode schema = spec.resolve(body.path("content").path(contentType).path("schema"));
        JsonNode data = spec.property(schema, "data");
        boolean many = "array".equals(data.path("type").asText());
        if (many) {
            data = spec.resolve(data.path("items"));
        }
        String type = data.isMissingNode() ? null : singleEnumValue(spec.property(data, "type"));
        List<String> required = data.isMissingNode()
                ? List.of()
                : OpenApiSpec.strings(spec.property(data, "attributes").path("required"));
        boolean idRequired = !many && !data.isMissingNode() && OpenApiSpec.strings(data.path("required")).contains("id");
        return new RequestBody(contentType, body.path("required").asBoolean(false), type, many, idRequired, required);
    }

    /** The one value of an enum schema, or null when it allows none or several. */
    private static String singleEnumValue(JsonNode schema) {
        JsonNode values = schema.path("enum");
        return values.size() == 1 ? values.get(0).asText() : null;
    }
}
