package io.camelklaviyo.filter;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One value of a filter term, as Klaviyo's syntax writes it: a string ({@code "jane+vip@example.com"}, double-quoted
 * with backslash escapes), a number or a boolean (bare), an ISO-8601 date-time (bare: Klaviyo rejects quoted
 * date-times), {@code null} (only ever read by the parser, see {@link Kind#NULL}) or a list of these
 * ({@code ["a","b"]}).
 *
 * @param kind  what the value is
 * @param text  the string's content (unescaped), or the literal as rendered for numbers, booleans, date-times and
 *              {@code null}; null for a list
 * @param items the items of a list; empty for other kinds
 */
public record FilterValue(Kind kind, String text, List<FilterValue> items) {

    /** The kinds of literal Klaviyo's filter syntax has. */
    public enum Kind {
        STRING,
        NUMBER,
        BOOLEAN,
        DATE_TIME,
        /**
         * The bare word {@code null}. Neither the spec's {@code x-klaviyo-filters} nor Klaviyo's filtering guide
         * documents a null literal, so the typed API never produces one; the parser accepts it so that a string
         * filter Klaviyo might accept is not refused here.
         */
        NULL,
        LIST
    }

    /** A bare number: optional minus, digits with an optional fraction, optional exponent. */
    static final Pattern NUMBER_LITERAL = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    /** A bare ISO-8601 date or date-time, with an optional fraction and offset. */
    static final Pattern DATE_TIME_LITERAL = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?([Zz]|[+-]\\d{2}(:?\\d{2})?)?)?");

    public FilterValue {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.LIST) {
            items = List.copyOf(items);
            if (text != null) {
                throw new IllegalArgumentException("a list value has no text");
            }
            for (FilterValue item : items) {
                if (item.kind == Kind.LIST) {
                    throw new IllegalArgumentException("filter lists cannot be nested");
                }
            }
        } else {
            Objects.requireNonNull(text, "text");
            items = List.of();
            boolean wellFormed = switch (kind) {
                case NUMBER -> NUMBER_LITERAL.matcher(text).matches();
                case DATE_TIME -> DATE_TIME_LITERAL.matcher(text).matches();
                case BOOLEAN -> text.equals("true") || text.equals("false");
                case NULL -> text.equals("null");
                default -> true;
            };
            if (!wellFormed) {
                throw new IllegalArgumentException("'" + text + "' is no " + kind + " literal");
            }
        }
    }

    static FilterValue string(String text) {
        return new FilterValue(Kind.STRING, text, List.of());
    }

    static FilterValue literal(Kind kind, String text) {
        return new FilterValue(kind, text, List.of());
    }

    static FilterValue list(List<FilterValue> items) {
        return new FilterValue(Kind.LIST, null, items);
    }

    /**
     * The filter value of a Java value: {@link CharSequence}, {@link Character}, {@link Enum} (its name) and
     * {@link UUID} become strings; {@link Number}s and {@link Boolean}s stay bare; {@link Instant} ({@code ...Z}),
     * {@link OffsetDateTime}, {@link ZonedDateTime} (its offset, without the zone id), {@link LocalDate} and
     * {@link Date} become ISO-8601 date-times; a {@link Collection} or array becomes a non-empty list of such
     * scalars.
     *
     * @throws IllegalArgumentException for null (Klaviyo documents no null literal), a {@link LocalDateTime} (no
     *                                  offset), a non-finite number, an empty or nested list, or any other type
     */
    public static FilterValue of(Object value) {
        if (value instanceof FilterValue filterValue) {
            return filterValue;
        }
        if (value instanceof Collection<?> values) {
            return listOf(values);
        }
        if (value instanceof Object[] values) {
            return listOf(List.of(values));
        }
        return scalar(value);
    }

    private static FilterValue listOf(Collection<?> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a filter list needs at least one value");
        }
        List<FilterValue> items = new ArrayList<>(values.size());
        for (Object value : values) {
            if (value instanceof Collection<?> || value instanceof Object[]
                    || value instanceof FilterValue item && item.kind == Kind.LIST) {
                throw new IllegalArgumentException("filter lists cannot be nested");
            }
            items.add(scalar(value));
        }
        return list(items);
    }

    private static FilterValue scalar(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("Klaviyo's filter syntax documents no null value; filter on presence"
                                               + " with has(field) where the operation offers it");
        }
        if (value instanceof FilterValue filterValue) {
            return filterValue;
        }
        if (value instanceof CharSequence || value instanceof Character || value instanceof UUID) {
            return string(value.toString());
        }
        if (value instanceof Enum<?> constant) {
            return string(constant.name());
        }
        if (value instanceof Boolean bool) {
            return literal(Kind.BOOLEAN, bool.toString());
        }
        if (value instanceof Number number) {
            return literal(Kind.NUMBER, number(number));
        }
        String dateTime = dateTime(value);
        if (dateTime != null) {
            return literal(Kind.DATE_TIME, dateTime);
        }
        if (value instanceof LocalDateTime) {
            throw new IllegalArgumentException("a LocalDateTime has no offset; give an Instant, OffsetDateTime or"
                                               + " ZonedDateTime so the filter says which moment it means");
        }
        throw new IllegalArgumentException("cannot use a " + value.getClass().getName() + " as a filter value;"
                                           + " use a String, Number, Boolean, Instant, OffsetDateTime, ZonedDateTime,"
                                           + " LocalDate, Date or a Collection of these");
    }

    private static String number(Number number) {
        if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte
                || number instanceof BigInteger) {
            return number.toString();
        }
        if (number instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        double value = number.doubleValue();
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("a filter number must be finite, got " + number);
        }
        if (number instanceof Float) {
            return new BigDecimal(number.toString()).toPlainString();
        }
        if (number instanceof Double) {
            return BigDecimal.valueOf(value).toPlainString();
        }
        return new BigDecimal(number.toString()).toPlainString();
    }

    private static String dateTime(Object value) {
        if (value instanceof Instant instant) {
            return DateTimeFormatter.ISO_INSTANT.format(instant);
        }
        if (value instanceof OffsetDateTime dateTime) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dateTime);
        }
        if (value instanceof ZonedDateTime dateTime) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dateTime);
        }
        if (value instanceof LocalDate date) {
            return DateTimeFormatter.ISO_LOCAL_DATE.format(date);
        }
        if (value instanceof Date date) {
            // getTime(), not toInstant(): java.sql.Date refuses toInstant()
            return DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(date.getTime()));
        }
        return null;
    }

    /** True for a list value. */
    public boolean isList() {
        return kind == Kind.LIST;
    }

    /** Appends this value in Klaviyo's syntax. */
    void render(StringBuilder out) {
        switch (kind) {
            case STRING -> quote(text, out);
            case LIST -> {
                out.append('[');
                for (int i = 0; i < items.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    items.get(i).render(out);
                }
                out.append(']');
            }
            default -> out.append(text);
        }
    }

    /** A short description for error messages, e.g. {@code the string "x"} or {@code the list ["a","b"]}. */
    String describe() {
        String kindName = switch (kind) {
            case STRING -> "the string";
            case NUMBER -> "the number";
            case BOOLEAN -> "the boolean";
            case DATE_TIME -> "the date-time";
            case NULL -> "the literal";
            case LIST -> "the list";
        };
        return kindName + " " + this;
    }

    /**
     * Double quotes with backslash escapes for {@code "} and {@code \}, and JSON's escapes for control characters
     * (what Klaviyo's own SDKs send).
     */
    private static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** This value in Klaviyo's syntax. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        render(out);
        return out.toString();
    }
}
