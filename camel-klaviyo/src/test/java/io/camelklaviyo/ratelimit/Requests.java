package io.camelklaviyo.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;

import io.camelklaviyo.operation.Operation;
import io.camelklaviyo.operation.OperationCatalog;
import io.camelklaviyo.request.KlaviyoRequest;

/** Requests of catalogue operations, for the limiter's tests. */
final class Requests {

    static final OperationCatalog CATALOG = OperationCatalog.bundled();

    private Requests() {
    }

    static Operation operation(String name) {
        return CATALOG.byName(name);
    }

    /** A request of the operation with the given query parameters (name, value, name, value, ...). */
    static KlaviyoRequest request(String operation, String... query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < query.length; i += 2) {
            parameters.put(query[i], query[i + 1]);
        }
        Operation op = operation(operation);
        return KlaviyoRequest.of(op, op.pathParams().isEmpty() ? null : "ID1", parameters, null, null);
    }
}
