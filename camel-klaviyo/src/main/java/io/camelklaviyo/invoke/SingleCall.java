package io.camelklaviyo.invoke;

import java.util.concurrent.CompletableFuture;

import io.camelklaviyo.client.KlaviyoClient;
import io.camelklaviyo.request.KlaviyoRequest;
import io.camelklaviyo.response.ResponseMapper;
import org.apache.camel.Exchange;

/**
 * One request, one response on the message.
 */
public final class SingleCall implements OperationInvoker {

    private final KlaviyoClient client;
    private final ResponseMapper responses;

    public SingleCall(KlaviyoClient client, ResponseMapper responses) {
        this.client = client;
        this.responses = responses;
    }

    @Override
    public CompletableFuture<Void> invoke(KlaviyoRequest request, Exchange exchange) {
        return client.call(request).thenAccept(response -> responses.map(response, exchange.getMessage()));
    }
}
