package io.camelklaviyo.response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelklaviyo.KlaviyoApiException;
import io.camelklaviyo.KlaviyoApiException.KlaviyoError;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.core5.http.Header;

/**
 * Reads an error response into a {@link KlaviyoApiException}. Lenient: a member may be null or missing (job errors
 * are known to have null ids), and a body that is no JSON:API document (an HTML page from a proxy) is summarised.
 */
final class ErrorDocuments {

    private static final int EXCERPT = 200;

    private final ObjectMapper mapper;

    ErrorDocuments(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    KlaviyoApiException toException(String operation, SimpleHttpResponse response) {
        byte[] body = response.getBodyBytes();
        List<KlaviyoError> errors = body == null ? List.of() : parse(body);
        String fallback = errors.isEmpty() && body != null ? excerpt(body) : null;
        return new KlaviyoApiException(operation, response.getCode(), errors, retryAfter(response),
                rateLimitReset(response), fallback);
    }

    private List<KlaviyoError> parse(byte[] body) {
        JsonNode document;
        try {
            document = mapper.readTree(body);
        } catch (IOException e) {
            return List.of();
        }
        List<KlaviyoError> errors = new ArrayList<>();
        if (document != null) {
            for (JsonNode error : document.path("errors")) {
                errors.add(new KlaviyoError(text(error, "id"),
                        error.path("status").canConvertToInt() ? error.path("status").asInt() : null,
                        text(error, "code"), text(error, "title"), text(error, "detail"),
                        text(error.path("source"), "pointer"), text(error.path("source"), "parameter"),
                        meta(error.path("meta"))));
            }
        }
        return errors;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> meta(JsonNode meta) {
        return meta.isObject() ? mapper.convertValue(meta, LinkedHashMap.class) : Map.of();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Long retryAfter(SimpleHttpResponse response) {
        Header header = response.getFirstHeader("Retry-After");
        if (header == null) {
            return null;
        }
        try {
            return Long.parseLong(header.getValue().trim());
        } catch (NumberFormatException e) {
            // an HTTP-date: not sent by Klaviyo, not worth guessing
            return null;
        }
    }

    /** {@code RateLimit-Reset}: seconds until the steady window resets (the wait when a 429 has no Retry-After). */
    private static Long rateLimitReset(SimpleHttpResponse response) {
        Header header = response.getFirstHeader("RateLimit-Reset");
        if (header == null) {
            return null;
        }
        try {
            return Long.parseLong(header.getValue().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String excerpt(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim();
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "...";
    }
}
