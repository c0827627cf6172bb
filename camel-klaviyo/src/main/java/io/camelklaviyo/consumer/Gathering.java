package io.camelklaviyo.consumer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.camelklaviyo.consumer.Batch.Candidate;
import io.camelklaviyo.consumer.Batch.Instants;
import io.camelklaviyo.request.KlaviyoRequest;
import io.camelklaviyo.response.KlaviyoResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one poll's records and picks the new ones: those not in the idempotent repository, at or after the floor (the
 * mark minus the overlap), and for jobs only those in a terminal status.
 * <p>
 * When Klaviyo sorts by the cursor, pages are read only until maxMessagesPerPoll new records (or pages) are gathered.
 * Otherwise (a client-side cursor, or a cursor Klaviyo filters but cannot sort by) the whole window is read and
 * sorted here, so that the mark can still move record by record. Collections without a cursor are read in Klaviyo's
 * order.
 */
final class Gathering {

    private static final Logger LOG = LoggerFactory.getLogger(Gathering.class);

    private final ConsumptionPlan plan;
    private final ConsumerState state;
    private final PageReader reader;
    private final int limit;
    private final boolean perPage;
    private boolean warnedCapacity;
    /** When this consumer began its first scan of a collection without a cursor (start position now). */
    private Instant seedingStarted;

    Gathering(ConsumptionPlan plan, ConsumerState state, PageReader reader, int limit, boolean perPage) {
        this.plan = plan;
        this.state = state;
        this.reader = reader;
        this.limit = limit;
        this.perPage = perPage;
    }

    /**
     * The new records after the mark (null: from the beginning).
     *
     * @param continuation true when the previous poll stopped at maxMessagesPerPoll and read everything up to the
     *                     mark just before: this poll reads on from the mark itself (its ties included) instead of
     *                     reading the overlap window again
     */
    Batch byCursor(Mark mark, String metricId, boolean continuation) throws Exception {
        Instant floor = mark == null ? null : mark.floor(continuation ? 0 : plan.overlap());
        KlaviyoRequest first = plan.request(floor, metricId);
        return plan.sorted() ? inOrder(first, floor) : sortedHere(first, floor);
    }

    /** Klaviyo's order is the cursor's: stop reading once the limit is reached. */
    private Batch inOrder(KlaviyoRequest first, Instant floor) throws Exception {
        List<Candidate> gathered = new ArrayList<>();
        Instant prefix = null;
        Instant latest = null;
        int units = 0;
        int pageIndex = 0;
        boolean more = false;
        KlaviyoRequest request = first;
        reading:
        while (request != null) {
            KlaviyoResponse page = reader.fetch(request);
            pageIndex++;
            boolean pageCounted = false;
            for (Object record : PageReader.records(page)) {
                Instant cursor = Records.instant(record, plan.cursorField());
                if (floor != null && cursor != null && cursor.isBefore(floor)) {
                    continue;
                }
                String key = key(record, cursor);
                if (state.delivered(key)) {
                    if (gathered.isEmpty()) {
                        prefix = Instants.max(prefix, cursor);
                    } else {
                        gathered.set(gathered.size() - 1, gathered.get(gathered.size() - 1).reaching(cursor));
                    }
                    latest = Instants.max(latest, cursor);
                    continue;
                }
                if (!perPage && limit > 0 && units == limit) {
                    more = true;
                    break reading;
                }
                gathered.add(new Candidate(record, key, cursor, page, pageIndex, cursor));
                latest = Instants.max(latest, cursor);
                if (!perPage || !pageCounted) {
                    units++;
                    pageCounted = true;
                }
            }
            request = PageReader.next(request, page);
            if (perPage && limit > 0 && units >= limit && request != null) {
                more = true;
                break;
            }
        }
        return new Batch(Batch.units(gathered, perPage, 0), prefix, more ? null : latest, more);
    }

    /** Reads the whole window and sorts it by the cursor (records without one first). */
    private Batch sortedHere(KlaviyoRequest first, Instant floor) throws Exception {
        List<Candidate> gathered = new ArrayList<>();
        Instant latest = null;
        int pageIndex = 0;
        for (KlaviyoRequest request = first; request != null;) {
            KlaviyoResponse page = reader.fetch(request);
            pageIndex++;
            for (Object record : PageReader.records(page)) {
                Instant cursor = Records.instant(record, plan.cursorField());
                if (floor != null && cursor != null && cursor.isBefore(floor)) {
                    continue;
                }
                latest = Instants.max(latest, cursor);
                String key = key(record, cursor);
                if (!state.delivered(key)) {
                    gathered.add(new Candidate(record, key, cursor, page, pageIndex, cursor));
                }
            }
            request = PageReader.next(request, page);
        }
        gathered.sort(Comparator.comparing(Candidate::cursor, Comparator.nullsFirst(Comparator.naturalOrder())));
        return limited(Batch.units(gathered, perPage, perPage ? plan.pageSize() : 0), latest);
    }

    /**
     * The records not delivered yet, in Klaviyo's order. Before the first complete scan of a consumer that does not
     * start at the beginning, the records already there are recorded as delivered instead (a point in time as start
     * position keeps those created at or after it).
     */
    Batch byId(StartPosition start) throws Exception {
        boolean seeding = start.kind() != StartPosition.Kind.BEGINNING && !state.seeded();
        if (seeding && seedingStarted == null) {
            // with start position "now", records created once the first scan began are new, even if the scan
            // (paced by the rate limiter) reaches their page minutes later
            seedingStarted = Instant.now();
        }
        Instant newSince = start.kind() == StartPosition.Kind.AT ? start.at() : seedingStarted;
        boolean jobs = plan.mode() == ConsumptionMode.TERMINAL_JOBS;
        List<Candidate> gathered = new ArrayList<>();
        int units = 0;
        int pageIndex = 0;
        boolean more = false;
        int scanned = 0;
        KlaviyoRequest request = plan.request(null, null);
        reading:
        while (request != null) {
            KlaviyoResponse page = reader.fetch(request);
            pageIndex++;
            boolean pageCounted = false;
            for (Object record : PageReader.records(page)) {
                scanned++;
                String status = jobs ? text(Records.attribute(record, "status")) : null;
                if (jobs && (status == null || !ConsumptionPlan.TERMINAL_STATUSES.contains(status.toLowerCase()))) {
                    continue;
                }
                String key = state.recordKey(Records.type(record), Records.id(record), status);
                if (state.delivered(key)) {
                    continue;
                }
                if (seeding && !createdSince(record, newSince)) {
                    state.remember(key);
                    continue;
                }
                if (!perPage && limit > 0 && units == limit) {
                    more = true;
                    break reading;
                }
                gathered.add(new Candidate(record, key, null, page, pageIndex, null));
                if (!perPage || !pageCounted) {
                    units++;
                    pageCounted = true;
                }
            }
            request = PageReader.next(request, page);
            if (perPage && limit > 0 && units >= limit && request != null) {
                more = true;
                break;
            }
        }
        if (seeding && !more) {
            state.saveSeeded(Instant.now());
        }
        warnWhenTooSmall(scanned);
        return new Batch(Batch.units(gathered, perPage, 0), null, null, more);
    }

    /**
     * Without a cursor the idempotent repository is all the consumer remembers: an in-memory one smaller than the
     * collection forgets ids and emits them again.
     */
    private void warnWhenTooSmall(int scanned) {
        if (!warnedCapacity && state.defaultCapacity() > 0 && scanned > state.defaultCapacity()) {
            warnedCapacity = true;
            LOG.warn("{} holds {} records but the consumer remembers only {} ids (idempotentCacheSize): records it"
                     + " forgets are emitted again. Raise idempotentCacheSize or set a persistent"
                     + " idempotentRepository", plan.operation().name(), scanned, state.defaultCapacity());
        }
    }

    /** Created at or after a point in time (jobs: created_at; other records: created); undated records are not. */
    private static boolean createdSince(Object record, Instant since) {
        Instant created = Records.instant(record, "created_at");
        if (created == null) {
            created = Records.instant(record, "created");
        }
        return created != null && !created.isBefore(since);
    }

    private Batch limited(List<Batch.Unit> units, Instant latest) {
        if (limit > 0 && units.size() > limit) {
            return new Batch(List.copyOf(units.subList(0, limit)), null, null, true);
        }
        return new Batch(units, null, latest, false);
    }

    /** type:id:cursor, so that a record updated again is new again. */
    private String key(Object record, Instant cursor) {
        return state.recordKey(Records.type(record), Records.id(record), cursor == null ? "-" : cursor.toString());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
