package io.camelklaviyo.request;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import io.camelklaviyo.operation.Operation;
import io.camelklaviyo.operation.Operation.Pagination;

/**
 * The query options of an endpoint ({@code filter}, {@code sort}, {@code include}, sparse fieldsets, additional
 * fields, paging and any other parameter), turned into Klaviyo's wire names and checked against the operation.
 *
 * @param fields           resource type to comma-separated field names
 * @param additionalFields resource type to comma-separated additional fields
 * @param extra            any other parameter, by wire name
 */
public record QueryOptions(String filter, String sort, String include, Integer pageSize, String pageCursor,
        Map<String, String> fields, Map<String, String> additionalFields, Map<String, String> extra) {

    private static final Pattern LIST_BLANKS = Pattern.compile("\\s*,\\s*");

    public QueryOptions {
        fields = Map.copyOf(fields);
        additionalFields = Map.copyOf(additionalFields);
        extra = Map.copyOf(extra);
    }

    /** These options by wire name, in a stable order; absent options are left out. */
    public Map<String, String> toWire(Operation operation) {
        Map<String, String> wire = new LinkedHashMap<>();
        put(wire, "filter", filter);
        put(wire, "sort", sort);
        put(wire, "include", include);
        put(wire, "page[size]", pageSize == null ? null : pageSize.toString());
        put(wire, cursorParameter(operation), pageCursor == null ? null : PageCursors.cursorOf(pageCursor));
        fields.forEach((type, value) -> put(wire, "fields[" + type + "]", value));
        additionalFields.forEach((type, value) -> put(wire, "additional-fields[" + type + "]", value));
        extra.forEach((name, value) -> put(wire, name, value));
        return wire;
    }

    /** Checks every option this endpoint sets against what the operation accepts. */
    public void validate(Operation operation) {
        QueryValidator.validate(operation, toWire(operation));
    }

    /** The operation's page cursor parameter. */
    static String cursorParameter(Operation operation) {
        return operation.pagination() == Pagination.PAGE_CURSOR ? "page_cursor" : "page[cursor]";
    }

    /** Puts a parameter unless it is empty; list values are sent without blanks around their commas. */
    static void put(Map<String, String> wire, String name, String value) {
        if (value != null && !value.isBlank()) {
            boolean list = name.equals("include") || name.startsWith("fields[")
                           || name.startsWith("additional-fields[");
            wire.put(name, list ? LIST_BLANKS.matcher(value.trim()).replaceAll(",") : value);
        }
    }
}
