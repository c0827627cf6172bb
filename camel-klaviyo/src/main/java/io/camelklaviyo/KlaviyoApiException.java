package io.camelklaviyo;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.camel.CamelException;

/**
 * Klaviyo answered with an error status. Carries the status, every JSON:API error of the response, the
 * {@code Retry-After} delay when Klaviyo gave one, and the operation called.
 */
public class KlaviyoApiException extends CamelException {

    private static final long serialVersionUID = 1L;

    private final String operation;
    private final int statusCode;
    private final transient List<KlaviyoError> errors;
    private final Long retryAfterSeconds;

    public KlaviyoApiException(String operation, int statusCode, List<KlaviyoError> errors, Long retryAfterSeconds,
                               String fallbackDetail) {
        super(message(operation, statusCode, errors, fallbackDetail));
        this.operation = operation;
        this.statusCode = statusCode;
        this.errors = List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    private static String message(String operation, int statusCode, List<KlaviyoError> errors, String fallback) {
        String details = errors.isEmpty()
                ? (fallback == null || fallback.isBlank() ? "no error document" : fallback)
                : errors.stream().map(KlaviyoError::describe).collect(Collectors.joining("; "));
        return "Klaviyo " + operation + " failed with HTTP " + statusCode + ": " + details;
    }

    /** The canonical name of the operation that failed. */
    public String getOperation() {
        return operation;
    }

    public int getStatusCode() {
        return statusCode;
    }

    /** Every error of the response's JSON:API error document; empty when the body was not one. */
    public List<KlaviyoError> getErrors() {
        return errors;
    }

    /** Seconds to wait before retrying, from {@code Retry-After}; null when absent. */
    public Long getRetryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** True when some error has this code, e.g. {@code duplicate_profile} or {@code throttled}. */
    public boolean hasErrorCode(String code) {
        return errors.stream().anyMatch(error -> code.equals(error.code()));
    }

    /**
     * One JSON:API error object.
     *
     * @param pointer   {@code source.pointer}: the JSON pointer of the offending body member
     * @param parameter {@code source.parameter}: the offending query parameter
     * @param meta      anything Klaviyo adds, e.g. {@code duplicate_profile_id}
     */
    public record KlaviyoError(String id, Integer status, String code, String title, String detail, String pointer,
            String parameter, Map<String, Object> meta) {

        String describe() {
            StringBuilder text = new StringBuilder();
            text.append(code == null ? "error" : code);
            String message = detail != null ? detail : title;
            if (message != null) {
                text.append(" - ").append(message);
            }
            if (pointer != null) {
                text.append(" (at ").append(pointer).append(')');
            } else if (parameter != null) {
                text.append(" (parameter ").append(parameter).append(')');
            }
            return text.toString();
        }
    }
}
