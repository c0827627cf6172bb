package io.camelklaviyo.request;

/**
 * Input that cannot make a valid Klaviyo request; raised before any HTTP call.
 */
public class InvalidRequestException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String message) {
        super(message);
    }

    public InvalidRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
