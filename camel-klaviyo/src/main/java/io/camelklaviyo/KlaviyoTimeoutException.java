package io.camelklaviyo;

import org.apache.camel.CamelException;

/**
 * A call to Klaviyo did not complete within the endpoint's {@code requestTimeout}, which bounds the whole call: every
 * attempt, the waits between them and the wait for a pooled connection. Names the operation, the time that passed and
 * the attempts made; the cause is the last failed attempt, if one failed before the time ran out (null when the first
 * attempt was still waiting for its response).
 */
public class KlaviyoTimeoutException extends CamelException {

    private static final long serialVersionUID = 1L;

    private final String operation;
    private final long timeoutMillis;
    private final long elapsedMillis;
    private final int attempts;

    public KlaviyoTimeoutException(String operation, long timeoutMillis, long elapsedMillis, int attempts,
                                   Throwable lastFailure) {
        super(message(operation, timeoutMillis, elapsedMillis, attempts, lastFailure), lastFailure);
        this.operation = operation;
        this.timeoutMillis = timeoutMillis;
        this.elapsedMillis = elapsedMillis;
        this.attempts = attempts;
    }

    private static String message(String operation, long timeoutMillis, long elapsedMillis, int attempts,
                                  Throwable lastFailure) {
        return "Klaviyo " + operation + " did not complete within the requestTimeout of " + timeoutMillis
               + " ms: gave up after " + elapsedMillis + " ms and " + attempts + (attempts == 1 ? " attempt" : " attempts")
               + (lastFailure == null
                       ? ", the attempt still waiting for its response"
                       : "; last failure: " + lastFailure.getMessage());
    }

    /** The canonical name of the operation that timed out. */
    public String getOperation() {
        return operation;
    }

    /** The requestTimeout that ran out, in milliseconds. */
    public long getTimeoutMillis() {
        return timeoutMillis;
    }

    /** How long the call ran before it was given up, in milliseconds. */
    public long getElapsedMillis() {
        return elapsedMillis;
    }

    /** How many HTTP attempts were started, the abandoned one included. */
    public int getAttempts() {
        return attempts;
    }
}
