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
 * ({@code {"data": ...}}) is sent as it is; anything else is taken as the resource's attributes (or, for relationship
 * writes, as the related id or ids) and wrapped into a document of the operation's resource type.
 */
final class JsonApiBodyEncoder {

    static final String MEDIA_TYPE = "application/vnd.api+json";

    private final ObjectMapper mapper;

    JsonApiBodyEncoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    EncodedBody encode(Operation operation, Object body, String id) {
        JsonNode node = toTree(operation, body);
        JsonNode document = node.isObject() && node.has("data") ? node : wrap(operation, node, id);
        check(operation, document.get("data"));
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
                return (isRelationshipWrite(operation) || operation.body().idRequired()) && !looksLikeJson(text)
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
        if (single.isValueNode() && (isRelationshipWrite(operation) || spec.idRequired())) {
            // a to-one relationship write, or an action on an existing resource (a campaign send), takes its id
            document.putObject("data").put("type", spec.type()).put("id", single.asText());
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
            if (element.isObject() && element.hasNonNull("id")) {
                // a whole resource (e.g. a previous call's result) is cut down to its identifier
                identifiers.addObject().put("type", element.path("type").asText(operation.body().type()))
                        .put("id", element.get("id").asText());
            } else if (element.isValueNode()) {
                identifiers.addObject().put("type", operation.body().type()).put("id", element.asText());
            } else {
                throw new InvalidRequestException(operation.name() + " takes " + operation.body().type()
                                                  + " ids or {\"type\",\"id\"} objects, got " + element);
            }
        }
        return identifiers;
    }

    private static boolean isRelationshipWrite(Operation operation) {
        return operation.path().contains("/relationships/");
    }

    private static boolean looksLikeJson(String text) {
        String trimmed = text.trim();
        return trimmed.startsWith("{") || trimmed.startsWith("[") || trimmed.startsWith("\"");
    }

    private static void check(Operation operation, JsonNode data) {
        RequestBody spec = operation.body();
        if (data == null || !data.isObject()) {
            return;
        }
        JsonNode type = data.get("type");
        if (spec.type() != null && type != null && !spec.type().equals(type.asText())) {
            throw new InvalidRequestException(operation.name() + " takes a '" + spec.type()
                                              + "' resource, got type '" + type.asText() + "'");
        }
        if (spec.idRequired() && !data.hasNonNull("id")) {
            throw new InvalidRequestException(operation.name() + " needs the id of the " + spec.type()
                                              + " in data.id: set the header CamelKlaviyoId or the option id, or"
                                              + " send a complete document");
        }
        JsonNode attributes = data.get("attributes");
        for (String required : spec.requiredAttributes()) {
            if (attributes == null || !attributes.has(required) || attributes.get(required).isNull()) {
                throw new InvalidRequestException(operation.name() + " needs the attribute '" + required
                                                  + "'; required: " + String.join(", ", spec.requiredAttributes()));
            }
        }
    }
}
