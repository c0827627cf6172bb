package io.camelklaviyo.consumer;

import java.util.List;
import java.util.Map;

import io.camelklaviyo.operation.Operation;

/**
 * The cursor each collection is read by when the endpoint names none (docs/consumer.md has the table). The
 * collections Airbyte, singer and Meltano read incrementally are listed with the field they use; any other
 * collection is read by the first of {@link #PREFERRED} it can filter with a comparison, a job collection by its
 * jobs' terminal status, and a collection without any date filter once per id.
 */
final class CursorDefaults {

    /** A collection's default: how it is read, and by which attribute (null without a cursor). */
    record Default(ConsumptionMode mode, String field) {
    }

    /** Date attributes that say when a record changed (or arrived), most telling first. */
    static final List<String> PREFERRED
            = List.of("updated", "updated_at", "datetime", "joined_group_at", "created", "created_at", "timestamp");

    private static final Map<String, Default> KNOWN = Map.ofEntries(
            Map.entry("events/list", server("datetime")),
            // greater-than / less-than only
            Map.entry("profiles/list", server("updated")),
            // with the channel filter Klaviyo requires
            Map.entry("campaigns/list", server("updated_at")),
            Map.entry("flows/list", server("updated")),
            Map.entry("templates/list", server("updated")),
            Map.entry("segments/list", server("updated")),
            Map.entry("lists/list", server("updated")),
            Map.entry("lists/get-profiles", server("joined_group_at")),
            Map.entry("segments/get-profiles", server("joined_group_at")),
            // no date filter, but the records carry updated: compared client-side
            Map.entry("catalog-items/list", client("updated")),
            Map.entry("catalog-variants/list", client("updated")),
            Map.entry("catalog-categories/list", client("updated")),
            Map.entry("metrics/list", client("updated")),
            // nothing dated at all
            Map.entry("coupons/list", new Default(ConsumptionMode.ONCE_PER_ID, null)));

    private CursorDefaults() {
    }

    static Default of(Operation operation) {
        Default known = KNOWN.get(operation.name());
        if (known != null) {
            return known;
        }
        if (isJobCollection(operation)) {
            return new Default(ConsumptionMode.TERMINAL_JOBS, null);
        }
        if (!identifiersOnly(operation)) {
            for (String field : PREFERRED) {
                if (ConsumptionPlan.comparison(operation, field) != null) {
                    return server(field);
                }
            }
        }
        return new Default(ConsumptionMode.ONCE_PER_ID, null);
    }

    /** A collection of asynchronous jobs, e.g. profile-bulk-import-jobs/list or catalog-item-bulk-create-jobs/list. */
    static boolean isJobCollection(Operation operation) {
        return operation.name().endsWith("-jobs/list");
    }

    /** A relationship collection: its records are bare {type, id} identifiers, without attributes. */
    static boolean identifiersOnly(Operation operation) {
        return operation.path().contains("/relationships/");
    }

    private static Default server(String field) {
        return new Default(ConsumptionMode.SERVER_CURSOR, field);
    }

    private static Default client(String field) {
        return new Default(ConsumptionMode.CLIENT_CURSOR, field);
    }
}
