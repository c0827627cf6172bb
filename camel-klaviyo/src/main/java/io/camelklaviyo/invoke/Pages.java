package io.camelklaviyo.invoke;

import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import io.camelklaviyo.request.KlaviyoRequest;
import io.camelklaviyo.request.PageCursors;
import io.camelklaviyo.response.KlaviyoResponse;

/**
 * What {@link AllPages} and {@link PageStream} share: the records of a page and the request of the next one.
 */
final class Pages {

    private Pages() {
    }

    /** The records of a page: the document's {@code data} list, a single resource as a list of one, or none. */
    static List<?> records(KlaviyoResponse response) {
        Object data = response.data();
        if (data instanceof List<?> list) {
            return list;
        }
        return data == null ? List.of() : List.of(data);
    }

    /**
     * The request of the page after {@code sent}: the same request with the cursor of its {@code links.next}.
     * Klaviyo's next link carries every parameter of the first request, so re-issuing that request with the new
     * cursor asks for the same page; it keeps the request's body (the reporting POSTs page too) and path.
     *
     * @return the next request, or null when {@code response} is the last page
     */
    static KlaviyoRequest next(KlaviyoRequest sent, KlaviyoResponse response) {
        String cursor = nextCursor(response);
        if (cursor == null) {
            return null;
        }
        if (cursor.equals(sent.query().get(sent.cursorParameter()))) {
            // a page pointing to itself would be followed for ever
            throw new IllegalStateException("Klaviyo " + sent.operation().name()
                                            + " answered a page whose next link repeats its own cursor " + cursor);
        }
        return sent.withQueryParameter(sent.cursorParameter(), cursor);
    }

    /** The bare cursor of a page's {@code links.next}, or null on the last page. */
    static String nextCursor(KlaviyoResponse response) {
        String next = response.nextLink();
        return next == null ? null : PageCursors.cursorOf(next);
    }

    /** The failure itself, out of the wrappers a future puts around it. */
    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
               && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
