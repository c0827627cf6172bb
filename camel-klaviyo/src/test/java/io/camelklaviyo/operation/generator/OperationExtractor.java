package io.camelklaviyo.operation.generator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.camelklaviyo.operation.Operation;
import io.camelklaviyo.operation.generator.OpenApiSpec.SpecOperation;

/** Turns one spec operation into its catalogue {@link Operation}. */
final class OperationExtractor {

    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}/]+)\\}");

    private final QueryExtractor query;
    private final RequestBodyExtractor bodies;
    /** operationId to its action-list names, sorted. */
    private final Map<String, List<String>> actionsByOperationId;
    /** path template of every GET to its canonical name, sorted by path. */
    private final SortedMap<String, String> getsByPath;

    /**
     * @param spec                 the spec the operations come from
     * @param actionsByOperationId operationId to its action-list names, sorted
     * @param getsByPath           path template of every GET to its canonical name
     */
    OperationExtractor(OpenApiSpec spec, Map<String, List<String>> actionsByOperationId,
            SortedMap<String, String> getsByPath) {
        this.query = new QueryExtractor(spec);
        this.bodies = new RequestBodyExtractor(spec);
        this.actionsByOperationId = actionsByOperationId;
        this.getsByPath = getsByPath;
    }

    Operation extract(SpecOperation operation) {
        JsonNode node = operation.node();
        String operationId = operation.operationId();
        return new Operation(
                CanonicalNames.of(operation.method(), operation.path()),
                operationId,
                OpenApiSpec.strings(node.path("x-klaviyo-operation-aliases")),
                actionsByOperationId.getOrDefault(operationId, List.of()),
                node.path("summary").asText(null),
                node.path("tags").path(0).asText(null),
                operation.method(),
                operation.path(),
                pathParams(operation.path()),
                query.queryParams(operation),
                query.filters(operation),
                query.values(operation, "sort"),
                query.values(operation, "include"),
                query.fields(operation),
                query.additionalFields(operation),
                query.pageSize(operation),
                query.pagination(operation),
                bodies.extract(node),
                OpenApiSpec.strings(node.path("x-klaviyo-scopes")),
                RateLimitExtractor.extract(node),
                jobOperation(operation),
                operation.path().startsWith("/client/"),
                successCodes(node.path("responses")));
    }

    /** The path template's parameter names, in template order. */
    static List<String> pathParams(String path) {
        List<String> names = new ArrayList<>();
        Matcher matcher = TEMPLATE.matcher(path);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** For a POST to a {@code …-jobs} collection: the GET that reads one job of it, {@code <path>/{id}}, if any. */
    private String jobOperation(SpecOperation operation) {
        if (!"POST".equals(operation.method()) || !operation.path().endsWith("-jobs")) {
            return null;
        }
        String prefix = operation.path() + "/";
        for (Map.Entry<String, String> get : getsByPath.tailMap(prefix).entrySet()) {
            if (!get.getKey().startsWith(prefix)) {
                break;
            }
            String rest = get.getKey().substring(prefix.length());
            if (!rest.contains("/") && CanonicalNames.isTemplate(rest)) {
                return get.getValue();
            }
        }
        return null;
    }

    /** The documented 2xx statuses, sorted. */
    private static List<Integer> successCodes(JsonNode responses) {
        List<Integer> codes = new ArrayList<>();
        Iterator<String> statuses = responses.fieldNames();
        while (statuses.hasNext()) {
            String status = statuses.next();
            if (status.matches("2\\d\\d")) {
                codes.add(Integer.parseInt(status));
            }
        }
        codes.sort(null);
        return codes;
    }
}
