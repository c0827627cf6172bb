package io.camelklaviyo.ratelimit;

import java.time.Duration;

import org.apache.camel.RuntimeCamelException;

/**
 * A request the client-side limiter will not send: it could go only after the limiter's longest wait, typically
 * because the operation's daily cap is spent for the account. Nothing was sent to Klaviyo.
 */
public class RateLimitExceededException extends RuntimeCamelException {

    private final String operation;
    private final Duration wait;

    public RateLimitExceededException(String operation, Duration wait, String message) {
        super(message);
        this.operation = operation;
        this.wait = wait;
    }

    /** The canonical name of the operation that was not called. */
    public String getOperation() {
        return operation;
    }

    /** How long the request would have had to wait for its windows to have room. */
    public Duration getWait() {
        return wait;
    }
}
