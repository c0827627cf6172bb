package io.camelklaviyo.metrics;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

import io.camelklaviyo.KlaviyoApiException;
import io.camelklaviyo.KlaviyoConnectionException;
import io.camelklaviyo.KlaviyoTimeoutException;

/** How an HTTP attempt ended: the {@code outcome} tag of {@code klaviyo.requests}. */
public enum Outcome {

    SUCCESS("success"),
    /** Klaviyo answered 4xx (429 included). */
    CLIENT_ERROR("client_error"),
    /** Klaviyo answered 5xx. */
    SERVER_ERROR("server_error"),
    /** No answer: the connection failed or broke. */
    IO_ERROR("io_error"),
    /** No answer in time: the response timeout, or the overall requestTimeout cancelled the attempt. */
    TIMEOUT("timeout");

    private final String tag;

    Outcome(String tag) {
        this.tag = tag;
    }

    /** The tag value. */
    public String tag() {
        return tag;
    }

    /** The outcome of a failed attempt. */
    public static Outcome of(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof KlaviyoApiException api) {
            return api.getStatusCode() >= 500 ? SERVER_ERROR : CLIENT_ERROR;
        }
        if (cause instanceof KlaviyoTimeoutException || cause instanceof CancellationException) {
            return TIMEOUT;
        }
        if (cause instanceof KlaviyoConnectionException) {
            for (Throwable c = cause.getCause(); c != null; c = c.getCause()) {
                if (c instanceof TimeoutException || c instanceof java.net.SocketTimeoutException
                        || c.getClass().getSimpleName().contains("Timeout")) {
                    return TIMEOUT;
                }
            }
        }
        return IO_ERROR;
    }

    /** The HTTP status of a failed attempt, or 0 when there was no response. */
    public static int status(Throwable failure) {
        Throwable cause = unwrap(failure);
        return cause instanceof KlaviyoApiException api ? api.getStatusCode() : 0;
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
