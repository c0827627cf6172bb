package io.camelklaviyo.response;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.camelklaviyo.ratelimit.RateLimitBudget;

/**
 * A successful answer of Klaviyo: the status, the steady-window rate-limit budget, and the JSON:API document.
 *
 * @param status             the HTTP status (2xx)
 * @param rateLimitLimit     {@code RateLimit-Limit}, or null
 * @param rateLimitRemaining {@code RateLimit-Remaining}, or null
 * @param rateLimitReset     {@code RateLimit-Reset} (seconds), or null
 * @param body               the response body, empty for 202 and 204
 * @param document           the parsed document, or null when the body is empty
 * @param rateLimitBudget    what the client-side rate limiter had left once it let this request go, or null when
 *                           rate limiting is off
 */
public record KlaviyoResponse(int status, Integer rateLimitLimit, Integer rateLimitRemaining, Integer rateLimitReset,
        byte[] body, Map<String, Object> document, RateLimitBudget rateLimitBudget) {

    /** A response as read from the wire, before the rate limiter adds its budget. */
    public KlaviyoResponse(int status, Integer rateLimitLimit, Integer rateLimitRemaining, Integer rateLimitReset,
                           byte[] body, Map<String, Object> document) {
        this(status, rateLimitLimit, rateLimitRemaining, rateLimitReset, body, document, null);
    }

    /** This response with the client-side limiter's budget. */
    public KlaviyoResponse withRateLimitBudget(RateLimitBudget budget) {
        return new KlaviyoResponse(status, rateLimitLimit, rateLimitRemaining, rateLimitReset, body, document, budget);
    }

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
