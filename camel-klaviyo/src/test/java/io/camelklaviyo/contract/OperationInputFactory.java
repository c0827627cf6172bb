package io.camelklaviyo.contract;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelklaviyo.contract.OperationInputs.BodyForm;
import io.camelklaviyo.operation.Operation;

/**
 * Builds the minimal valid inputs of one operation the way a user of the component would give them: the path id,
 * the required query parameters, and a body that validates against the operation's request schema.
 * <ul>
 * <li>relationship writes ({@code *}/{@code add-*}, {@code remove-*}, {@code update-*-ids}) get a List of ids;</li>
 * <li>single-resource bodies whose {@code data} holds only {@code type}, {@code attributes} and, for a PATCH, the
 * path id, get the bare attributes (a Map) so that the component's wrapping is exercised;</li>
 * <li>every other JSON body gets the whole JSON:API document (a Map);</li>
 * <li>the multipart upload gets the file's bytes and the {@code CamelFileName} header.</li>
 * </ul>
 * Even-numbered operations get their id and query parameters as endpoint options, odd-numbered ones as headers.
 */
final class OperationInputFactory {

    /** The id put in a relationship write's body. */
    static final String RELATED_ID = "ContractRelated01";
    /** The path id of operations whose path parameter has no example. */
    static final String DEFAULT_ID = "ContractId01";

    private static final Set<String> BARE_DATA_KEYS = Set.of("type", "id", "attributes");

    private final KlaviyoSpec spec;
    private final MinimalInstanceGenerator generator;
    private final ObjectMapper mapper = new ObjectMapper();

    OperationInputFactory(KlaviyoSpec spec) {
        this.spec = spec;
        this.generator = new MinimalInstanceGenerator(spec);
    }

    OperationInputs inputs(Operation operation, int index) {
        KlaviyoSpec.SpecOperation specOperation = spec.operation(operation.operationId());
        if (specOperation == null) {
            throw new IllegalStateException("The spec has no operation " + operation.operationId());
        }
        String id = pathId(operation, specOperation);
        boolean optionsOnUri = index % 2 == 0;
        Map<String, String> query = RequiredQueryParameters.of(specOperation);
        Operation.RequestBody body = operation.body();
        if (body == null) {
            return new OperationInputs(operation, specOperation, id, optionsOnUri, query, BodyForm.NONE, null, null,
                    List.of());
        }
        if (body.multipart()) {
            return new OperationInputs(operation, specOperation, id, optionsOnUri, query, BodyForm.FILE,
                    OperationInputs.FILE_BYTES, null, List.of());
        }
        JsonNode schema = specOperation.requestSchema(body.contentType());
        if (schema == null) {
            throw new IllegalStateException(operation.operationId() + " has no " + body.contentType()
                                            + " request schema in the spec");
        }
        JsonNode document = generator.generate(schema);
        DefectPathBodies.grow(operation.operationId(), document, generator);
        List<String> workarounds = SpecDefects.apply(document);
        if (isRelationshipWrite(operation)) {
            setIds(document.path("data"));
            return new OperationInputs(operation, specOperation, id, optionsOnUri, query, BodyForm.IDS,
                    List.of(RELATED_ID), document, workarounds);
        }
        JsonNode data = document.path("data");
        if (id != null && "PATCH".equals(operation.method()) && data.has("id")) {
            // an update names the resource of its path
            ((ObjectNode) data).put("id", id);
        }
        if (canSendBareAttributes(operation, document, id)) {
            return new OperationInputs(operation, specOperation, id, optionsOnUri, query, BodyForm.ATTRIBUTES,
                    toMap(data.get("attributes")), document, workarounds);
        }
        return new OperationInputs(operation, specOperation, id, optionsOnUri, query, BodyForm.DOCUMENT,
                toMap(document), document, workarounds);
    }

    /** {@code add-*}, {@code remove-*}, {@code update-*-ids}: the body is resource identifiers. */
    static boolean isRelationshipWrite(Operation operation) {
        String action = operation.name().substring(operation.name().indexOf('/') + 1);
        return operation.body().many() || action.startsWith("add-") || action.startsWith("remove-")
               || action.startsWith("update-") && action.endsWith("-ids");
    }

    /**
     * The component wraps bare attributes into {@code {"data": {"type", "id" (PATCH: the path id), "attributes"}}}:
     * possible when that is all the operation's document needs.
     */
    private static boolean canSendBareAttributes(Operation operation, JsonNode document, String id) {
        JsonNode data = document.path("data");
        if (document.size() != 1 || !data.isObject() || !data.path("attributes").isObject()
                || !data.path("type").asText().equals(operation.body().type())) {
            return false;
        }
        for (Iterator<String> names = data.fieldNames(); names.hasNext();) {
            if (!BARE_DATA_KEYS.contains(names.next())) {
                return false;
            }
        }
        return !data.has("id") || "PATCH".equals(operation.method()) && id != null;
    }

    private static void setIds(JsonNode data) {
        if (data.isArray()) {
            data.forEach(identifier -> ((ObjectNode) identifier).put("id", RELATED_ID));
        } else if (data.isObject()) {
            ((ObjectNode) data).put("id", RELATED_ID);
        }
    }

    /** The path parameter's example, else its first enum value, else {@link #DEFAULT_ID}. */
    private static String pathId(Operation operation, KlaviyoSpec.SpecOperation specOperation) {
        if (operation.pathParams().isEmpty()) {
            return null;
        }
        JsonNode parameter = specOperation.parameter("path", operation.pathParams().get(0));
        JsonNode schema = parameter == null ? null : parameter.path("schema");
        if (schema != null && schema.hasNonNull("example")) {
            return schema.get("example").asText();
        }
        if (schema != null && schema.path("enum").size() > 0) {
            return schema.get("enum").get(0).asText();
        }
        return DEFAULT_ID;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> toMap(JsonNode node) {
        return mapper.convertValue(node, Map.class);
    }
}
