package io.camelklaviyo.contract;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds the smallest instance of a (spec) JSON schema that should validate against it:
 * <ul>
 * <li>objects get their required properties only (read-only ones are left out of requests); a free-form object
 * with an {@code example} gets the example;</li>
 * <li>{@code enum} takes its first value; scalars take their {@code example} when it fits their type and format,
 * else a plausible value for the format ({@code date-time}, {@code date}, {@code time}, {@code email}, {@code uri},
 * {@code uuid}) or a fixed one;</li>
 * <li>{@code oneOf}/{@code anyOf} take the first alternative that yields a finite instance; {@code allOf} merges
 * all of them;</li>
 * <li>arrays get one item.</li>
 * </ul>
 */
final class MinimalInstanceGenerator {

    /** Deep enough for segment definitions; recursive alternatives beyond it are given up for the next one. */
    private static final int MAX_DEPTH = 32;

    static final String DATE_TIME = "2026-07-15T12:00:00Z";

    private final KlaviyoSpec spec;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    MinimalInstanceGenerator(KlaviyoSpec spec) {
        this.spec = spec;
    }

    JsonNode generate(JsonNode schema) {
        return generate(schema, 0)
                .orElseThrow(() -> new IllegalStateException("No finite instance of schema " + schema));
    }

    private Optional<JsonNode> generate(JsonNode rawSchema, int depth) {
        if (depth > MAX_DEPTH) {
            return Optional.empty();
        }
        JsonNode schema = spec.resolve(rawSchema);
        if (schema.has("allOf")) {
            return allOf(schema.get("allOf"), depth);
        }
        for (String combinator : new String[] { "oneOf", "anyOf" }) {
            if (schema.has(combinator)) {
                for (JsonNode alternative : schema.get(combinator)) {
                    Optional<JsonNode> instance = generate(alternative, depth + 1);
                    if (instance.isPresent()) {
                        return instance;
                    }
                }
                return Optional.empty();
            }
        }
        JsonNode enumeration = schema.get("enum");
        if (enumeration != null && enumeration.size() > 0) {
            return Optional.of(enumeration.get(0).deepCopy());
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "");
        JsonNode example = schema.get("example");
        return switch (type) {
            case "object" -> object(schema, depth);
            case "array" -> generate(schema.path("items"), depth + 1).map(item -> nodes.arrayNode().add(item));
            case "string" -> Optional.of(nodes.textNode(string(schema)));
            case "integer" -> Optional.of(example != null && example.isIntegralNumber()
                    ? example : nodes.numberNode(1));
            case "number" -> Optional.of(example != null && example.isNumber() ? example : nodes.numberNode(1.5));
            case "boolean" -> Optional.of(example != null && example.isBoolean() ? example : nodes.booleanNode(true));
            default -> Optional.of(example != null ? example.deepCopy() : nodes.textNode("example"));
        };
    }

    private Optional<JsonNode> object(JsonNode schema, int depth) {
        JsonNode properties = schema.path("properties");
        JsonNode example = schema.get("example");
        if (properties.isEmpty() && example != null && example.isObject()) {
            return Optional.of(example.deepCopy());
        }
        ObjectNode instance = nodes.objectNode();
        for (JsonNode required : schema.path("required")) {
            String name = required.asText();
            JsonNode property = properties.get(name);
            if (property == null) {
                instance.put(name, "example");
                continue;
            }
            if (spec.resolve(property).path("readOnly").asBoolean(false)) {
                continue;
            }
            Optional<JsonNode> value = generate(property, depth + 1);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            instance.set(name, value.get());
        }
        return Optional.of(instance);
    }

    private Optional<JsonNode> allOf(JsonNode parts, int depth) {
        ObjectNode merged = nodes.objectNode();
        for (JsonNode part : parts) {
            Optional<JsonNode> instance = generate(part, depth + 1);
            if (instance.isEmpty()) {
                return Optional.empty();
            }
            if (!instance.get().isObject()) {
                return parts.size() == 1 ? instance : Optional.empty();
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = instance.get().fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                merged.set(field.getKey(), field.getValue());
            }
        }
        return Optional.of(merged);
    }

    private static String string(JsonNode schema) {
        String format = schema.path("format").asText("");
        JsonNode example = schema.get("example");
        if (example != null && example.isTextual() && fitsFormat(example.asText(), format)) {
            return example.asText();
        }
        return switch (format) {
            case "date-time" -> DATE_TIME;
            case "date" -> "2026-07-15";
            case "time" -> "12:00:00";
            case "email" -> "jane.doe@example.com";
            case "uri", "url" -> "https://www.example.com/contract";
            case "uuid" -> "3f2c8a1e-4b5d-4c6e-8f70-1a2b3c4d5e6f";
            case "binary", "byte" -> "aGVsbG8=";
            default -> "example";
        };
    }

    private static boolean fitsFormat(String value, String format) {
        try {
            switch (format) {
                case "date-time" -> OffsetDateTime.parse(value);
                case "date" -> LocalDate.parse(value);
                case "time" -> LocalTime.parse(value);
                case "uuid" -> UUID.fromString(value);
                case "email" -> {
                    return value.indexOf('@') > 0;
                }
                case "uri", "url" -> {
                    return URI.create(value).isAbsolute();
                }
                default -> {
                    return true;
                }
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
