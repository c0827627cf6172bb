package io.camelklaviyo.consumer;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.camelklaviyo.KlaviyoConsumerOptions;
import io.camelklaviyo.filter.FilterExpression;
import io.camelklaviyo.filter.KlaviyoFilter;
import io.camelklaviyo.operation.Operation;
import io.camelklaviyo.request.KlaviyoRequest;
import io.camelklaviyo.request.QueryOptions;

/**
 * What a consumer asks Klaviyo for and how it tells new records from delivered ones: the mode, the cursor field and
 * its operator, the filters every request carries, and the state key. Built, and every option checked against the
 * operation, when the consumer is created: a consumer Klaviyo could not serve fails the route at start-up.
 */
public final class ConsumptionPlan {

    static final String GREATER_OR_EQUAL = "greater-or-equal";
    static final String GREATER_THAN = "greater-than";
    static final List<String> TERMINAL_STATUSES = List.of("complete", "cancelled");
    private static final Set<String> CHANNELS = Set.of("email", "sms", "mobile_push");
    private static final String CHANNEL_FIELD = "messages.channel";
    private static final String METRIC_FIELD = "metric_id";
    private static final String STATUS_FIELD = "status";

    private final Operation operation;
    private final ConsumptionMode mode;
    private final String cursorField;
    private final String operator;
    private final boolean sorted;
    private final List<KlaviyoFilter> filters;
    private final String metric;
    private final String id;
    private final Map<String, String> baseQuery;
    private final long overlap;
    private final StartPosition start;
    private final String stateKey;

    private ConsumptionPlan(Operation operation, ConsumptionMode mode, String cursorField, String operator,
                            List<KlaviyoFilter> filters, KlaviyoConsumerOptions options, QueryOptions query, String id,
                            String userFilter) {
        this.operation = operation;
        this.mode = mode;
        this.cursorField = cursorField;
        this.operator = operator;
        this.sorted = mode == ConsumptionMode.SERVER_CURSOR && operation.sort().contains(cursorField);
        this.filters = List.copyOf(filters);
        this.metric = options.getMetric();
        this.id = id;
        this.overlap = options.getOverlap();
        this.start = StartPosition.parse(options.getStartPosition());
        Map<String, String> base = new LinkedHashMap<>(new QueryOptions(null, null, query.include(),
                query.pageSize(), null, query.fields(), query.additionalFields(), query.extra()).toWire(operation));
        if (!base.containsKey("page[size]") && operation.pageSize() != null) {
            // the fewest calls per record: the operation's largest page
            base.put("page[size]", Integer.toString(operation.pageSize().max()));
        }
        this.baseQuery = Map.copyOf(base);
        this.stateKey = options.getStateKey() != null && !options.getStateKey().isBlank()
                ? options.getStateKey()
                : defaultStateKey(userFilter, options);
    }

    /**
     * The plan of a consumer of this operation with these options.
     *
     * @throws IllegalArgumentException naming the option and the reason when Klaviyo cannot serve the consumer
     */
    public static ConsumptionPlan of(Operation operation, KlaviyoConsumerOptions options, QueryOptions query,
                                     String id) {
        new ConsumerOptionChecks(operation, options, query, id).check();
        KlaviyoFilter userFilter = query.filter() == null || query.filter().isBlank()
                ? null
                : FilterExpression.parse(query.filter());
        CursorDefaults.Default chosen = options.getCursorField() == null || options.getCursorField().isBlank()
                ? CursorDefaults.of(operation)
                : explicitCursor(operation, options.getCursorField().trim());
        String operator = chosen.mode() == ConsumptionMode.SERVER_CURSOR ? comparison(operation, chosen.field()) : null;
        List<KlaviyoFilter> filters = new ArrayList<>();
        if (userFilter != null) {
            checkUserFilter(operation, userFilter, chosen.field());
            filters.add(userFilter);
        }
        addChannel(operation, options, userFilter, filters);
        if (chosen.mode() == ConsumptionMode.TERMINAL_JOBS && userFilter == null
                && operation.filters().getOrDefault(STATUS_FIELD, List.of()).contains("any")) {
            filters.add(KlaviyoFilter.any(STATUS_FIELD, TERMINAL_STATUSES));
        }
        if (GREATER_THAN.equals(operator) && options.getOverlap() <= 0) {
            throw new IllegalArgumentException("Klaviyo filters " + chosen.field() + " on " + operation.name()
                                               + " only with greater-than, so records that share the mark's"
                                               + " timestamp would be lost without an overlap: set overlap above 0"
                                               + " (default 60000 ms)");
        }
        ConsumptionPlan plan = new ConsumptionPlan(operation, chosen.mode(), chosen.field(), operator, filters,
                options, query, id, query.filter());
        plan.checkRequest();
        return plan;
    }

    /** The comparison Klaviyo filters a field with on this operation: greater-or-equal, greater-than, or null. */
    static String comparison(Operation operation, String field) {
        List<String> operators = operation.filters().getOrDefault(field, List.of());
        return operators.contains(GREATER_OR_EQUAL) ? GREATER_OR_EQUAL
                : operators.contains(GREATER_THAN) ? GREATER_THAN : null;
    }

    private static CursorDefaults.Default explicitCursor(Operation operation, String field) {
        if (CursorDefaults.identifiersOnly(operation)) {
            throw new IllegalArgumentException(operation.name() + " returns bare {type, id} identifiers without"
                                               + " attributes, so it has no cursor field: leave cursorField out and"
                                               + " each id is emitted once");
        }
        if (comparison(operation, field) != null) {
            return new CursorDefaults.Default(ConsumptionMode.SERVER_CURSOR, field);
        }
        if (operation.filters().containsKey(field)) {
            throw new IllegalArgumentException("Klaviyo filters " + field + " on " + operation.name() + " only with "
                                               + operation.filters().get(field)
                                               + ", never greater-than, so it cannot be the cursor field");
        }
        // not filterable: compared client-side on each full scan
        return new CursorDefaults.Default(ConsumptionMode.CLIENT_CURSOR, field);
    }

    private static void checkUserFilter(Operation operation, KlaviyoFilter userFilter, String cursorField) {
        for (KlaviyoFilter.Term term : userFilter.terms()) {
            if (term.field().equals(cursorField) && term.operator().startsWith("greater")) {
                throw new IllegalArgumentException("The filter of a " + operation.name() + " consumer must not bound "
                                                   + cursorField + " from below: the consumer does (from its mark);"
                                                   + " set startPosition instead of " + term);
            }
        }
    }

    private static void addChannel(Operation operation, KlaviyoConsumerOptions options, KlaviyoFilter userFilter,
                                   List<KlaviyoFilter> filters) {
        boolean named = userFilter != null
                        && userFilter.terms().stream().anyMatch(term -> term.field().equals(CHANNEL_FIELD));
        if (named && options.getChannel() != null) {
            throw new IllegalArgumentException("Set the campaign channel either with the option channel or in the"
                                               + " filter, not both");
        }
        boolean required = operation.queryParams().stream()
                .anyMatch(parameter -> parameter.name().equals("filter") && parameter.required());
        if (!named && operation.filters().containsKey(CHANNEL_FIELD) && (required || options.getChannel() != null)) {
            filters.add(KlaviyoFilter.equals(CHANNEL_FIELD, options.getChannel() == null ? "email"
                    : options.getChannel()));
        }
    }

    /** Checks the request this plan sends against the operation, as the producer checks its own. */
    private void checkRequest() {
        Instant sample = Instant.parse("2024-01-01T00:00:00Z");
        Map<String, String> query = query(usesCursorFilter() ? sample : null, metric == null ? null : "M1");
        try {
            new QueryOptions(query.get("filter"), query.get("sort"), null, null, null, Map.of(), Map.of(), Map.of())
                    .validate(operation);
            KlaviyoRequest.of(operation, id, query, null, null);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("A consumer of " + operation.name() + " cannot ask Klaviyo for its"
                                               + " records: " + e.getMessage(), e);
        }
    }

    private boolean usesCursorFilter() {
        return mode == ConsumptionMode.SERVER_CURSOR;
    }

    /**
     * The first page's request for the records whose cursor is at or after {@code floor} (null: no bound). The bound
     * Klaviyo gets is rounded down to whole seconds, and a second earlier for greater-than: it only ever widens.
     */
    KlaviyoRequest request(Instant floor, String metricId) {
        return KlaviyoRequest.of(operation, id, query(floor, metricId), null, null);
    }

    private Map<String, String> query(Instant floor, String metricId) {
        List<KlaviyoFilter> terms = new ArrayList<>(filters);
        if (metricId != null) {
            terms.add(KlaviyoFilter.equals(METRIC_FIELD, metricId));
        }
        if (floor != null && usesCursorFilter()) {
            Instant bound = floor.truncatedTo(ChronoUnit.SECONDS);
            if (GREATER_THAN.equals(operator)) {
                bound = bound.minusSeconds(1);
            }
            terms.add(KlaviyoFilter.term(operator, cursorField, bound));
        }
        Map<String, String> query = new LinkedHashMap<>();
        if (!terms.isEmpty()) {
            query.put("filter", KlaviyoFilter.and(terms).toString());
        }
        if (sorted) {
            query.put("sort", cursorField);
        }
        query.putAll(baseQuery);
        return query;
    }

    private String defaultStateKey(String userFilter, KlaviyoConsumerOptions options) {
        StringBuilder key = new StringBuilder(operation.name());
        if (id != null) {
            key.append("|id:").append(id);
        }
        key.append("|cursor:").append(switch (mode) {
            case SERVER_CURSOR, CLIENT_CURSOR -> cursorField;
            case ONCE_PER_ID -> "ids";
            case TERMINAL_JOBS -> "jobs";
        });
        if (metric != null) {
            key.append("|metric:").append(metric);
        }
        if (options.getChannel() != null) {
            key.append("|channel:").append(options.getChannel());
        }
        if (userFilter != null && !userFilter.isBlank()) {
            key.append("|filter:").append(userFilter);
        }
        // a FileStateRepository key holds no '=' and no line break
        return key.toString().replaceAll("[=\\r\\n]", "_");
    }

    public Operation operation() {
        return operation;
    }

    public ConsumptionMode mode() {
        return mode;
    }

    /** The cursor attribute, or null without a cursor. */
    public String cursorField() {
        return cursorField;
    }

    /** greater-or-equal or greater-than for a server-side cursor, else null. */
    public String operator() {
        return operator;
    }

    /** True when Klaviyo returns the records sorted by the cursor, ascending. */
    public boolean sorted() {
        return sorted;
    }

    /** The metric option (id or name), or null. */
    public String metric() {
        return metric;
    }

    StartPosition start() {
        return start;
    }

    public long overlap() {
        return overlap;
    }

    /** The page size a poll asks for, e.g. to cut a full scan into pages; 100 when the operation takes none. */
    int pageSize() {
        String size = baseQuery.get("page[size]");
        return size == null ? 100 : Integer.parseInt(size);
    }

    public String stateKey() {
        return stateKey;
    }

    static boolean isChannel(String channel) {
        return CHANNELS.contains(channel);
    }
}
