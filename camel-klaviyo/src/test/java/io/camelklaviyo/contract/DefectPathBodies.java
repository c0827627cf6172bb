package io.camelklaviyo.contract;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * Grows the minimal body of a few operations so that it reaches a documented {@link SpecDefects spec defect}, and
 * the workaround then travels through the producer like any user's body would. The minimal segment definition
 * takes the first condition alternative (group membership), which has no {@code measurement_filter}; here its first
 * condition becomes a profile-metric condition, whose {@code measurement_filter.value} must arrive as {@code 1.0},
 * not {@code 1}.
 * <p>
 * Campaign {@code send_options} needs no growing: it is optional in every request schema, so minimal bodies leave it
 * out already.
 */
final class DefectPathBodies {

    private static final String CONDITIONS = "/data/attributes/definition/condition_groups/0/conditions";

    /** operationId to the component schema of the condition put first in its segment definition. */
    static final Map<String, String> METRIC_CONDITION = Map.of(
            // update_segment's definition is optional, so its minimal body has none to grow
            "create_segment", "SegmentsProfileMetricCondition");

    private DefectPathBodies() {
    }

    /** Grows {@code document} in place when the operation is listed; true when it did. */
    static boolean grow(String operationId, JsonNode document, MinimalInstanceGenerator generator) {
        String condition = METRIC_CONDITION.get(operationId);
        if (condition == null) {
            return false;
        }
        JsonNode conditions = document.at(CONDITIONS);
        if (!(conditions instanceof ArrayNode list) || list.isEmpty()) {
            throw new IllegalStateException(operationId + ": the minimal body has no " + CONDITIONS);
        }
        list.set(0, generator.generate(new ObjectMapper().createObjectNode()
                .put("$ref", "#/components/schemas/" + condition)));
        return true;
    }
}
