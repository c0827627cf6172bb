package io.camelklaviyo.health;

import java.time.Instant;
import java.util.Map;

/**
 * The outcome of verifying credentials against Klaviyo.
 *
 * @param up      whether Klaviyo accepted them
 * @param message what an operator reads: why it is down, or what was verified
 * @param details account id, organisation name, HTTP status, error code, ... (never a credential)
 * @param error   the failure, or null
 * @param at      when Klaviyo answered (or the call failed)
 */
public record Verification(boolean up, String message, Map<String, Object> details, Throwable error, Instant at) {

    public Verification {
        details = Map.copyOf(details);
    }
}
