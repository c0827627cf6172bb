package io.camelklaviyo;

import org.apache.camel.RuntimeCamelException;

/**
 * Klaviyo answered with success, but the answer could not be put on the message in the requested shape (e.g. the
 * responseType does not fit the document). The call itself succeeded: a write is done, so do not blindly redeliver.
 * The raw response is kept.
 */
public class KlaviyoResponseMappingException extends RuntimeCamelException {

    private static final long serialVersionUID = 1L;

    private final String operation;
    private final int statusCode;
    private final String responseBody;

    public KlaviyoResponseMappingException(String operation, int statusCode, String responseBody, Throwable cause) {
        super("Klaviyo " + operation + " succeeded with HTTP " + statusCode
              + " but its response could not be mapped: " + cause.getMessage(), cause);
        this.operation = operation;
        this.statusCode = statusCode;
        this.responseBody = responseBody;
    }

    public String getOperation() {
        return operation;
    }

    public int getStatusCode() {
        return statusCode;
    }

    /** The response text as Klaviyo sent it. */
    public String getResponseBody() {
        return responseBody;
    }
}
