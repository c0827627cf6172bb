package io.camelklaviyo.request;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.camelklaviyo.operation.Operation;
import io.camelklaviyo.operation.Operation.RequestBody;

/**
 * Turns a message body into the JSON:API document an operation takes. A body that already is a document
 * ({@code {"data": ...}}) is sent as it is, and a lone resource ({@code {"type", "attributes"}}) gets its
 * {@code data} wrapper; anything else is taken as the resource's attributes (or, for relationship writes and
 * actions on an existing resource, as the id or ids) and wrapped into a document of the operation's resource type.
 * The result is checked against what the operation requires before anything is sent.
 */
final class JsonApiBodyEncoder {

    static final String MEDIA_TYPE = "application/vnd.api+json";

    private final ObjectMapper mapper;

    JsonApiBodyEncoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    EncodedBody encode(Operation operation, Object body, String id) {
        JsonNode node = toTree(operation, body);
        JsonNode document;
        if (node.isObject() && node.has("data")) {
            document = node;
        } else if (isLoneResource(node)) {
            document = mapper.createObjectNode().set("data", node);
        } else {
            document = wrap(operation, node, id);
        }
        new DocumentCheck(operation, id).check(document.get("data"));
        try {
            return new EncodedBody(mapper.writeValueAsBytes(document), MEDIA_TYPE);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException(operation.name() + ": cannot write the request body as JSON", e);
        }
    }

    private JsonNode toTree(Operation operation, Object body) {
        try {
            if (body instanceof JsonNode json) {
                return json;
            }
            if (body instanceof String text) {
                return takesIds(operation) && !looksLikeJson(text)
                        ? TextNode.valueOf(text.trim()) : mapper.readTree(text);
            }
            if (body instanceof byte[] bytes) {
                return mapper.readTree(bytes);
            }
            if (body instanceof InputStream stream) {
                return mapper.readTree(stream);
            }
            return mapper.valueToTree(body);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidRequestException(
                    operation.name() + ": the message body is not valid JSON (" + e.getMessage() + ")", e);
        }
    }

    private JsonNode wrap(Operation operation, JsonNode node, String id) {
        RequestBody spec = operation.body();
        if (spec.type() == null) {
            throw new InvalidRequestException(operation.name() + " takes a complete JSON:API document"
                                              + " ({\"data\": ...}); its resource type cannot be inferred");
        }
        ObjectNode document = mapper.createObjectNode();
        if (spec.many()) {
            document.set("data", identifiers(operation, node));
            return document;
        }
        JsonNode single = singleElement(operation, node);
        if (single.isValueNode() && takesIds(operation)) {
            // a to-one relationship write, or an action on an existing resource (a campaign send), takes its id
            document.set("data", identifier(operation, single));
            return document;
        }
        if (!single.isObject()) {
            throw new InvalidRequestException(operation.name() + " takes a JSON object of " + spec.type()
                                              + " attributes or a JSON:API document, got " + single.getNodeType());
        }
        ObjectNode data = document.putObject("data");
        data.put("type", spec.type());
        if (id != null && (spec.idRequired() || "PATCH".equals(operation.method()))) {
            data.put("id", id);
        }
        data.set("attributes", single);
        return document;
    }

    /** A one-element list where one resource is expected (a to-one relationship) is that element. */
    private static JsonNode singleElement(Operation operation, JsonNode node) {
        if (!node.isArray()) {
            return node;
        }
        if (node.size() != 1) {
            throw new InvalidRequestException(operation.name() + " takes one " + operation.body().type()
                                              + ", got a list of " + node.size());
        }
        return node.get(0);
    }

    /** Relationship writes take resource identifiers: bare ids become {@code {"type", "id"}}. */
    private ArrayNode identifiers(Operation operation, JsonNode node) {
        ArrayNode identifiers = mapper.createArrayNode();
        for (JsonNode element : node.isArray() ? node : mapper.createArrayNode().add(node)) {
            identifiers.add(identifier(operation, element));
        }
        return identifiers;
    }

    /** One identifier from a bare id, or from a whole resource (e.g. a previous call's result) cut down to it. */
    private ObjectNode identifier(Operation operation, JsonNode element) {
        String type = operation.body().type();
        if (element.isObject() && element.hasNonNull("id")) {
            return mapper.createObjectNode().put("type", element.path("type").asText(type))
                    .put("id", element.get("id").asText());
        }
        if (element.isValueNode() && !element.isNull()) {
            return mapper.createObjectNode().put("type", type).put("id", element.asText());
        }
        throw new InvalidRequestException(operation.name() + " takes " + type
                                          + " ids or {\"type\",\"id\"} objects, got " + element);
    }

    private static boolean isLoneResource(JsonNode node) {
        return node.isObject() && node.path("type").isTextual() && (node.has("attributes") || node.has("id"));
    }

    private static boolean takesIds(Operation operation) {
        return operation.path().contains("/relationships/") || operation.body().idRequired();
    }

    private static boolean looksLikeJson(String text) {
        String trimmed = text.trim();
        return trimmed.startsWith("{") || trimmed.startsWith("[") || trimmed.startsWith("\"") || trimmed.equals("null");
    }
}
