package io.camelklaviyo.client;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import io.camelklaviyo.KlaviyoApiException;
import io.camelklaviyo.KlaviyoConfiguration;
import io.camelklaviyo.KlaviyoConnectionException;
import io.camelklaviyo.auth.Credentials;
import io.camelklaviyo.request.KlaviyoRequest;
import io.camelklaviyo.request.QueryEncoding;
import io.camelklaviyo.response.KlaviyoResponse;
import io.camelklaviyo.response.ResponseReader;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpStatus;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an endpoint's requests: adds the base URL, the {@code revision} header and the credentials the operation
 * calls for. The private key or OAuth bearer token goes only to {@code /api} operations, the public key only to
 * {@code /client} ones. A 401 to an OAuth token renews it once and sends the request once more.
 */
public class KlaviyoClient {

    private static final Logger LOG = LoggerFactory.getLogger(KlaviyoClient.class);
    private static final String ACCEPT = "application/vnd.api+json";

    private final Supplier<KlaviyoHttpClient> httpClient;
    private final String baseUrl;
    private final String revision;
    private final Credentials credentials;
    private final String publicKey;
    private final RequestConfig requestConfig;
    private final ResponseReader reader;

    /**
     * @param httpClient the component's pool, looked up per request: it exists from the component's start to its stop,
     *                   which need not surround the moment this endpoint's producer is created
     * @throws IllegalArgumentException when the credential options conflict (a private key and OAuth) or OAuth lacks
     *                                  one
     */
    public KlaviyoClient(Supplier<KlaviyoHttpClient> httpClient, KlaviyoConfiguration configuration,
                         ResponseReader reader) {
        this.httpClient = httpClient;
        this.reader = reader;
        this.baseUrl = stripTrailingSlash(configuration.getBaseUrl());
        this.revision = configuration.getRevision();
        this.credentials = configuration.credentialSessions().resolve(configuration, httpClient);
        this.publicKey = configuration.getPublicKey();
        this.requestConfig = RequestConfig.custom()
                .setResponseTimeout(Timeout.ofMilliseconds(configuration.getResponseTimeout()))
                // waiting for a free pooled connection counts against the same budget
                .setConnectionRequestTimeout(Timeout.ofMilliseconds(configuration.getResponseTimeout()))
                .build();
    }

    /**
     * Checks that the credentials an operation needs are configured, naming the option to set (never its value).
     */
    public void checkCredentials(String operationName, boolean clientOperation) {
        if (clientOperation && isBlank(publicKey)) {
            throw new IllegalArgumentException(operationName + " is a client-side operation: set the publicKey"
                                               + " option (your site ID), e.g. camel.component.klaviyo.public-key");
        }
        if (!clientOperation && credentials == null) {
            throw new IllegalArgumentException(operationName + " needs a private API key or OAuth: set the apiKey"
                                               + " option (e.g. camel.component.klaviyo.api-key), or the OAuth options"
                                               + " refreshToken, clientId and clientSecret (or an accessToken)");
        }
    }

    /**
     * The credentials of {@code /api} operations (a private key or an OAuth session), or null when none are set;
     * {@link Credentials#accountKey()} names the rate-limit account they count against.
     */
    public Credentials credentials() {
        return credentials;
    }

    /**
     * Sends a request and reads the answer: the future completes with the response, or fails with a
     * {@link KlaviyoApiException} (an error status), a {@link KlaviyoConnectionException} (no response), a
     * {@link io.camelklaviyo.auth.KlaviyoTokenRefreshException} (an OAuth token was due and could not be refreshed; the
     * request was not sent) or an {@link IllegalStateException} (the component is stopped).
     */
    public CompletableFuture<KlaviyoResponse> call(KlaviyoRequest request) {
        return call(request, false);
    }

    /**
     * {@link #call(KlaviyoRequest)} for a caller that blocks on the result itself (a lazy page iterator): the answer
     * is read on the HTTP client's I/O thread rather than handed to a worker, because the waiting caller may be the
     * last free worker. An OAuth token refresh it has to wait for is the exception: that one refresh, shared by all
     * callers of the installation, completes on a worker (it saves the new tokens to the token store, which may
     * block), so a waiting caller holding the last free worker then waits until its requestTimeout.
     */
    public CompletableFuture<KlaviyoResponse> callForWaitingCaller(KlaviyoRequest request) {
        return call(request, true);
    }

    private CompletableFuture<KlaviyoResponse> call(KlaviyoRequest request, boolean callerWaits) {
        String operation = request.operation().name();
        Set<Future<?>> inFlight = ConcurrentHashMap.newKeySet();
        CompletableFuture<SimpleHttpResponse> sent;
        try {
            sent = authorizeAndSend(request, callerWaits, inFlight);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<KlaviyoResponse> read = sent.handle((response, failure) -> {
            if (failure != null) {
                // a KlaviyoConnectionException from send, or a failed token refresh
                throw failure instanceof CompletionException completion ? completion : new CompletionException(failure);
            }
            try {
                return reader.read(operation, response);
            } catch (KlaviyoApiException e) {
                throw new CompletionException(e);
            }
        });
        // a caller that gives up (an overall timeout) aborts the HTTP exchange in flight, freeing its connection
        read.whenComplete((response, failure) -> {
            if (read.isCancelled()) {
                inFlight.forEach(exchange -> exchange.cancel(true));
            }
        });
        return read;
    }

    /**
     * Sends a request with the credentials it needs. A 401 to a renewable credential (an OAuth token) renews it
     * (one refresh, shared with every request rejected meanwhile) and sends the request once more; that second
     * answer is final.
     */
    private CompletableFuture<SimpleHttpResponse> authorizeAndSend(KlaviyoRequest request, boolean callerWaits,
                                                                   Set<Future<?>> inFlight) {
        if (request.operation().client()) {
            return sendFailingAsConnection(request, null, callerWaits, inFlight);
        }
        if (credentials == null) {
            throw new IllegalStateException(request.operation().name() + " needs a private API key or OAuth");
        }
        return credentials.authorization().thenCompose(authorization -> sendFailingAsConnection(request, authorization,
                callerWaits, inFlight).thenCompose(response -> {
                    if (response.getCode() != HttpStatus.SC_UNAUTHORIZED || !credentials.renewable()) {
                        return CompletableFuture.completedFuture(response);
                    }
                    LOG.debug("Klaviyo {}: 401 to the OAuth access token, renewing it and sending once more",
                            request.operation().name());
                    return credentials.renewAfterRejection(authorization)
                            .thenCompose(renewed -> sendFailingAsConnection(request, renewed, callerWaits, inFlight));
                }));
    }

    /** {@link #send}, whose failures without a response are {@link KlaviyoConnectionException}s. */
    private CompletableFuture<SimpleHttpResponse> sendFailingAsConnection(
            KlaviyoRequest request, String authorization, boolean callerWaits, Set<Future<?>> inFlight) {
        CompletableFuture<SimpleHttpResponse> sent;
        try {
            sent = send(request, authorization, callerWaits);
            inFlight.add(sent);
        } catch (RuntimeException e) {
            // the component is stopped: not a connection failure
            return CompletableFuture.failedFuture(e);
        }
        return sent.handle((response, failure) -> {
            if (failure != null) {
                throw new CompletionException(new KlaviyoConnectionException(request.operation().name(),
                        failure instanceof CompletionException ? failure.getCause() : failure));
            }
            return response;
        });
    }

    /**
     * @param authorization the Authorization header value, or null for a /client operation
     */
    private CompletableFuture<SimpleHttpResponse> send(KlaviyoRequest request, String authorization,
                                                       boolean callerWaits) {
        boolean clientOperation = request.operation().client();
        String target = request.pathAndQuery();
        if (clientOperation) {
            target += (request.query().isEmpty() ? "?" : "&") + "company_id=" + QueryEncoding.encode(publicKey);
        }
        SimpleRequestBuilder http = SimpleRequestBuilder.create(request.operation().method())
                .setUri(baseUrl + target)
                .addHeader("revision", revision)
                .addHeader("Accept", ACCEPT);
        if (authorization != null) {
            http.addHeader(new MaskedHeader("Authorization", authorization));
        }
        if (request.body() != null) {
            http.setBody(request.body(), ContentType.parse(request.contentType()));
        }
        KlaviyoHttpClient pool = httpClient.get();
        if (pool == null) {
            throw new IllegalStateException("The klaviyo component is not started");
        }
        return callerWaits
                ? pool.executeForWaitingCaller(http.build(), requestConfig)
                : pool.execute(http.build(), requestConfig);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
