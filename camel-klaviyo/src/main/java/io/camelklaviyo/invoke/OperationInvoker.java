package io.camelklaviyo.invoke;

import java.util.concurrent.CompletableFuture;

import io.camelklaviyo.request.KlaviyoRequest;
import org.apache.camel.Exchange;

/**
 * What an endpoint does with an exchange's request: one call, or a workflow of calls (all pages, chunks, a job
 * awaited), ending with the result on the exchange's message. Never blocks: the future completes on a worker thread.
 */
public interface OperationInvoker {

    /**
     * @return completes when the message holds the result, or fails with the reason the exchange failed
     */
    CompletableFuture<Void> invoke(KlaviyoRequest request, Exchange exchange);
}
