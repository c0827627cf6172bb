package io.camelklaviyo.consumer;

/** How the consumer tells new records from those it delivered. */
public enum ConsumptionMode {
    /**
     * Klaviyo filters the cursor field ({@code greater-or-equal}, or {@code greater-than} where that is all it
     * offers) from the mark minus the overlap, sorted by it when the operation can sort by it.
     */
    SERVER_CURSOR,
    /**
     * The operation cannot filter by the cursor attribute: each poll scans the whole collection and keeps the
     * records whose attribute is at or after the mark minus the overlap (Airbyte's "semi-incremental").
     */
    CLIENT_CURSOR,
    /** The records have no cursor: each poll scans the collection and emits each id it has not emitted before. */
    ONCE_PER_ID,
    /** A job collection: each job is emitted once, when it is seen in a terminal status (complete or cancelled). */
    TERMINAL_JOBS
}
