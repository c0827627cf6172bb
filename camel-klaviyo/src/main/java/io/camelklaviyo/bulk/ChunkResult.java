package io.camelklaviyo.bulk;

import java.util.Collections;
import java.util.Map;

/**
 * The outcome of one chunk of a bulk input.
 *
 * @param span       which chunk and which of the input's items it carried
 * @param status     whether it succeeded, failed or was not sent
 * @param httpStatus Klaviyo's status for a succeeded chunk (for an awaited job: of the last job poll), else null
 * @param response   Klaviyo's response document of a succeeded chunk (for an awaited job: the final job), or null
 *                   (a 202 or 204 without body, a failed or unsent chunk)
 * @param failure    why a failed chunk failed (a KlaviyoApiException, KlaviyoJobException, ...), else null
 */
public record ChunkResult(ChunkSpan span, Status status, Integer httpStatus, Map<String, Object> response,
        Throwable failure) {

    /** What became of a chunk. */
    public enum Status {
        SUCCEEDED,
        FAILED,
        /** not sent, because an earlier chunk failed and failFast was set */
        NOT_SENT
    }

    public ChunkResult {
        response = response == null ? null : Collections.unmodifiableMap(response);
    }

    static ChunkResult succeeded(ChunkSpan span, int httpStatus, Map<String, Object> response) {
        return new ChunkResult(span, Status.SUCCEEDED, httpStatus, response, null);
    }

    static ChunkResult failed(ChunkSpan span, Throwable failure) {
        return new ChunkResult(span, Status.FAILED, null, null, failure);
    }

    static ChunkResult notSent(ChunkSpan span) {
        return new ChunkResult(span, Status.NOT_SENT, null, null, null);
    }

    /** The chunk's position, from 0. */
    public int index() {
        return span.index();
    }

    /** The index, from 0, of the chunk's first item in the input. */
    public int firstItem() {
        return span.firstItem();
    }

    public int itemCount() {
        return span.itemCount();
    }

    public boolean isSucceeded() {
        return status == Status.SUCCEEDED;
    }

    public boolean isFailed() {
        return status == Status.FAILED;
    }

    @Override
    public String toString() {
        return span.describe() + ": " + status
               + (failure == null ? "" : " - " + failure.getMessage())
               + (httpStatus == null ? "" : " (HTTP " + httpStatus + ")");
    }
}
