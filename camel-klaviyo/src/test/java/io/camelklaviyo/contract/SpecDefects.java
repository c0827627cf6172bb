package io.camelklaviyo.contract;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The two places where Klaviyo's spec (revision 2026-07-15) cannot be satisfied as written, worked around in the
 * generated request bodies, one by one and by name, instead of turning validation off (TOOLCHAIN.md, "two spec
 * defects"):
 * <ol>
 * <li>campaign {@code send_options} is a {@code oneOf} of three identical alternatives, so any value matches all
 * three and fails {@code oneOf}: it is left out of requests (it is optional in every request schema);</li>
 * <li>in segment and flow definitions, {@code measurement_filter.value} is a {@code oneOf} of {@code integer} and
 * {@code number}, and a whole number matches both: it is sent as {@code 1.0}.</li>
 * </ol>
 */
final class SpecDefects {

    static final String SEND_OPTIONS = "send_options";
    static final String MEASUREMENT_FILTER = "measurement_filter";

    private SpecDefects() {
    }

    /**
     * Applies the workarounds to a request body in place.
     *
     * @return what was changed, one entry per change (empty when the body needed none)
     */
    static List<String> apply(JsonNode body) {
        List<String> applied = new ArrayList<>();
        apply(body, "", applied);
        return applied;
    }

    private static void apply(JsonNode node, String pointer, List<String> applied) {
        if (node instanceof ObjectNode object) {
            if (object.has(SEND_OPTIONS) && pointer.contains("/attributes")) {
                object.remove(SEND_OPTIONS);
                applied.add("removed " + pointer + "/" + SEND_OPTIONS);
            }
            JsonNode filter = object.get(MEASUREMENT_FILTER);
            if (filter instanceof ObjectNode measurement && measurement.path("value").isNumber()) {
                measurement.set("value", DoubleNode.valueOf(1.0));
                applied.add("sent " + pointer + "/" + MEASUREMENT_FILTER + "/value as 1.0");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                apply(field.getValue(), pointer + "/" + field.getKey(), applied);
            }
        } else if (node != null && node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                apply(node.get(i), pointer + "/" + i, applied);
            }
        }
    }
}
