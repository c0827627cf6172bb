package io.camelklaviyo.invoke;

import java.util.concurrent.CompletableFuture;

import io.camelklaviyo.request.KlaviyoRequest;
import io.camelklaviyo.response.ResponseMapper;
import org.apache.camel.Exchange;

/**
 * One request, one response on the message.
 */
public final class SingleCall implements OperationInvoker {

    private final Call call;
    private final ResponseMapper responses;

    public SingleCall(Call call, ResponseMapper responses) {
        this.call = call;
        this.responses = responses;
    }

    @Override
    public CompletableFuture<Void> invoke(KlaviyoRequest request, Exchange exchange) {
        return call.call(request).thenAccept(response -> responses.map(response, exchange.getMessage()));
    }
}
