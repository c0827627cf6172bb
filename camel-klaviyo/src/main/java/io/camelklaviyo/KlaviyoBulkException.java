package io.camelklaviyo;

import java.util.List;

import io.camelklaviyo.bulk.BulkResult;
import io.camelklaviyo.bulk.ChunkResult;
import org.apache.camel.CamelException;

/**
 * Some chunks of a bulk input failed. Names each failed chunk, its items and its cause, and carries the whole
 * {@link BulkResult}: the chunks that succeeded (their items were written), failed, or were not sent (failFast).
 * The cause is the first failed chunk's.
 */
public class KlaviyoBulkException extends CamelException {

    private static final long serialVersionUID = 1L;
    private static final int LISTED = 10;

    private final transient BulkResult result;

    public KlaviyoBulkException(BulkResult result) {
        super(message(result), firstCause(result));
        this.result = result;
    }

    private static String message(BulkResult result) {
        List<ChunkResult> failed = result.failedChunks();
        StringBuilder text = new StringBuilder("Klaviyo ").append(result.operation()).append(": ")
                .append(failed.size()).append(" of ").append(result.chunks().size()).append(" chunks failed (")
                .append(result.failedItems()).append(" of ").append(result.totalItems()).append(" items); ")
                .append(result.succeededChunks().size()).append(" succeeded (").append(result.succeededItems())
                .append(" items)");
        if (!result.notSentChunks().isEmpty()) {
            text.append("; ").append(result.notSentChunks().size()).append(" not sent after the failure (failFast, ")
                    .append(result.notSentItems()).append(" items)");
        }
        for (ChunkResult chunk : failed.subList(0, Math.min(LISTED, failed.size()))) {
            text.append(". ").append(chunk.span().describe()).append(": ").append(chunk.failure().getMessage());
        }
        if (failed.size() > LISTED) {
            text.append(". ... and ").append(failed.size() - LISTED).append(" more failed chunks");
        }
        return text.toString();
    }

    private static Throwable firstCause(BulkResult result) {
        return result.failedChunks().isEmpty() ? null : result.failedChunks().get(0).failure();
    }

    /** Every chunk's outcome. */
    public BulkResult getResult() {
        return result;
    }

    /** The chunks that failed, each with its cause. */
    public List<ChunkResult> getFailedChunks() {
        return result.failedChunks();
    }
}
