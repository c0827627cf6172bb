package io.camelklaviyo.retry;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Set;
import java.util.concurrent.CompletionException;

import javax.net.ssl.SSLException;

import io.camelklaviyo.KlaviyoApiException;
import io.camelklaviyo.KlaviyoConnectionException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.RequestNotExecutedException;
import org.apache.hc.core5.util.DeadlineTimeoutException;

/**
 * What a failed attempt tells about the request: whether Klaviyo can have processed it, and whether another attempt
 * can fare better.
 */
enum FailureKind {

    /** 429: Klaviyo turned the request away unprocessed and said when to come back. */
    THROTTLED,
    /** One of the retryStatuses other than 429 (503, 504, 524): the request reached Klaviyo's edge at least. */
    RETRYABLE_STATUS,
    /**
     * No connection to send it on: refused, connect timeout, unknown host, no pooled connection within the
     * connection-request timeout. Klaviyo never saw the request.
     */
    NOT_SENT,
    /**
     * The request was (or may have been) written, and no usable answer came: the connection was reset or closed, the
     * response timed out or broke off. Klaviyo may have processed it.
     */
    LOST,
    /**
     * Another attempt would fail the same way, or must not be made: any other status, a TLS failure (a certificate
     * that is not trusted stays untrusted), an answer that is not HTTP at all (a wrong port or a broken proxy), a
     * stopped component.
     */
    FINAL;

    static FailureKind of(Throwable failure, Set<Integer> retryStatuses) {
        Throwable cause = unwrap(failure);
        if (cause instanceof KlaviyoApiException api) {
            if (!retryStatuses.contains(api.getStatusCode())) {
                return FINAL;
            }
            return api.getStatusCode() == 429 ? THROTTLED : RETRYABLE_STATUS;
        }
        if (cause instanceof KlaviyoConnectionException connection) {
            Throwable io = unwrap(connection.getCause());
            if (notSent(io)) {
                return NOT_SENT;
            }
            return io instanceof IOException && !(io instanceof SSLException) ? LOST : FINAL;
        }
        return FINAL;
    }

    /** Failures that prove the request never left: there was no connection to write it on. */
    private static boolean notSent(Throwable io) {
        return io instanceof ConnectException // refused (HttpHostConnectException), also to a proxy
               || io instanceof ConnectTimeoutException
               || io instanceof UnknownHostException
               || io instanceof NoRouteToHostException
               // the pool had no connection to lend within the connection-request timeout
               || io instanceof DeadlineTimeoutException
               || io instanceof RequestNotExecutedException;
    }

    static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while (current instanceof CompletionException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
