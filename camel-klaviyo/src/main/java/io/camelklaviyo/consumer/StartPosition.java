package io.camelklaviyo.consumer;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import io.camelklaviyo.KlaviyoConsumerOptions;

/**
 * Where a consumer without a saved mark starts: {@code now}, {@code beginning}, or a point in time.
 *
 * @param at the point in time; null for now and for the beginning
 */
record StartPosition(Kind kind, Instant at) {

    enum Kind {
        NOW,
        BEGINNING,
        AT
    }

    static StartPosition parse(String text) {
        if (text == null || text.isBlank() || text.trim().equalsIgnoreCase(KlaviyoConsumerOptions.NOW)) {
            return new StartPosition(Kind.NOW, null);
        }
        if (text.trim().equalsIgnoreCase(KlaviyoConsumerOptions.BEGINNING)) {
            return new StartPosition(Kind.BEGINNING, null);
        }
        try {
            return new StartPosition(Kind.AT, Records.parse(text.trim()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("The option startPosition takes now, beginning or an ISO-8601 date or"
                                               + " date-time (e.g. 2024-01-01 or 2024-01-01T00:00:00Z), got '" + text
                                               + "'");
        }
    }

    /** The mark this position starts from: the current time for now, the point in time, or null for the beginning. */
    Instant initialMark(Instant now) {
        return switch (kind) {
            case NOW -> now;
            case AT -> at;
            case BEGINNING -> null;
        };
    }
}
