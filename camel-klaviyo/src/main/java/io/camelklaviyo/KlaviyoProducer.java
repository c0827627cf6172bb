package io.camelklaviyo;

import io.camelklaviyo.client.KlaviyoClient;
import io.camelklaviyo.request.KlaviyoRequest;
import io.camelklaviyo.request.RequestFactory;
import io.camelklaviyo.response.ResponseMapper;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;
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
        KlaviyoRequest request;
        try {
            request = requests.create(exchange);
        } catch (RuntimeException e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        LOG.debug("Klaviyo {}: {}", request.operation().name(), request);
        client.send(request).whenComplete((response, failure) -> {
            try {
                if (failure != null) {
                    exchange.setException(failure);
                } else {
                    responses.map(response, exchange);
                }
            } catch (RuntimeException e) {
                exchange.setException(e);
            } finally {
                callback.done(false);
            }
        });
        return false;
    }
}
