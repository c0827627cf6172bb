package io.camelklaviyo.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.apache.camel.support.service.ServiceSupport;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.async.methods.SimpleResponseConsumer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The non-blocking HTTP client and connection pool that all endpoints of a component share. Its I/O threads do the
 * waiting; no Camel thread blocks on a request. Responses are handed to a worker executor, so that nothing a route
 * does next ever runs on (and stalls) an I/O thread.
 */
public class KlaviyoHttpClient extends ServiceSupport {

    private final int maxConnections;
    private final long connectTimeoutMillis;
    private final Executor completions;
    private volatile CloseableHttpAsyncClient client;

    public KlaviyoHttpClient(int maxConnections, long connectTimeoutMillis, Executor completions) {
        this.maxConnections = maxConnections;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.completions = completions;
    }

    /** Sends a request; the future completes on the worker executor. */
    public CompletableFuture<SimpleHttpResponse> execute(SimpleHttpRequest request, RequestConfig config) {
        return execute(request, config, completions);
    }

    /**
     * Sends a request for a caller that waits for the answer itself: the future completes on the I/O thread, so that
     * a waiting worker never needs another worker to be woken.
     */
    public CompletableFuture<SimpleHttpResponse> executeForWaitingCaller(SimpleHttpRequest request,
                                                                         RequestConfig config) {
        return execute(request, config, Runnable::run);
    }

    private CompletableFuture<SimpleHttpResponse> execute(SimpleHttpRequest request, RequestConfig config,
                                                          Executor completions) {
        CompletableFuture<SimpleHttpResponse> result = new CompletableFuture<>();
        HttpClientContext context = HttpClientContext.create();
        context.setRequestConfig(config);
        client.execute(SimpleRequestProducer.create(request), SimpleResponseConsumer.create(), null, context,
                new FutureCallback<>() {
                    @Override
                    public void completed(SimpleHttpResponse response) {
                        handOver(completions, () -> result.complete(response), result);
                    }

                    @Override
                    public void failed(Exception failure) {
                        handOver(completions, () -> result.completeExceptionally(failure), result);
                    }

                    @Override
                    public void cancelled() {
                        handOver(completions, () -> result.cancel(false), result);
                    }
                });
        return result;
    }

    private static void handOver(Executor completions, Runnable completion,
                                 CompletableFuture<SimpleHttpResponse> result) {
        try {
            completions.execute(completion);
        } catch (RejectedExecutionException e) {
            // only while the component stops: fail the exchange rather than leave it waiting forever
            result.completeExceptionally(e);
        }
    }

    @Override
    protected void doStart() {
        CloseableHttpAsyncClient started = newClient();
        started.start();
        client = started;
    }

    private CloseableHttpAsyncClient newClient() {
        ConnectionConfig connections = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.ofMilliseconds(connectTimeoutMillis))
                // a pooled connection the server closed while idle fails the next request: check it first
                .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                .build();
        return HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(maxConnections)
                        .setMaxConnPerRoute(maxConnections)
                        .setDefaultConnectionConfig(connections)
                        .build())
                // retries belong to the component's policy, counted once, with its rules for POST
                .disableAutomaticRetries()
                .disableCookieManagement()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                // no wire log: it prints raw request bytes, the Authorization header included
                .setIoSessionDecorator(session -> session)
                .build();
    }

    @Override
    protected void doStop() {
        if (client != null) {
            client.close(CloseMode.GRACEFUL);
            client = null;
        }
    }
}
