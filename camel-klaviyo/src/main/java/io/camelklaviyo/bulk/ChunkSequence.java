package io.camelklaviyo.bulk;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

import io.camelklaviyo.response.KlaviyoResponse;

/**
 * Sends the chunks of a plan one after the other, in order, each once the previous one has finished (never two at
 * once, never blocking a thread), and records each chunk's outcome. After a failed chunk the next ones are still
 * sent, unless failFast: then they are recorded as not sent.
 */
public final class ChunkSequence {

    private final String operation;
    private final ChunkPlan plan;
    private final Function<ChunkSpan, CompletableFuture<KlaviyoResponse>> send;
    private final boolean failFast;
    private final List<ChunkResult> results = new ArrayList<>();
    private final CompletableFuture<BulkResult> done = new CompletableFuture<>();
    private int next;
    private boolean failed;
    private KlaviyoResponse lastResponse;

    /**
     * @param send sends one chunk; its future completes on a worker thread
     */
    public ChunkSequence(String operation, ChunkPlan plan, Function<ChunkSpan, CompletableFuture<KlaviyoResponse>> send,
                         boolean failFast) {
        this.operation = operation;
        this.plan = plan;
        this.send = send;
        this.failFast = failFast;
    }

    /** Starts sending; completes with every chunk's outcome once the last chunk has finished. */
    public CompletableFuture<BulkResult> run() {
        advance();
        return done;
    }

    /** The response of the last chunk that succeeded, or null; read once {@link #run()} has completed. */
    public KlaviyoResponse lastResponse() {
        return lastResponse;
    }

    // one chunk at a time: each step runs after the previous one's future completed, so the state is never shared
    private void advance() {
        try {
            while (next < plan.spans().size()) {
                ChunkSpan span = plan.spans().get(next++);
                if (failed && failFast) {
                    results.add(ChunkResult.notSent(span));
                    continue;
                }
                CompletableFuture<KlaviyoResponse> sent = sendSafely(span);
                if (!sent.isDone()) {
                    sent.whenComplete((response, failure) -> {
                        record(span, response, failure);
                        advance();
                    });
                    return;
                }
                // already finished (e.g. failed before any I/O): loop on, no recursion
                sent.whenComplete((response, failure) -> record(span, response, failure));
            }
            done.complete(new BulkResult(operation, plan.itemCount(), results));
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
    }

    private CompletableFuture<KlaviyoResponse> sendSafely(ChunkSpan span) {
        try {
            return send.apply(span);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void record(ChunkSpan span, KlaviyoResponse response, Throwable failure) {
        if (failure != null) {
            failed = true;
            results.add(ChunkResult.failed(span, failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure));
        } else {
            lastResponse = response;
            results.add(ChunkResult.succeeded(span, response.status(), response.document()));
        }
    }
}
