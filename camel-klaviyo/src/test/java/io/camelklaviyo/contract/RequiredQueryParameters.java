package io.camelklaviyo.contract;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Values for the query parameters an operation requires, derived from the spec: the parameter schema's
 * {@code example}, else its first {@code enum} value. {@code company_id} is left out: the component adds the public
 * key itself.
 * <p>
 * Where the spec's example is not a usable value, {@link #OVERRIDES} gives one, keyed by
 * {@code operationId/parameter}, with the reason next to it. At revision 2026-07-15 every example works (e.g.
 * {@code get_campaigns} {@code filter=equals(messages.channel,'email')}, {@code get_coupon_codes}
 * {@code filter=equals(coupon.id,'10OFF')}, {@code get_client_review_values_reports}
 * {@code group_by/statistics/timeframe}), so the table only holds the values the test relies on regardless of
 * future example changes.
 */
final class RequiredQueryParameters {

    /** operationId/parameter to value. */
    static final Map<String, String> OVERRIDES = Map.of(
            // campaigns must name a channel (API-FACTS.md section 10); pinned so an example change cannot drop it
            "get_campaigns/filter", "equals(messages.channel,'email')");

    private RequiredQueryParameters() {
    }

    static Map<String, String> of(KlaviyoSpec.SpecOperation operation) {
        Map<String, String> values = new LinkedHashMap<>();
        for (JsonNode parameter : operation.node().path("parameters")) {
            String name = parameter.path("name").asText();
            if (!"query".equals(parameter.path("in").asText()) || !parameter.path("required").asBoolean(false)
                    || name.equals("company_id")) {
                continue;
            }
            String override = OVERRIDES.get(operation.operationId() + "/" + name);
            values.put(name, override != null ? override : fromSchema(operation, name, parameter.path("schema")));
        }
        return values;
    }

    private static String fromSchema(KlaviyoSpec.SpecOperation operation, String name, JsonNode schema) {
        if (schema.hasNonNull("example")) {
            return schema.get("example").asText();
        }
        if (schema.path("enum").size() > 0) {
            return schema.get("enum").get(0).asText();
        }
        throw new IllegalStateException(operation.operationId() + " requires the query parameter " + name
                                        + " and the spec gives no example or enum for it: add it to "
                                        + "RequiredQueryParameters.OVERRIDES");
    }
}
