package io.camelklaviyo.response;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A successful answer of Klaviyo: the status, the steady-window rate-limit budget, and the JSON:API document.
 *
 * @param status             the HTTP status (2xx)
 * @param rateLimitLimit     {@code RateLimit-Limit}, or null
 * @param rateLimitRemaining {@code RateLimit-Remaining}, or null
 * @param rateLimitReset     {@code RateLimit-Reset} (seconds), or null
 * @param body               the response body, empty for 202 and 204
 * @param document           the parsed document, or null when the body is empty
 */
public record KlaviyoResponse(int status, Integer rateLimitLimit, Integer rateLimitRemaining, Integer rateLimitReset,
        byte[] body, Map<String, Object> document) {

    /** The document's {@code data}: one resource, a list of them, or null. */
    public Object data() {
        return document == null ? null : document.get("data");
    }

    /** The document's {@code links.next} URL, or null on the last page. */
    public String nextLink() {
        Object links = document == null ? null : document.get("links");
        Object next = links instanceof Map<?, ?> map ? map.get("next") : null;
        return next instanceof String url && !url.isEmpty() ? url : null;
    }

    /** The body as text. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
