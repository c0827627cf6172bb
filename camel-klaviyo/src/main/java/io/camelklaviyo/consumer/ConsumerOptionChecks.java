package io.camelklaviyo.consumer;

import io.camelklaviyo.KlaviyoConsumerOptions;
import io.camelklaviyo.operation.Operation;
import io.camelklaviyo.request.QueryOptions;

/**
 * Checks a consumer's options against its operation, with the reason and the way out in each message.
 */
final class ConsumerOptionChecks {

    private final Operation operation;
    private final KlaviyoConsumerOptions options;
    private final QueryOptions query;
    private final String id;

    ConsumerOptionChecks(Operation operation, KlaviyoConsumerOptions options, QueryOptions query, String id) {
        this.operation = operation;
        this.options = options;
        this.query = query;
        this.id = id;
    }

    void check() {
        checkCollection();
        if (query.sort() != null && !query.sort().isBlank()) {
            throw new IllegalArgumentException("A consumer sorts " + operation.name() + " by its cursor itself: remove"
                                               + " the option sort (" + query.sort() + ")");
        }
        if (query.pageCursor() != null && !query.pageCursor().isBlank()) {
            throw new IllegalArgumentException("A consumer pages " + operation.name() + " itself: remove the option"
                                               + " pageCursor");
        }
        if (!operation.pathParams().isEmpty() && (id == null || id.isBlank())) {
            throw new IllegalArgumentException(operation.name() + " reads the records of one resource ("
                                               + operation.path() + "): set the option id, e.g. klaviyo:"
                                               + operation.name() + "?id=LIST_ID");
        }
        if (options.getMetric() != null && !operation.filters().containsKey("metric_id")) {
            throw new IllegalArgumentException("The option metric applies to events (events/list), not to "
                                               + operation.name());
        }
        if (options.getChannel() != null) {
            if (!operation.filters().containsKey("messages.channel")) {
                throw new IllegalArgumentException("The option channel applies to campaigns (campaigns/list), not to "
                                                   + operation.name());
            }
            if (!ConsumptionPlan.isChannel(options.getChannel())) {
                throw new IllegalArgumentException("The option channel takes email, sms or mobile_push, got '"
                                                   + options.getChannel() + "'");
            }
        }
        checkNumbers();
        if (options.getStateFile() != null && options.getStateRepository() != null) {
            throw new IllegalArgumentException("Set either stateFile or stateRepository, not both");
        }
        String stateKey = options.getStateKey();
        if (stateKey != null && (stateKey.contains("=") || stateKey.contains("\n") || stateKey.contains("\r"))) {
            throw new IllegalArgumentException("The option stateKey must hold no '=' and no line break (a file state"
                                               + " repository cannot store them), got '" + stateKey + "'");
        }
        StartPosition.parse(options.getStartPosition());
    }

    private void checkCollection() {
        if (!"GET".equalsIgnoreCase(operation.method()) || operation.pagination() == Operation.Pagination.NONE) {
            throw new IllegalArgumentException(operation.name() + " returns no collection of records to poll; a"
                                               + " consumer reads a collection such as events/list, profiles/list,"
                                               + " lists/get-profiles or profile-bulk-import-jobs/list (a bare"
                                               + " resource name such as klaviyo:events means its list)");
        }
    }

    private void checkNumbers() {
        if (options.getOverlap() < 0) {
            throw new IllegalArgumentException("The option overlap takes 0 or more milliseconds, got "
                                               + options.getOverlap());
        }
        if (options.getMaxMessagesPerPoll() < 0) {
            throw new IllegalArgumentException("The option maxMessagesPerPoll takes 0 (no limit) or more, got "
                                               + options.getMaxMessagesPerPoll());
        }
        if (options.getIdempotentRepository() == null && options.getIdempotentCacheSize() < 1) {
            throw new IllegalArgumentException("The option idempotentCacheSize takes 1 or more, got "
                                               + options.getIdempotentCacheSize());
        }
    }
}
