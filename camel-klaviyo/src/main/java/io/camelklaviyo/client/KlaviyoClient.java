package io.camelklaviyo.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import io.camelklaviyo.KlaviyoApiException;
import io.camelklaviyo.KlaviyoConfiguration;
import io.camelklaviyo.KlaviyoConnectionException;
import io.camelklaviyo.request.KlaviyoRequest;
import io.camelklaviyo.request.QueryEncoding;
import io.camelklaviyo.response.KlaviyoResponse;
import io.camelklaviyo.response.ResponseReader;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends an endpoint's requests: adds the base URL, the {@code revision} header and the credentials the operation
 * calls for. The private key goes only to {@code /api} operations, the public key only to {@code /client} ones.
 */
public class KlaviyoClient {

    private static final String ACCEPT = "application/vnd.api+json";

    private final Supplier<KlaviyoHttpClient> httpClient;
    private final String baseUrl;
    private final String revision;
    private final String apiKey;
    private final String publicKey;
    private final RequestConfig requestConfig;
    private final ResponseReader reader;

    /**
     * @param httpClient the component's pool, looked up per request: it exists from the component's start to its stop,
     *                   which need not surround the moment this endpoint's producer is created
     */
    public KlaviyoClient(Supplier<KlaviyoHttpClient> httpClient, KlaviyoConfiguration configuration,
                         ResponseReader reader) {
        this.httpClient = httpClient;
        this.reader = reader;
        this.baseUrl = stripTrailingSlash(configuration.getBaseUrl());
        this.revision = configuration.getRevision();
        this.apiKey = configuration.getApiKey();
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
        if (!clientOperation && isBlank(apiKey)) {
            throw new IllegalArgumentException(operationName + " needs a private API key: set the apiKey option,"
                                               + " e.g. camel.component.klaviyo.api-key");
        }
    }

    /**
     * Sends a request and reads the answer: the future completes with the response, or fails with a
     * {@link KlaviyoApiException} (an error status), a {@link KlaviyoConnectionException} (no response) or an
     * {@link IllegalStateException} (the component is stopped).
     */
    public CompletableFuture<KlaviyoResponse> call(KlaviyoRequest request) {
        return call(request, false);
    }

    /**
     * {@link #call(KlaviyoRequest)} for a caller that blocks on the result itself (a lazy page iterator): the answer
     * is read on the HTTP client's I/O thread rather than handed to a worker, because the waiting caller may be the
     * last free worker.
     */
    public CompletableFuture<KlaviyoResponse> callForWaitingCaller(KlaviyoRequest request) {
        return call(request, true);
    }

    private CompletableFuture<KlaviyoResponse> call(KlaviyoRequest request, boolean callerWaits) {
        String operation = request.operation().name();
        CompletableFuture<SimpleHttpResponse> sent;
        try {
            sent = send(request, callerWaits);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return sent.handle((response, failure) -> {
            if (failure != null) {
                throw new CompletionException(new KlaviyoConnectionException(operation,
                        failure instanceof CompletionException ? failure.getCause() : failure));
            }
            try {
                return reader.read(operation, response);
            } catch (KlaviyoApiException e) {
                throw new CompletionException(e);
            }
        });
    }

    private CompletableFuture<SimpleHttpResponse> send(KlaviyoRequest request, boolean callerWaits) {
        boolean clientOperation = request.operation().client();
        String target = request.pathAndQuery();
        if (clientOperation) {
            target += (request.query().isEmpty() ? "?" : "&") + "company_id=" + QueryEncoding.encode(publicKey);
        }
        SimpleRequestBuilder http = SimpleRequestBuilder.create(request.operation().method())
                .setUri(baseUrl + target)
                .addHeader("revision", revision)
                .addHeader("Accept", ACCEPT);
        if (!clientOperation) {
            http.addHeader(new MaskedHeader("Authorization", "Klaviyo-API-Key " + apiKey));
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
