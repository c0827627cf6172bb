package io.camelklaviyo.operation.generator;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.camelklaviyo.operation.Operation.PageSize;
import io.camelklaviyo.operation.Operation.Pagination;
import io.camelklaviyo.operation.Operation.QueryParam;
import io.camelklaviyo.operation.generator.OpenApiSpec.SpecOperation;

/**
 * What an operation's query string accepts: its parameters, filter fields and operators, sort and include values,
 * sparse fieldsets, additional fields, page size, and how it pages.
 */
final class QueryExtractor {

    private static final Pattern BRACKETED = Pattern.compile("([a-z-]+)\\[([^\\]]+)\\]");

    private final OpenApiSpec spec;

    QueryExtractor(OpenApiSpec spec) {
        this.spec = spec;
    }

    /** Every query parameter with whether it is required, in the spec's order. */
    List<QueryParam> queryParams(SpecOperation operation) {
        return operation.parameters("query").stream()
                .map(p -> new QueryParam(p.path("name").asText(), p.path("required").asBoolean(false)))
                .toList();
    }

    /** Filterable field to the sorted union of its {@code list} and {@code single} operators. */
    SortedMap<String, List<String>> filters(SpecOperation operation) {
        SortedMap<String, List<String>> filters = new TreeMap<>();
        for (Map.Entry<String, JsonNode> field : operation.node().path("x-klaviyo-filters").properties()) {
            TreeSet<String> operators = new TreeSet<>();
            field.getValue().path("operators").forEach(group -> operators.addAll(OpenApiSpec.strings(group)));
            filters.put(field.getKey(), List.copyOf(operators));
        }
        return filters;
    }

    /** The allowed values of the query parameter {@code name} (its enum, or its items' enum), in the spec's order. */
    List<String> values(SpecOperation operation, String name) {
        JsonNode parameter = parameter(operation, name);
        return parameter == null ? List.of() : enumValues(parameter);
    }

    /** The {@code X} of every {@code fields[X]} parameter, sorted. */
    List<String> fields(SpecOperation operation) {
        return List.copyOf(bracketed(operation, "fields").keySet());
    }

    /** {@code additional-fields[X]} to its allowed values. */
    SortedMap<String, List<String>> additionalFields(SpecOperation operation) {
        SortedMap<String, List<String>> additional = new TreeMap<>();
        bracketed(operation, "additional-fields").forEach((type, parameter) -> additional.put(type, enumValues(parameter)));
        return additional;
    }

    /** The {@code page[size]} default and maximum, or null when the operation takes no page size. */
    PageSize pageSize(SpecOperation operation) {
        JsonNode parameter = parameter(operation, "page[size]");
        if (parameter == null) {
            return null;
        }
        JsonNode schema = spec.resolve(parameter.path("schema"));
        JsonNode defaultSize = schema.path("default");
        JsonNode max = schema.path("maximum");
        if (!defaultSize.isNumber() && !max.isNumber()) {
            return null;
        }
        return new PageSize(defaultSize.isNumber() ? defaultSize.asInt() : max.asInt(),
                max.isNumber() ? max.asInt() : defaultSize.asInt());
    }

    /**
     * CURSOR for {@code page[cursor]}, PAGE_CURSOR for the reporting POSTs' {@code page_cursor}, LINKS for any other
     * GET whose 200 response holds an array of {@code data}, NONE otherwise.
     */
    Pagination pagination(SpecOperation operation) {
        if (parameter(operation, "page[cursor]") != null) {
            return Pagination.CURSOR;
        }
        if (parameter(operation, "page_cursor") != null) {
            return Pagination.PAGE_CURSOR;
        }
        if ("GET".equals(operation.method()) && returnsCollection(operation.node())) {
            return Pagination.LINKS;
        }
        return Pagination.NONE;
    }

    private boolean returnsCollection(JsonNode operation) {
        JsonNode ok = spec.resolve(operation.path("responses").path("200"));
        for (JsonNode media : ok.path("content")) {
            JsonNode data = spec.property(media.path("schema"), "data");
            if ("array".equals(data.path("type").asText())) {
                return true;
            }
        }
        return false;
    }

    private JsonNode parameter(SpecOperation operation, String name) {
        for (JsonNode parameter : operation.parameters("query")) {
            if (name.equals(parameter.path("name").asText())) {
                return parameter;
            }
        }
        return null;
    }

    /** The {@code prefix[X]} query parameters by {@code X}, sorted. */
    private SortedMap<String, JsonNode> bracketed(SpecOperation operation, String prefix) {
        SortedMap<String, JsonNode> found = new TreeMap<>();
        for (JsonNode parameter : operation.parameters("query")) {
            Matcher matcher = BRACKETED.matcher(parameter.path("name").asText());
            if (matcher.matches() && matcher.group(1).equals(prefix)) {
                found.put(matcher.group(2), parameter);
            }
        }
        return found;
    }

    private List<String> enumValues(JsonNode parameter) {
        JsonNode schema = spec.resolve(parameter.path("schema"));
        if ("array".equals(schema.path("type").asText())) {
            schema = spec.resolve(schema.path("items"));
        }
        return OpenApiSpec.strings(schema.path("enum"));
    }
}
