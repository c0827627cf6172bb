package io.camelklaviyo.consumer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.camelklaviyo.response.KlaviyoResponse;

/**
 * What one poll gathered: the exchanges to send, in order, and how far the mark may move as they succeed.
 *
 * @param units        the exchanges to send, in delivery order
 * @param prefixMark   the mark reached before the first unit (records already delivered), or null
 * @param completeMark the mark reached when every unit succeeded and nothing is left (the latest cursor read), or
 *                     null
 * @param more         true when the poll stopped at maxMessagesPerPoll with records left
 */
record Batch(List<Unit> units, Instant prefixMark, Instant completeMark, boolean more) {

    static Batch empty() {
        return new Batch(List.of(), null, null, false);
    }

    /**
     * One record to deliver.
     *
     * @param record    the record as Klaviyo sent it
     * @param key       its idempotent key
     * @param cursor    its cursor value, or null
     * @param page      the page it came in (for the status and rate-limit headers)
     * @param pageIndex the number of that page in this poll
     * @param markAfter the mark reached once it is delivered (its cursor, or that of the delivered records right
     *                  after it), or null
     */
    record Candidate(Object record, String key, Instant cursor, KlaviyoResponse page, int pageIndex,
            Instant markAfter) {

        Candidate reaching(Instant later) {
            return new Candidate(record, key, cursor, page, pageIndex, Instants.max(markAfter, later));
        }
    }

    /**
     * One exchange: a record, or the new records of one page.
     *
     * @param candidates its records
     * @param markAfter  the mark reached once it succeeded, or null
     */
    record Unit(List<Candidate> candidates, Instant markAfter) {

        KlaviyoResponse page() {
            return candidates.get(candidates.size() - 1).page();
        }
    }

    /** Candidates as units: one per record, or one per page (by page index), or chunks of {@code size}. */
    static List<Unit> units(List<Candidate> candidates, boolean perPage, int chunkSize) {
        List<Unit> units = new ArrayList<>();
        List<Candidate> current = new ArrayList<>();
        for (Candidate candidate : candidates) {
            boolean split = !perPage
                    || !current.isEmpty() && (chunkSize > 0 ? current.size() >= chunkSize
                            : current.get(0).pageIndex() != candidate.pageIndex());
            if (split && !current.isEmpty()) {
                units.add(unit(current));
                current = new ArrayList<>();
            }
            current.add(candidate);
        }
        if (!current.isEmpty()) {
            units.add(unit(current));
        }
        return units;
    }

    private static Unit unit(List<Candidate> candidates) {
        Instant mark = null;
        for (Candidate candidate : candidates) {
            mark = Instants.max(mark, candidate.markAfter());
        }
        return new Unit(List.copyOf(candidates), mark);
    }

    /** Null-tolerant comparisons of points in time. */
    static final class Instants {

        private Instants() {
        }

        static Instant max(Instant a, Instant b) {
            if (a == null) {
                return b;
            }
            return b == null || a.isAfter(b) ? a : b;
        }
    }
}
