package io.camelklaviyo;

import org.apache.camel.CamelException;

/**
 * A call to Klaviyo failed without a response: the connection was refused or reset, or timed out. The cause is the
 * I/O exception itself.
 */
public class KlaviyoConnectionException extends CamelException {

    private static final long serialVersionUID = 1L;

    private final String operation;

    public KlaviyoConnectionException(String operation, Throwable cause) {
        super("Klaviyo " + operation + " failed without a response: " + cause.getMessage(), cause);
        this.operation = operation;
    }

    /** The canonical name of the operation that failed. */
    public String getOperation() {
        return operation;
    }
}
