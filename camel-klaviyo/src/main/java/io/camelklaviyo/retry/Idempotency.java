package io.camelklaviyo.retry;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelklaviyo.request.KlaviyoRequest;

/**
 * Whether a request may be sent again after it may have reached Klaviyo, i.e. whether processing it twice leaves the
 * same state as processing it once.
 * <ul>
 * <li>GET, HEAD, OPTIONS: reads.</li>
 * <li>DELETE and PUT: idempotent by HTTP's definition; Klaviyo's relationship DELETEs remove a set of members, which
 * is the same the second time (a retried DELETE whose first attempt got through answers 404 or 204).</li>
 * <li>PATCH: Klaviyo uses it to set attributes of one resource (update profile, list, campaign, ...), which is the
 * same the second time, with one exception: a profile update whose {@code meta.patch_properties} or
 * {@code meta.patch_identifiers} has an {@code append} operation adds a value to a list each time it is processed.
 * Such a PATCH is treated like a POST.</li>
 * <li>POST: creates something (a profile, an event, a job) or runs an action; a second one may create a duplicate
 * or send twice. Never re-sent once it may have reached Klaviyo.</li>
 * </ul>
 */
final class Idempotency {

    private final ObjectMapper mapper;

    Idempotency(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    boolean safeToResend(KlaviyoRequest request) {
        return switch (request.operation().method()) {
            case "GET", "HEAD", "OPTIONS", "PUT", "DELETE" -> true;
            case "PATCH" -> !appends(request.body());
            default -> false;
        };
    }

    /** True when a PATCH body appends to a list (or cannot be read to tell). */
    private boolean appends(byte[] body) {
        if (body == null || body.length == 0) {
            return false;
        }
        JsonNode meta;
        try {
            meta = mapper.readTree(body).path("data").path("meta");
        } catch (IOException e) {
            return true;
        }
        return isSet(meta.path("patch_properties").path("append"))
               || isSet(meta.path("patch_identifiers").path("append"));
    }

    private static boolean isSet(JsonNode node) {
        return !node.isMissingNode() && !node.isNull();
    }
}
