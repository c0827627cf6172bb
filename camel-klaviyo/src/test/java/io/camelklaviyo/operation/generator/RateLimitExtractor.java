package io.camelklaviyo.operation.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.camelklaviyo.operation.Operation.RateLimit;
import io.camelklaviyo.operation.Operation.SlowPath;

/**
 * An operation's rate limit: {@code x-klaviyo-ratelimit} ({@code {burst:"10/s", steady:"150/m", daily:"225/d"}}),
 * its documented tier, and the parameter-dependent slower limits its description states, phrased as
 * <pre>Rate limits when using the `additional-fields[profile]=predictive_analytics` parameter in your API request:
 * &lt;br&gt;Burst: `10/s`&lt;br&gt;Steady: `150/m`</pre>
 */
final class RateLimitExtractor {

    /** "when using the `name=value` parameter ...: Burst: `n/s` Steady: `n/m`", tolerant of markup in between. */
    private static final Pattern SLOW_PATH = Pattern.compile(
            "when using the `([^`=]+)=([^`]+)` parameter[^:]*:"
                    + "(?:\\s|<br\\s*/?>)*Burst:\\s*`(\\d+)/s`"
                    + "(?:\\s|<br\\s*/?>)*Steady:\\s*`(\\d+)/m`",
            Pattern.CASE_INSENSITIVE);

    private RateLimitExtractor() {
    }

    /** The rate limit of {@code operation}, or null when the spec states none. */
    static RateLimit extract(JsonNode operation) {
        JsonNode limit = operation.path("x-klaviyo-ratelimit");
        if (limit.isMissingNode() || limit.isNull()) {
            return null;
        }
        int burst = count(limit, "burst", "s");
        int steady = count(limit, "steady", "m");
        Integer daily = limit.has("daily") ? count(limit, "daily", "d") : null;
        return new RateLimit(burst, steady, daily, tier(burst, steady),
                slowPaths(operation.path("description").asText("")));
    }

    /** The documented tier of a burst/steady pair; Klaviyo's docs give L as 700/m, the spec as 750/m. */
    static String tier(int burst, int steady) {
        if (burst == 1 && steady == 15) {
            return "XS";
        } else if (burst == 3 && steady == 60) {
            return "S";
        } else if (burst == 10 && steady == 150) {
            return "M";
        } else if (burst == 75 && (steady == 750 || steady == 700)) {
            return "L";
        } else if (burst == 350 && steady == 3500) {
            return "XL";
        }
        return null;
    }

    /** Every slower limit a description states, in the order it states them. */
    static List<SlowPath> slowPaths(String description) {
        List<SlowPath> slowPaths = new ArrayList<>();
        Matcher matcher = SLOW_PATH.matcher(description);
        while (matcher.find()) {
            slowPaths.add(new SlowPath(matcher.group(1).trim(), matcher.group(2).trim(),
                    Integer.parseInt(matcher.group(3)), Integer.parseInt(matcher.group(4))));
        }
        return slowPaths;
    }

    /** {@code "10/s"} to 10, checking the unit. */
    private static int count(JsonNode limit, String field, String unit) {
        String value = limit.path(field).asText("");
        int slash = value.indexOf('/');
        if (slash < 1 || !value.substring(slash + 1).trim().equals(unit)) {
            throw new IllegalArgumentException("x-klaviyo-ratelimit." + field + " should look like \"10/" + unit
                    + "\", found \"" + value + "\"");
        }
        return Integer.parseInt(value.substring(0, slash).trim());
    }
}
