package io.camelklaviyo;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.camel.CamelException;

/**
 * Klaviyo answered with an error status. Carries the status, every JSON:API error of the response, the
 * {@code Retry-After} delay when Klaviyo gave one (and {@code RateLimit-Reset}), the operation called and how many
 * HTTP attempts the call made (more than one when it was retried; the message says so).
 */
public class KlaviyoApiException extends CamelException {

    private static final long serialVersionUID = 1L;

    private final String operation;
    private final int statusCode;
    private final transient List<KlaviyoError> errors;
    private final Long retryAfterSeconds;
    private final Long rateLimitResetSeconds;
    private final int attempts;

    public KlaviyoApiException(String operation, int statusCode, List<KlaviyoError> errors, Long retryAfterSeconds,
                               String fallbackDetail) {
        this(operation, statusCode, errors, retryAfterSeconds, null, fallbackDetail);
    }

    /**
     * @param rateLimitResetSeconds {@code RateLimit-Reset}: seconds until the steady window resets, or null
     */
    public KlaviyoApiException(String operation, int statusCode, List<KlaviyoError> errors, Long retryAfterSeconds,
                               Long rateLimitResetSeconds, String fallbackDetail) {
        super(message(operation, statusCode, errors, fallbackDetail));
        this.operation = operation;
        this.statusCode = statusCode;
        this.errors = List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
        this.rateLimitResetSeconds = rateLimitResetSeconds;
        this.attempts = 1;
    }

    private KlaviyoApiException(KlaviyoApiException last, int attempts, String note) {
        super(last.getMessage() + " (" + note + ")");
        this.operation = last.operation;
        this.statusCode = last.statusCode;
        this.errors = last.errors;
        this.retryAfterSeconds = last.retryAfterSeconds;
        this.rateLimitResetSeconds = last.rateLimitResetSeconds;
        this.attempts = attempts;
        setStackTrace(last.getStackTrace());
    }

    /**
     * This failure as the outcome of a whole call: the same status and errors, with the number of HTTP attempts made
     * and a note (how many attempts, why it was not retried) appended to the message.
     */
    public KlaviyoApiException afterAttempts(int attempts, String note) {
        return new KlaviyoApiException(this, attempts, note);
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

    /** Seconds until Klaviyo's steady rate-limit window resets, from {@code RateLimit-Reset}; null when absent. */
    public Long getRateLimitResetSeconds() {
        return rateLimitResetSeconds;
    }

    /** How many HTTP attempts the call made before it failed with this response: 1 unless it was retried. */
    public int getAttempts() {
        return attempts;
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
