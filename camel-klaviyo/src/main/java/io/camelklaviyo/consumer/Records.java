package io.camelklaviyo.consumer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Map;

/**
 * Reads what the consumer needs from a JSON:API record, leniently: its type, id and the cursor value of one of its
 * attributes. Klaviyo writes date-times as {@code 2024-01-01T10:00:00+00:00}, sometimes with a fraction or a
 * {@code Z}; the events' {@code timestamp} is a number of epoch seconds. A value that is absent or does not read as
 * a point in time reads as null.
 */
final class Records {

    private Records() {
    }

    static String type(Object record) {
        return text(map(record).get("type"));
    }

    static String id(Object record) {
        return text(map(record).get("id"));
    }

    /** An attribute by its (possibly dotted) name, e.g. updated or subscriptions.email.marketing.timestamp. */
    static Object attribute(Object record, String field) {
        Object value = map(record).get("attributes");
        for (String part : field.split("\\.")) {
            value = map(value).get(part);
            if (value == null) {
                return null;
            }
        }
        return value;
    }

    /** The point in time an attribute holds, or null. */
    static Instant instant(Object record, String field) {
        return toInstant(attribute(record, field));
    }

    /** A value as a point in time: an ISO-8601 date-time or date, or epoch seconds; null when it is neither. */
    static Instant toInstant(Object value) {
        if (value instanceof Number number) {
            return Instant.ofEpochSecond(number.longValue());
        }
        if (value instanceof String text && !text.isBlank()) {
            try {
                return parse(text.trim());
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * An ISO-8601 date-time with an offset ({@code Z} or {@code +00:00}), a date-time without one (read as UTC) or a
     * date (its start, UTC).
     *
     * @throws DateTimeParseException when the text is none of these
     */
    static Instant parse(String text) {
        if (text.length() == 10) {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, OffsetDateTime::from,
                java.time.LocalDateTime::from);
        return parsed instanceof OffsetDateTime offset
                ? offset.toInstant()
                : ((java.time.LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    }

    private static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> map ? map : Map.of();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
