package io.camelklaviyo.consumer;

import java.time.Instant;

/**
 * A consumer's high-water mark: every record whose cursor is before {@code position} has been delivered (or lies
 * before the start). {@code from} is the start position while it still matters: records before it are never
 * emitted, even inside the overlap window. Saved as {@code 2024-01-01T10:00:00Z} or
 * {@code 2024-01-01T10:00:00Z from 2024-01-01T00:00:00Z}.
 *
 * @param position the mark
 * @param from     the start position, or null
 */
record Mark(Instant position, Instant from) {

    private static final String FROM = " from ";

    static Mark parse(String value) {
        int from = value.indexOf(FROM);
        return from < 0
                ? new Mark(Instant.parse(value), null)
                : new Mark(Instant.parse(value.substring(0, from).trim()),
                        Instant.parse(value.substring(from + FROM.length()).trim()));
    }

    /** A mark that starts at a point in time: nothing before it is emitted. */
    static Mark startingAt(Instant start) {
        return new Mark(start, start);
    }

    /** The earliest cursor a poll delivers: the mark minus the overlap, never before the start. */
    Instant floor(long overlapMillis) {
        Instant floor = position.minusMillis(overlapMillis);
        return from != null && floor.isBefore(from) ? from : floor;
    }

    /** This mark moved to a later position; the start is forgotten once the overlap no longer reaches it. */
    Mark advancedTo(Instant later, long overlapMillis) {
        Instant keptFrom = from != null && later.minusMillis(overlapMillis).isBefore(from) ? from : null;
        return new Mark(later, keptFrom);
    }

    @Override
    public String toString() {
        return from == null ? position.toString() : position + FROM + from;
    }
}
