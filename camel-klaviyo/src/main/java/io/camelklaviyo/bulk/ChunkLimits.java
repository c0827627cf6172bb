package io.camelklaviyo.bulk;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The per-call limits of Klaviyo's bulk operations, and where each request document holds the items they count.
 * <p>
 * Source: API-FACTS §7 "Ingestion and payload limits", which takes them from the operation descriptions of the spec
 * (revision 2026-07-15): add/remove profiles to/from a list and bulk subscribe 1,000 profiles; bulk unsubscribe,
 * suppress and unsuppress 100; bulk create events 1,000 events and 5 MB; profile bulk import 10,000 profiles and
 * 5 MB; catalog item, variant and category bulk jobs 100 items and 5 MB; coupon code bulk create 1,000 codes.
 * <p>
 * The items pointers come from the request schemas of the spec (a test checks each against it): relationship writes
 * hold resource identifiers in {@code /data}, bulk jobs hold resource objects in
 * {@code /data/attributes/<collection>/data}.
 * <p>
 * Klaviyo writes the size limit as "5MB" without saying whether it means 10^6 or 2^20 bytes: the table uses the
 * smaller reading, {@value #FIVE_MB} bytes of the serialized request document, which satisfies both.
 */
public final class ChunkLimits {

    /** "5MB" read conservatively: 5,000,000 bytes (not 5 MiB = 5,242,880), so either reading of Klaviyo's is met. */
    public static final long FIVE_MB = 5_000_000L;
    /** No payload size limit documented. */
    public static final long NO_SIZE_LIMIT = Long.MAX_VALUE;

    private static final String PROFILES = "/data/attributes/profiles/data";
    private static final Map<String, Limit> LIMITS = new LinkedHashMap<>();

    static {
        add(new Limit("add_profiles_to_list", "/data", 1_000, NO_SIZE_LIMIT, null));
        add(new Limit("remove_profiles_from_list", "/data", 1_000, NO_SIZE_LIMIT, null));
        add(new Limit("bulk_subscribe_profiles", PROFILES, 1_000, NO_SIZE_LIMIT, null));
        add(new Limit("bulk_unsubscribe_profiles", PROFILES, 100, NO_SIZE_LIMIT, null));
        add(new Limit("bulk_suppress_profiles", PROFILES, 100, NO_SIZE_LIMIT, null));
        add(new Limit("bulk_unsuppress_profiles", PROFILES, 100, NO_SIZE_LIMIT, null));
        // one item is one profile with its events: the limit counts the events
        add(new Limit("bulk_create_events", "/data/attributes/events-bulk-create/data", 1_000, FIVE_MB,
                "/attributes/events/data"));
        add(new Limit("bulk_import_profiles", PROFILES, 10_000, FIVE_MB, null));
        for (String action : new String[] { "create", "update", "delete" }) {
            add(new Limit("bulk_" + action + "_catalog_items", "/data/attributes/items/data", 100, FIVE_MB, null));
            add(new Limit("bulk_" + action + "_catalog_variants", "/data/attributes/variants/data", 100, FIVE_MB,
                    null));
            add(new Limit("bulk_" + action + "_catalog_categories", "/data/attributes/categories/data", 100, FIVE_MB,
                    null));
        }
        add(new Limit("bulk_create_coupon_codes", "/data/attributes/coupon-codes/data", 1_000, NO_SIZE_LIMIT, null));
    }

    private ChunkLimits() {
    }

    private static void add(Limit limit) {
        LIMITS.put(limit.operationId(), limit);
    }

    /** The limits of an operation, or null when it has none the component splits by. */
    public static Limit of(String operationId) {
        return LIMITS.get(operationId);
    }

    /** Every limit, by operationId. */
    public static Map<String, Limit> all() {
        return Map.copyOf(LIMITS);
    }

    /**
     * The limits of one operation.
     *
     * @param operationId   the spec's operationId
     * @param itemsPointer  JSON pointer of the array of items in the request document
     * @param maxItems      the most items (or, with a weight pointer, the most weighed units) per call
     * @param maxBytes      the most bytes of the serialized request document per call, or {@link #NO_SIZE_LIMIT}
     * @param weightPointer JSON pointer, relative to an item, of an array whose length is what the count limit
     *                      counts (the events of a bulk event entry), or null when each item counts one
     */
    public record Limit(String operationId, String itemsPointer, int maxItems, long maxBytes, String weightPointer) {

        public boolean limitsSize() {
            return maxBytes != NO_SIZE_LIMIT;
        }

        /** What the count limit counts, for messages. */
        public String unit() {
            return weightPointer == null ? "items" : "events";
        }
    }
}
