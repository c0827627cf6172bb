package io.camelklaviyo.ratelimit;

import java.util.ArrayList;
import java.util.List;

import io.camelklaviyo.operation.Operation;
import io.camelklaviyo.operation.Operation.SlowPath;
import io.camelklaviyo.request.KlaviyoRequest;

/**
 * Which of an operation's slow paths a request takes: a query parameter (e.g. {@code additional-fields[profile]},
 * {@code include}) whose comma-separated values contain the slow path's value.
 * <p>
 * Values match leniently, ignoring case and a plural {@code s}: the spec writes {@code get_profile}'s slow paths as
 * {@code include=list} and {@code include=segment} while its {@code include} enum (and so every valid request) spells
 * them {@code lists} and {@code segments}; matching only the exact text would never apply those limits.
 */
public final class SlowPaths {

    private SlowPaths() {
    }

    /** The slow paths of the operation the request takes, in catalogue order; empty for most requests. */
    public static List<SlowPath> of(Operation operation, KlaviyoRequest request) {
        List<SlowPath> slowPaths = operation.rateLimit() == null ? List.of() : operation.rateLimit().slowPaths();
        if (slowPaths.isEmpty()) {
            return List.of();
        }
        List<SlowPath> taken = new ArrayList<>(1);
        for (SlowPath slowPath : slowPaths) {
            String values = request.query().get(slowPath.parameter());
            if (values != null && contains(values, slowPath.value())) {
                taken.add(slowPath);
            }
        }
        return taken;
    }

    /** True when one of the comma-separated values names the slow path's value. */
    static boolean contains(String values, String value) {
        String wanted = singular(value.trim());
        for (String given : values.split(",")) {
            if (singular(given.trim()).equalsIgnoreCase(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static String singular(String value) {
        return value.length() > 1 && (value.endsWith("s") || value.endsWith("S"))
                ? value.substring(0, value.length() - 1) : value;
    }

    /** The operation's limits, e.g. {@code 75/s, 750/m, 150/d}. */
    static String describe(Operation.RateLimit limit) {
        return limit.burst() + "/s, " + limit.steady() + "/m"
               + (limit.daily() == null ? "" : ", " + limit.daily() + "/d");
    }
}
