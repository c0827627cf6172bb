package io.camelklaviyo.request;

import java.util.LinkedHashMap;
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

    /** A request the component makes itself (a job poll, a lookup, the next page), checked like any other. */
    public static KlaviyoRequest of(Operation operation, String id, Map<String, String> query, byte[] body,
                                    String contentType) {
        return new KlaviyoRequest(operation, PathTemplate.expand(operation, id), query, body, contentType);
    }

    /** This request with one query parameter set, e.g. the next page's cursor. */
    public KlaviyoRequest withQueryParameter(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(query);
        changed.put(name, value);
        return new KlaviyoRequest(operation, path, changed, body, contentType);
    }

    /** This request with another body of the same media type, e.g. one chunk of a bulk input. */
    public KlaviyoRequest withBody(byte[] newBody) {
        return new KlaviyoRequest(operation, path, query, newBody, contentType);
    }

    /** The name of this operation's page cursor parameter. */
    public String cursorParameter() {
        return QueryOptions.cursorParameter(operation);
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
