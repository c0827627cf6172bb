package io.camelklaviyo.bulk;

import java.util.List;

/**
 * What a bulk input split into chunks came to: every chunk's outcome in sending order, and item counts. The body of
 * the message after a chunked call, and the content of a {@code KlaviyoBulkException} when a chunk failed.
 */
public final class BulkResult {

    private final String operation;
    private final int totalItems;
    private final List<ChunkResult> chunks;

    public BulkResult(String operation, int totalItems, List<ChunkResult> chunks) {
        this.operation = operation;
        this.totalItems = totalItems;
        this.chunks = List.copyOf(chunks);
    }

    /** The canonical name of the operation called. */
    public String operation() {
        return operation;
    }

    /** Every chunk's outcome, in sending order. */
    public List<ChunkResult> chunks() {
        return chunks;
    }

    public List<ChunkResult> failedChunks() {
        return withStatus(ChunkResult.Status.FAILED);
    }

    /** The chunks not sent because an earlier one failed and failFast was set. */
    public List<ChunkResult> notSentChunks() {
        return withStatus(ChunkResult.Status.NOT_SENT);
    }

    public List<ChunkResult> succeededChunks() {
        return withStatus(ChunkResult.Status.SUCCEEDED);
    }

    /** True when every chunk succeeded. */
    public boolean succeeded() {
        return chunks.stream().allMatch(ChunkResult::isSucceeded);
    }

    /** The number of items of the whole input. */
    public int totalItems() {
        return totalItems;
    }

    public int succeededItems() {
        return items(succeededChunks());
    }

    public int failedItems() {
        return items(failedChunks());
    }

    public int notSentItems() {
        return items(notSentChunks());
    }

    private List<ChunkResult> withStatus(ChunkResult.Status status) {
        return chunks.stream().filter(chunk -> chunk.status() == status).toList();
    }

    private static int items(List<ChunkResult> chunks) {
        return chunks.stream().mapToInt(ChunkResult::itemCount).sum();
    }

    @Override
    public String toString() {
        return "BulkResult[" + operation + ": " + totalItems + " items in " + chunks.size() + " chunks; succeeded "
               + succeededChunks().size() + " (" + succeededItems() + " items), failed " + failedChunks().size()
               + " (" + failedItems() + " items), not sent " + notSentChunks().size() + " (" + notSentItems()
               + " items)]";
    }
}
