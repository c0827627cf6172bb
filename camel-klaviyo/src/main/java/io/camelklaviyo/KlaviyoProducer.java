package io.camelklaviyo;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.camelklaviyo.client.KlaviyoClient;
import io.camelklaviyo.health.KlaviyoProducerHealthCheck;
import io.camelklaviyo.invoke.BodyPreparation;
import io.camelklaviyo.invoke.OperationInvoker;
import io.camelklaviyo.request.KlaviyoRequest;
import io.camelklaviyo.request.RequestFactory;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultAsyncProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls Klaviyo for each exchange without blocking the calling thread: the request is built and checked, handed to
 * the endpoint's invoker, and the exchange continues on a worker thread once the result is on the message.
 */
public class KlaviyoProducer extends DefaultAsyncProducer {

    private static final Logger LOG = LoggerFactory.getLogger(KlaviyoProducer.class);

    private final RequestFactory requests;
    private final KlaviyoClient client;
    private final BodyPreparation preparation;
    private final OperationInvoker invoker;
    private final KlaviyoProducerHealthCheck healthCheck;
    private WritableHealthCheckRepository healthCheckRepository;

    /**
     * @param preparation a step that readies the body with calls of its own before the request is built, or null
     */
    public KlaviyoProducer(KlaviyoEndpoint endpoint, RequestFactory requests, KlaviyoClient client,
                           BodyPreparation preparation, OperationInvoker invoker) {
        this(endpoint, requests, client, preparation, invoker, null);
    }

    /**
     * @param healthCheck registered in Camel's producers health check repository while the producer runs, or null
     */
    public KlaviyoProducer(KlaviyoEndpoint endpoint, RequestFactory requests, KlaviyoClient client,
                           BodyPreparation preparation, OperationInvoker invoker,
                           KlaviyoProducerHealthCheck healthCheck) {
        super(endpoint);
        this.requests = requests;
        this.client = client;
        this.preparation = preparation;
        this.invoker = invoker;
        this.healthCheck = healthCheck;
    }

    @Override
    public KlaviyoEndpoint getEndpoint() {
        return (KlaviyoEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        client.checkCredentials(getEndpoint().getOperation().name(), getEndpoint().getOperation().client());
        // health checks are optional (camel-health): registered when Camel has a producers repository
        if (healthCheck != null) {
            healthCheckRepository = HealthCheckHelper.getHealthCheckRepository(getEndpoint().getCamelContext(),
                    "producers", WritableHealthCheckRepository.class);
            if (healthCheckRepository != null) {
                healthCheck.setEnabled(getEndpoint().getComponent().isHealthCheckProducerEnabled());
                healthCheckRepository.addHealthCheck(healthCheck);
            }
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheckRepository != null) {
            healthCheckRepository.removeHealthCheck(healthCheck);
            healthCheckRepository = null;
        }
        super.doStop();
    }

    /** The producer's health check, or null. */
    public KlaviyoProducerHealthCheck getHealthCheck() {
        return healthCheck;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<Void> result;
        try {
            result = preparation == null
                    ? invoke(exchange)
                    : preparation.prepare(exchange).thenCompose(prepared -> invoke(exchange));
        } catch (RuntimeException e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        if (result.isDone()) {
            complete(exchange, result);
            callback.done(true);
            return true;
        }
        result.whenComplete((ignored, failure) -> {
            complete(exchange, result);
            callback.done(false);
        });
        return false;
    }

    private CompletableFuture<Void> invoke(Exchange exchange) {
        KlaviyoRequest request = requests.create(exchange);
        LOG.debug("Klaviyo {}: {}", request.operation().name(), request);
        return invoker.invoke(request, exchange);
    }

    private static void complete(Exchange exchange, CompletableFuture<Void> result) {
        try {
            result.join();
        } catch (CompletionException e) {
            exchange.setException(e.getCause());
        } catch (RuntimeException e) {
            exchange.setException(e);
        }
    }
}
