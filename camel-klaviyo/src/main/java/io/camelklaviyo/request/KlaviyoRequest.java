package io.camelklaviyo.request;

import java.util.Map;

import io.camelklaviyo.operation.Operation;

/**
 * One HTTP call to Klaviyo, before authentication: everything the exchange decided.
 *
 * @param operation   the operation called
 * @param path        the path with its parameters filled in and percent-encoded
 * @param query       query parameters by wire name, values not yet encoded, in sending order
 * @param body        the request body, or null
 * @param contentType the body's media type, or null without a body
 */
public record KlaviyoRequest(Operation operation, String path, Map<String, String> query, byte[] body,
        String contentType) {

    public KlaviyoRequest {
        query = Map.copyOf(query);
    }

    /** The path and its percent-encoded query string. */
    public String pathAndQuery() {
        return query.isEmpty() ? path : path + "?" + QueryEncoding.encode(query);
    }

    @Override
    public String toString() {
        return operation.method() + " " + pathAndQuery();
    }
}
