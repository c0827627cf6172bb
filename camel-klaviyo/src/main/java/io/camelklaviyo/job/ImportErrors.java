package io.camelklaviyo.job;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.camelklaviyo.invoke.Call;
import io.camelklaviyo.operation.Operation;
import io.camelklaviyo.request.KlaviyoRequest;
import io.camelklaviyo.request.PageCursors;
import io.camelklaviyo.response.KlaviyoResponse;

/**
 * Reads every error of a completed profile import job ({@code get_errors_for_bulk_import_profiles_job}), following
 * {@code links.next} page by page. A throttled or failed page read is tried again on the next tick until the job's
 * deadline, like a job poll.
 */
final class ImportErrors {

    private final Call call;
    private final Operation errorsOperation;
    private final PollTimer timer;
    private final List<Map<String, Object>> errors = new ArrayList<>();
    private final Set<String> cursors = new HashSet<>();
    private final CompletableFuture<List<Map<String, Object>>> done = new CompletableFuture<>();

    ImportErrors(Call call, Operation errorsOperation, PollTimer timer) {
        this.call = call;
        this.errorsOperation = errorsOperation;
        this.timer = timer;
    }

    /**
     * Completes with the error resources of all pages, in order; fails with the cause of a page that cannot be read.
     */
    CompletableFuture<List<Map<String, Object>>> fetch(String jobId) {
        KlaviyoRequest first = KlaviyoRequest.of(errorsOperation, jobId, Map.of(), null, null);
        if (errorsOperation.pageSize() != null) {
            // the largest pages: the fewest calls
            first = first.withQueryParameter("page[size]", String.valueOf(errorsOperation.pageSize().max()));
        }
        read(first);
        return done;
    }

    private void read(KlaviyoRequest page) {
        CompletableFuture<KlaviyoResponse> sent;
        try {
            sent = call.call(page);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((response, failure) -> {
            try {
                if (failure != null) {
                    retry(page, PollTimer.unwrap(failure));
                } else {
                    collect(response);
                    next(page, response.nextLink());
                }
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
    }

    private void retry(KlaviyoRequest page, Throwable cause) {
        if (PollTimer.isTransient(cause) && !timer.expired()) {
            timer.schedule(() -> read(page), cause);
        } else {
            done.completeExceptionally(cause);
        }
    }

    @SuppressWarnings("unchecked")
    private void collect(KlaviyoResponse response) {
        if (response.data() instanceof List<?> data) {
            for (Object error : data) {
                if (error instanceof Map<?, ?> resource) {
                    errors.add((Map<String, Object>) resource);
                }
            }
        }
    }

    private void next(KlaviyoRequest page, String nextLink) {
        String cursor = nextLink == null ? null : PageCursors.cursorOf(nextLink);
        if (cursor == null || !cursors.add(cursor)) {
            // the last page, or a cursor seen before (it would loop)
            done.complete(List.copyOf(errors));
        } else {
            read(page.withQueryParameter(page.cursorParameter(), cursor));
        }
    }
}
