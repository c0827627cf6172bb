package io.camelklaviyo.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

import javax.net.ssl.SSLContext;

import org.apache.camel.support.service.ServiceSupport;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.async.methods.SimpleResponseConsumer;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.HttpsSupport;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The non-blocking HTTP client and connection pool that all endpoints of a component share. Its I/O threads do the
 * waiting; no Camel thread blocks on a request. Responses are handed to a worker executor, so that nothing a route
 * does next ever runs on (and stalls) an I/O thread. TLS uses the component's SSLContext when it has one, and every
 * request goes through its HTTP proxy when it has one.
 */
public class KlaviyoHttpClient extends ServiceSupport {

    /**
     * How often the I/O reactor checks connect and response timeouts. HttpClient's default of one second makes a
     * 500 ms timeout fire after a second.
     */
    private static final TimeValue TIMEOUT_CHECK_INTERVAL = TimeValue.ofMilliseconds(100);

    private final int maxConnections;
    private final long connectTimeoutMillis;
    private final Executor completions;
    private final SSLContext sslContext;
    private final HttpProxy proxy;
    private volatile CloseableHttpAsyncClient client;

    public KlaviyoHttpClient(int maxConnections, long connectTimeoutMillis, Executor completions) {
        this(maxConnections, connectTimeoutMillis, completions, null, null);
    }

    /**
     * @param sslContext the TLS context for HTTPS, or null for the JVM's default trust
     * @param proxy      the HTTP proxy to send every request through, or null
     */
    public KlaviyoHttpClient(int maxConnections, long connectTimeoutMillis, Executor completions,
                             SSLContext sslContext, HttpProxy proxy) {
        this.maxConnections = maxConnections;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.completions = completions;
        this.sslContext = sslContext;
        this.proxy = proxy;
    }

    /** The worker executor responses complete on: where an exchange continues after a call. */
    public Executor completions() {
        return completions;
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
        Future<SimpleHttpResponse> exchange = client.execute(SimpleRequestProducer.create(request),
                SimpleResponseConsumer.create(), null, context, new FutureCallback<>() {
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
        // a caller that gives up on the answer (an overall timeout) aborts the exchange and frees its connection
        result.whenComplete((response, failure) -> {
            if (result.isCancelled()) {
                exchange.cancel(true);
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
        PoolingAsyncClientConnectionManagerBuilder pool = PoolingAsyncClientConnectionManagerBuilder.create()
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .setDefaultConnectionConfig(connections);
        if (sslContext != null) {
            // the verifier must be named: without one, HttpClient 5.5's builder leaves host names to JSSE's endpoint
            // identification, which its async TLS set-up never applies, so that any trusted certificate would do
            pool.setTlsStrategy(ClientTlsStrategyBuilder.create()
                    .setSslContext(sslContext)
                    .setHostnameVerifier(HttpsSupport.getDefaultHostnameVerifier())
                    .build());
        }
        HttpAsyncClientBuilder builder = HttpAsyncClients.custom()
                .setConnectionManager(pool.build())
                .setIOReactorConfig(IOReactorConfig.custom().setSelectInterval(TIMEOUT_CHECK_INTERVAL).build())
                // retries belong to the component's policy, counted once, with its rules for POST
                .disableAutomaticRetries()
                .disableCookieManagement()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                // no wire log: it prints raw request bytes, the Authorization header included
                .setIoSessionDecorator(session -> session);
        if (proxy != null) {
            builder.setProxy(new HttpHost(proxy.host(), proxy.port()));
            if (proxy.username() != null) {
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                credentials.setCredentials(new AuthScope(proxy.host(), proxy.port()),
                        new UsernamePasswordCredentials(proxy.username(),
                                proxy.password() == null ? new char[0] : proxy.password().toCharArray()));
                builder.setDefaultCredentialsProvider(credentials);
            }
        }
        return builder.build();
    }

    @Override
    protected void doStop() {
        if (client != null) {
            client.close(CloseMode.GRACEFUL);
            client = null;
        }
    }
}
