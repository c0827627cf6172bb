package io.camelklaviyo.request;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelklaviyo.KlaviyoConstants;
import io.camelklaviyo.operation.Operation;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Builds the request of one exchange from the endpoint's options, the message headers that override them, and the
 * message body. Every check happens here, before any I/O.
 */
public final class RequestFactory {

    private final Operation operation;
    private final QueryOptions endpointOptions;
    private final String endpointId;
    private final JsonApiBodyEncoder jsonEncoder;
    private final MultipartBodyEncoder multipartEncoder = new MultipartBodyEncoder();

    public RequestFactory(Operation operation, QueryOptions endpointOptions, String endpointId, ObjectMapper mapper) {
        this.operation = operation;
        this.endpointOptions = endpointOptions;
        this.endpointId = endpointId;
        this.jsonEncoder = new JsonApiBodyEncoder(mapper);
    }

    public KlaviyoRequest create(Exchange exchange) {
        Message message = exchange.getMessage();
        String id = message.getHeader(KlaviyoConstants.ID, endpointId, String.class);
        String path = PathTemplate.expand(operation, id);
        Map<String, String> query = query(message);
        EncodedBody body = body(message.getBody(), id, exchange);
        return new KlaviyoRequest(operation, path, query, body == null ? null : body.bytes(),
                body == null ? null : body.contentType());
    }

    private Map<String, String> query(Message message) {
        Map<String, String> query = new LinkedHashMap<>(endpointOptions.toWire(operation));
        QueryOptions.put(query, "filter", message.getHeader(KlaviyoConstants.FILTER, String.class));
        QueryOptions.put(query, "sort", message.getHeader(KlaviyoConstants.SORT, String.class));
        QueryOptions.put(query, "include", message.getHeader(KlaviyoConstants.INCLUDE, String.class));
        QueryOptions.put(query, "page[size]", message.getHeader(KlaviyoConstants.PAGE_SIZE, String.class));
        String cursor = message.getHeader(KlaviyoConstants.PAGE_CURSOR, String.class);
        QueryOptions.put(query, QueryOptions.cursorParameter(operation),
                cursor == null ? null : PageCursors.cursorOf(cursor));
        Object extra = message.getHeader(KlaviyoConstants.QUERY_PARAMETERS);
        if (extra instanceof Map<?, ?> parameters) {
            parameters.forEach((name, value) -> QueryOptions.put(query, name.toString(), listValue(value)));
        } else if (extra != null) {
            throw new InvalidRequestException("The header " + KlaviyoConstants.QUERY_PARAMETERS + " must be a Map of"
                                              + " query parameters by wire name, got a " + extra.getClass().getName());
        }
        QueryValidator.validate(operation, query);
        for (Operation.QueryParam parameter : operation.queryParams()) {
            // company_id is the public key, added by the client
            if (parameter.required() && !query.containsKey(parameter.name())
                    && !parameter.name().equals("company_id")) {
                throw new InvalidRequestException(operation.name() + " requires the query parameter '"
                                                  + parameter.name() + "'");
            }
        }
        return query;
    }

    private EncodedBody body(Object body, String id, Exchange exchange) {
        if (operation.body() == null) {
            return null;
        }
        if (body == null) {
            if (operation.body().required()) {
                throw new InvalidRequestException(operation.name() + " needs a request body: a JSON:API document"
                                                  + " or the " + operation.body().type()
                                                  + (operation.body().many() ? " ids" : " attributes")
                                                  + " as a Map, JSON string or POJO");
            }
            return null;
        }
        return operation.body().multipart()
                ? multipartEncoder.encode(operation, body, exchange)
                : jsonEncoder.encode(operation, body, id);
    }

    private static String listValue(Object value) {
        if (value instanceof Collection<?> values) {
            return values.stream().map(Object::toString).collect(Collectors.joining(","));
        }
        return value == null ? null : value.toString();
    }
}
