package io.camelklaviyo.consumer;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import io.camelklaviyo.invoke.Call;
import io.camelklaviyo.request.KlaviyoRequest;
import io.camelklaviyo.request.PageCursors;
import io.camelklaviyo.response.IncludedJoiner;
import io.camelklaviyo.response.KlaviyoResponse;

/**
 * Reads pages for the consumer through the endpoint's call chain (the same rate limiter and retries as the producer),
 * waiting for each in the consumer's own poll thread: no route thread ever waits here.
 */
final class PageReader {

    private final Call call;
    private final boolean joinIncluded;

    PageReader(Call call, boolean joinIncluded) {
        this.call = call;
        this.joinIncluded = joinIncluded;
    }

    /**
     * One page.
     *
     * @throws Exception the KlaviyoApiException or KlaviyoConnectionException of a failed call, or
     *                   InterruptedException when the consumer stops while it waits
     */
    KlaviyoResponse fetch(KlaviyoRequest request) throws Exception {
        CompletableFuture<KlaviyoResponse> answer = call.call(request);
        try {
            KlaviyoResponse page = answer.get();
            return joinIncluded ? IncludedJoiner.join(page) : page;
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof Exception failure) {
                throw failure;
            }
            throw e;
        }
    }

    /** The request of the page after this one, or null on the last page. */
    static KlaviyoRequest next(KlaviyoRequest request, KlaviyoResponse page) {
        String cursor = PageCursors.cursorInLink(page.nextLink());
        if (cursor == null) {
            return null;
        }
        if (cursor.equals(request.query().get(request.cursorParameter()))) {
            throw new IllegalStateException("Klaviyo answered " + request.operation().name()
                                            + " with a next link to the same page; stopping instead of looping");
        }
        return request.withQueryParameter(request.cursorParameter(), cursor);
    }

    /** The records of a page's data: its items, the one resource, or none. */
    static List<?> records(KlaviyoResponse page) {
        Object data = page.data();
        if (data instanceof List<?> list) {
            return list;
        }
        return data == null ? List.of() : List.of(data);
    }
}
