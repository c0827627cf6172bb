package io.camelklaviyo.request;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.camelklaviyo.filter.FilterExpression;
import io.camelklaviyo.filter.KlaviyoFilter;
import io.camelklaviyo.operation.Operation;

/**
 * Checks query parameters against what an operation accepts, so that a typo fails with a message naming the
 * allowed values instead of a 400 from Klaviyo.
 */
final class QueryValidator {

    private QueryValidator() {
    }

    static void validate(Operation operation, Map<String, String> wire) {
        wire.forEach((name, value) -> validate(operation, name, value));
    }

    private static void validate(Operation operation, String name, String value) {
        if (name.equals("company_id")) {
            throw new InvalidRequestException(operation.name() + ": company_id is the public key; set it with the"
                                              + " publicKey option, never as a query parameter");
        }
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

    /**
     * Parses the filter (so quoted values never confuse the check) and checks every term, also those inside
     * {@code and}/{@code or}/{@code not}: its field must be filterable, its operator allowed for that field, and its
     * value of the shape the operator takes (see {@link KlaviyoFilter.Term#checkValue()}).
     */
    private static void validateFilter(Operation operation, String filter) {
        KlaviyoFilter parsed;
        try {
            parsed = FilterExpression.parse(filter);
        } catch (FilterExpression.ParseException e) {
            throw new InvalidRequestException(operation.name() + ": " + e.getMessage(), e);
        }
        for (KlaviyoFilter.Term term : parsed.terms()) {
            String field = term.field();
            String operator = term.operator();
            List<String> operators = operation.filters().get(field);
            if (operators == null) {
                throw new InvalidRequestException(operation.name() + " cannot filter on '" + field
                                                  + "'. Filterable fields: " + describeFilters(operation));
            }
            if (!operators.contains(operator)) {
                throw new InvalidRequestException(operation.name() + " cannot filter '" + field + "' with '" + operator
                                                  + "'. Allowed for " + field + ": " + String.join(", ", operators));
            }
            try {
                term.checkValue();
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException(operation.name() + ": in " + term + ", " + e.getMessage(), e);
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
