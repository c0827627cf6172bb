package io.camelklaviyo;

import org.apache.camel.CamelException;

/**
 * A call to Klaviyo failed without a response: the connection was refused or reset, or timed out. The cause is the
 * I/O exception itself. Says how many HTTP attempts the call made (more than one when it was retried).
 */
public class KlaviyoConnectionException extends CamelException {

    private static final long serialVersionUID = 1L;

    private final String operation;
    private final int attempts;

    public KlaviyoConnectionException(String operation, Throwable cause) {
        super("Klaviyo " + operation + " failed without a response: " + cause.getMessage(), cause);
        this.operation = operation;
        this.attempts = 1;
    }

    private KlaviyoConnectionException(KlaviyoConnectionException last, int attempts, String note) {
        super(last.getMessage() + " (" + note + ")", last.getCause());
        this.operation = last.operation;
        this.attempts = attempts;
        setStackTrace(last.getStackTrace());
    }

    /**
     * This failure as the outcome of a whole call: the same cause, with the number of HTTP attempts made and a note
     * (how many attempts, why it was not retried) appended to the message.
     */
    public KlaviyoConnectionException afterAttempts(int attempts, String note) {
        return new KlaviyoConnectionException(this, attempts, note);
    }

    /** How many HTTP attempts the call made before it failed with this one: 1 unless it was retried. */
    public int getAttempts() {
        return attempts;
    }

    /** The canonical name of the operation that failed. */
    public String getOperation() {
        return operation;
    }
}
