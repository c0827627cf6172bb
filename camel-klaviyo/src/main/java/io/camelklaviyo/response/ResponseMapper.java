package io.camelklaviyo.response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelklaviyo.KlaviyoApiException;
import io.camelklaviyo.KlaviyoConstants;
import io.camelklaviyo.ResponseFormat;
import io.camelklaviyo.operation.Operation;
import io.camelklaviyo.request.PageCursors;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.core5.http.Header;

/**
 * Puts Klaviyo's response on the exchange: the body in the configured shape, the status, rate-limit budget and next
 * page cursor as headers, or a {@link KlaviyoApiException} for an error status.
 */
public final class ResponseMapper {

    private final Operation operation;
    private final ResponseFormat format;
    private final Class<?> responseType;
    private final ObjectMapper mapper;
    private final ErrorDocuments errors;

    public ResponseMapper(Operation operation, ResponseFormat format, Class<?> responseType, ObjectMapper mapper) {
        this.operation = operation;
        this.format = format;
        this.responseType = responseType;
        this.mapper = mapper;
        this.errors = new ErrorDocuments(mapper);
    }

    public void map(SimpleHttpResponse response, Exchange exchange) {
        Message message = exchange.getMessage();
        message.setHeader(KlaviyoConstants.OPERATION, operation.name());
        message.setHeader(KlaviyoConstants.HTTP_STATUS, response.getCode());
        copyIntHeader(response, "RateLimit-Limit", message, KlaviyoConstants.RATE_LIMIT_LIMIT);
        copyIntHeader(response, "RateLimit-Remaining", message, KlaviyoConstants.RATE_LIMIT_REMAINING);
        copyIntHeader(response, "RateLimit-Reset", message, KlaviyoConstants.RATE_LIMIT_RESET);
        message.removeHeader(KlaviyoConstants.NEXT_PAGE_CURSOR);
        if (response.getCode() >= 300) {
            exchange.setException(errors.toException(operation.name(), response));
            return;
        }
        byte[] body = response.getBodyBytes();
        if (body == null || body.length == 0) {
            // 202 Accepted and 204 No Content carry no document
            message.setBody(null);
            return;
        }
        if (format == ResponseFormat.RAW) {
            message.setBody(new String(body, StandardCharsets.UTF_8));
            return;
        }
        Map<?, ?> document;
        try {
            document = mapper.readValue(body, Map.class);
        } catch (IOException e) {
            exchange.setException(new KlaviyoApiException(operation.name(), response.getCode(), List.of(),
                    null, "the response is not a JSON document (" + e.getMessage() + ")"));
            return;
        }
        String next = nextLink(document);
        if (next != null) {
            message.setHeader(KlaviyoConstants.NEXT_PAGE_CURSOR, PageCursors.cursorOf(next));
        }
        Object selected = format == ResponseFormat.DATA ? document.get("data") : document;
        message.setBody(responseType == null || selected == null ? selected : mapper.convertValue(selected, responseType));
    }

    private static String nextLink(Map<?, ?> document) {
        Object links = document.get("links");
        Object next = links instanceof Map<?, ?> map ? map.get("next") : null;
        return next instanceof String url && !url.isEmpty() ? url : null;
    }

    private static void copyIntHeader(SimpleHttpResponse response, String name, Message message, String header) {
        Header value = response.getFirstHeader(name);
        if (value == null) {
            message.removeHeader(header);
            return;
        }
        try {
            message.setHeader(header, Integer.parseInt(value.getValue().trim()));
        } catch (NumberFormatException e) {
            message.removeHeader(header);
        }
    }
}
