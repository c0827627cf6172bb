package io.camelklaviyo.invoke;

import java.util.concurrent.CompletableFuture;

import io.camelklaviyo.request.KlaviyoRequest;
import io.camelklaviyo.response.ResponseMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code pagination=STREAM}: the body becomes a lazy {@link PageIterator} of records, for
 * {@code split(body()).streaming()} over any number of records in the memory of one page.
 * <p>
 * The first page is fetched here like any call, without blocking: the exchange continues on a worker thread once it
 * has arrived. Every further page is fetched by the iterator when the route has consumed the records before it; see
 * {@link PageIterator} for why that one wait happens in the thread that consumes the records. The status and
 * rate-limit headers are those of the first page; the iterator counts pages and records as it goes. Once this
 * exchange has failed or was stopped, the iterator fetches no further page.
 */
public final class PageStream implements OperationInvoker {

    private final Call call;
    private final Call furtherPages;
    private final ResponseMapper responses;
    private final long pageTimeoutMillis;

    /**
     * @param call              fetches the first page
     * @param furtherPages      fetches a further page for the consuming thread that waits on it: it must complete
     *                          without a worker thread, since the waiting thread may hold the last one
     * @param pageTimeoutMillis how long the consuming thread waits for a further page (the endpoint's
     *                          requestTimeout, retries included, plus a margin)
     */
    public PageStream(Call call, Call furtherPages, ResponseMapper responses, long pageTimeoutMillis) {
        this.call = call;
        this.furtherPages = furtherPages;
        this.responses = responses;
        this.pageTimeoutMillis = pageTimeoutMillis;
    }

    @Override
    public CompletableFuture<Void> invoke(KlaviyoRequest request, Exchange exchange) {
        Message message = exchange.getMessage();
        return call.call(request).thenAccept(first -> {
            responses.mapHeaders(first, message);
            message.setBody(new PageIterator(furtherPages, responses, request, first, pageTimeoutMillis,
                    () -> exchange.getException() != null || exchange.isRouteStop() || exchange.isRollbackOnly()));
        });
    }
}
