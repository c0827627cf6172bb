package io.camelklaviyo.request;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelklaviyo.operation.Operation;
import io.camelklaviyo.operation.Operation.RequestBody;

/**
 * Checks a request document's {@code data} against what the operation requires: the resource type, non-blank ids,
 * the id of an update matching its path, the required attributes.
 */
final class DocumentCheck {

    private final Operation operation;
    private final RequestBody spec;
    private final String pathId;

    DocumentCheck(Operation operation, String id) {
        this.operation = operation;
        this.spec = operation.body();
        this.pathId = operation.pathParams().isEmpty() ? null : id;
    }

    void check(JsonNode data) {
        if (data == null || data.isNull()) {
            throw invalid("takes a document with data, got none");
        }
        if (data.isArray()) {
            if (data.isEmpty()) {
                throw invalid("takes at least one " + spec.type());
            }
            data.forEach(this::checkIdentifier);
        } else if (data.isObject()) {
            checkResource(data);
        }
    }

    private void checkIdentifier(JsonNode identifier) {
        checkType(identifier);
        if (isBlank(identifier.get("id"))) {
            throw invalid("takes " + spec.type() + " ids, got a blank or missing id in " + identifier);
        }
    }

    private void checkResource(JsonNode data) {
        checkType(data);
        JsonNode id = data.get("id");
        if ((spec.idRequired() || operation.path().contains("/relationships/")) && isBlank(id)) {
            throw invalid("needs the id of the " + spec.type() + " in data.id: set the header CamelKlaviyoId or the"
                          + " option id, or send a complete document");
        }
        if (pathId != null && id != null && !id.isNull() && "PATCH".equals(operation.method())
                && !operation.path().contains("/relationships/") && !pathId.equals(id.asText())) {
            throw invalid("updates " + pathId + " but the document's data.id is " + id.asText());
        }
        JsonNode attributes = data.get("attributes");
        for (String required : spec.requiredAttributes()) {
            if (attributes == null || !attributes.has(required) || attributes.get(required).isNull()) {
                throw invalid("needs the attribute '" + required + "'; required: "
                              + String.join(", ", spec.requiredAttributes()));
            }
        }
    }

    private void checkType(JsonNode resource) {
        JsonNode type = resource.get("type");
        if (spec.type() != null && type != null && !spec.type().equals(type.asText())) {
            throw invalid("takes a '" + spec.type() + "' resource, got type '" + type.asText() + "'");
        }
    }

    private static boolean isBlank(JsonNode value) {
        return value == null || value.isNull() || value.asText().isBlank();
    }

    private InvalidRequestException invalid(String problem) {
        return new InvalidRequestException(operation.name() + " " + problem);
    }
}
