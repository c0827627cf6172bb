package io.camelklaviyo.invoke;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelklaviyo.KlaviyoBulkException;
import io.camelklaviyo.KlaviyoConstants;
import io.camelklaviyo.bulk.BulkResult;
import io.camelklaviyo.bulk.ChunkLimits;
import io.camelklaviyo.bulk.ChunkPlan;
import io.camelklaviyo.bulk.ChunkSequence;
import io.camelklaviyo.request.KlaviyoRequest;
import io.camelklaviyo.response.KlaviyoResponse;
import io.camelklaviyo.response.ResponseMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * A bulk operation with per-call limits: an input within them is one call, exactly as {@link SingleCall} makes it;
 * a larger one is split into compliant chunks sent one after the other, in order. The message then holds a
 * {@link BulkResult}; if any chunk failed, the exchange fails with a {@link KlaviyoBulkException} that carries it.
 */
public final class ChunkedCall implements OperationInvoker {

    private final Call call;
    private final ChunkLimits.Limit limit;
    private final ObjectMapper mapper;
    private final boolean failFast;
    private final ResponseMapper responses;
    private final SingleCall single;

    public ChunkedCall(Call call, ResponseMapper responses, ChunkLimits.Limit limit, ObjectMapper mapper,
                       boolean failFast) {
        this.call = call;
        this.responses = responses;
        this.limit = limit;
        this.mapper = mapper;
        this.failFast = failFast;
        this.single = new SingleCall(call, responses);
    }

    @Override
    public CompletableFuture<Void> invoke(KlaviyoRequest request, Exchange exchange) {
        String operation = request.operation().name();
        ChunkPlan plan;
        try {
            plan = ChunkPlan.of(operation, request.body(), limit, mapper);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (plan == null) {
            return single.invoke(request, exchange);
        }
        ChunkSequence chunks = new ChunkSequence(operation, plan,
                span -> call.call(request.withBody(plan.body(span))), failFast);
        return chunks.run().thenAccept(result -> {
            put(result, chunks.lastResponse(), exchange.getMessage());
            if (!result.succeeded()) {
                throw new CompletionException(new KlaviyoBulkException(result));
            }
        });
    }

    private void put(BulkResult result, KlaviyoResponse lastResponse, Message message) {
        if (lastResponse != null) {
            // status and rate-limit budget of the last call that went through
            responses.mapHeaders(lastResponse, message);
        }
        message.setHeader(KlaviyoConstants.OPERATION, result.operation());
        message.setHeader(KlaviyoConstants.CHUNK_COUNT, result.chunks().size());
        message.setHeader(KlaviyoConstants.FAILED_CHUNK_COUNT, result.failedChunks().size());
        message.setBody(result);
    }
}
