package io.camelklaviyo;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.camelklaviyo.client.KlaviyoClient;
import io.camelklaviyo.request.KlaviyoRequest;
import io.camelklaviyo.request.RequestFactory;
import io.camelklaviyo.response.ResponseMapper;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls one Klaviyo operation per exchange without blocking the calling thread: the request is built and checked,
 * sent on the shared non-blocking client, and the exchange continues on the client's I/O thread when the response
 * arrives.
 */
public class KlaviyoProducer extends DefaultAsyncProducer {

    private static final Logger LOG = LoggerFactory.getLogger(KlaviyoProducer.class);

    private final RequestFactory requests;
    private final KlaviyoClient client;
    private final ResponseMapper responses;

    public KlaviyoProducer(KlaviyoEndpoint endpoint, RequestFactory requests, KlaviyoClient client,
                           ResponseMapper responses) {
        super(endpoint);
        this.requests = requests;
        this.client = client;
        this.responses = responses;
    }

    @Override
    public KlaviyoEndpoint getEndpoint() {
        return (KlaviyoEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        client.checkCredentials(getEndpoint().getOperation().name(), getEndpoint().getOperation().client());
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<SimpleHttpResponse> response;
        try {
            KlaviyoRequest request = requests.create(exchange);
            LOG.debug("Klaviyo {}: {}", request.operation().name(), request);
            response = client.send(request);
        } catch (RuntimeException e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        // continue the route on a worker thread, never on the HTTP client's I/O thread
        response.whenCompleteAsync((answer, failure) -> {
            try {
                if (failure != null) {
                    exchange.setException(new KlaviyoConnectionException(getEndpoint().getOperation().name(),
                            failure instanceof CompletionException ? failure.getCause() : failure));
                } else {
                    responses.map(answer, exchange);
                }
            } catch (RuntimeException e) {
                exchange.setException(e);
            } finally {
                callback.done(false);
            }
        }, getEndpoint().getComponent().getResponseExecutor());
        return false;
    }
}
