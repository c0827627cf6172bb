package io.camelklaviyo.request;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.camelklaviyo.operation.Operation;

/**
 * Checks query parameters against what an operation accepts, so that a typo fails with a message naming the
 * allowed values instead of a 400 from Klaviyo.
 */
final class QueryValidator {

    /** {@code operator(field,} in a filter expression; quoted values are blanked out before matching. */
    private static final Pattern FILTER_TERM = Pattern.compile("([a-z-]+)\\(\\s*([A-Za-z0-9_.$-]+)\\s*,");
    private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final List<String> LOGICAL = List.of("and", "or", "not");

    private QueryValidator() {
    }

    static void validate(Operation operation, Map<String, String> wire) {
        wire.forEach((name, value) -> validate(operation, name, value));
    }

    private static void validate(Operation operation, String name, String value) {
        if (!operation.acceptsQuery(name)) {
            throw new InvalidRequestException(operation.name() + " does not accept the query parameter '" + name
                                              + "'. It accepts: " + acceptedNames(operation));
        }
        if (name.equals("sort")) {
            requireOneOf(operation, name, value, operation.sort());
        } else if (name.equals("include")) {
            for (String included : value.split(",")) {
                requireOneOf(operation, name, included.trim(), operation.include());
            }
        } else if (name.startsWith("additional-fields[")) {
            List<String> allowed = operation.additionalFields().get(name.substring(18, name.length() - 1));
            for (String field : value.split(",")) {
                requireOneOf(operation, name, field.trim(), allowed);
            }
        } else if (name.equals("page[size]")) {
            validatePageSize(operation, value);
        } else if (name.equals("filter")) {
            validateFilter(operation, value);
        }
    }

    private static void validatePageSize(Operation operation, String value) {
        int size;
        try {
            size = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(operation.name() + ": page size must be a number, got '" + value + "'");
        }
        int max = operation.pageSize() == null ? Integer.MAX_VALUE : operation.pageSize().max();
        if (size < 1 || size > max) {
            throw new InvalidRequestException(
                    operation.name() + ": page size must be between 1 and " + max + ", got " + size);
        }
    }

    private static void validateFilter(Operation operation, String filter) {
        Matcher term = FILTER_TERM.matcher(QUOTED.matcher(filter).replaceAll("\"\""));
        while (term.find()) {
            String operator = term.group(1);
            String field = term.group(2);
            if (LOGICAL.contains(operator)) {
                continue;
            }
            List<String> operators = operation.filters().get(field);
            if (operators == null) {
                throw new InvalidRequestException(operation.name() + " cannot filter on '" + field
                                                  + "'. Filterable fields: " + describeFilters(operation));
            }
            if (!operators.contains(operator)) {
                throw new InvalidRequestException(operation.name() + " cannot filter '" + field + "' with '" + operator
                                                  + "'. Allowed for " + field + ": " + String.join(", ", operators));
            }
        }
    }

    private static void requireOneOf(Operation operation, String name, String value, List<String> allowed) {
        if (allowed == null || !allowed.contains(value)) {
            throw new InvalidRequestException(operation.name() + ": '" + value + "' is not a valid " + name
                                              + " value. Allowed: "
                                              + (allowed == null ? "none" : String.join(", ", allowed)));
        }
    }

    private static String acceptedNames(Operation operation) {
        return Arrays.toString(operation.queryParams().stream().map(Operation.QueryParam::name)
                .filter(n -> !n.equals("company_id")).toArray());
    }

    private static String describeFilters(Operation operation) {
        if (operation.filters().isEmpty()) {
            return "none";
        }
        StringBuilder described = new StringBuilder();
        operation.filters().forEach((field, operators) -> described.append(described.length() == 0 ? "" : "; ")
                .append(field).append(' ').append(operators));
        return described.toString();
    }
}
