package io.camelklaviyo.invoke;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.camelklaviyo.KlaviyoConstants;
import io.camelklaviyo.request.KlaviyoRequest;
import io.camelklaviyo.response.KlaviyoResponse;
import io.camelklaviyo.response.ResponseMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code pagination=ALL}: follows {@code links.next} from page to page and puts every record of every page into one
 * {@code List} on the message, each record shaped for {@code responseType}.
 * <p>
 * Each page is requested when the previous one has arrived, from the worker thread that received it: no thread waits.
 * A page that is already there when its future is returned (a call that answers at once) is handled in a loop rather
 * than by recursion, so that no number of pages grows the stack.
 * <p>
 * It stops after {@code maxPages} pages, or at the end of the page that brings the records to {@code maxResults}
 * (whole pages are kept, so that the list can exceed {@code maxResults} by less than one page and resuming loses
 * nothing). When it stops before the last page, {@link KlaviyoConstants#NEXT_PAGE_CURSOR} holds the cursor to resume
 * from and {@link KlaviyoConstants#TRUNCATED} is true. The status and rate-limit headers are those of the last page.
 */
public final class AllPages implements OperationInvoker {

    private static final Logger LOG = LoggerFactory.getLogger(AllPages.class);

    private final Call call;
    private final ResponseMapper responses;
    private final int maxPages;
    private final int maxResults;

    /**
     * @param maxPages   the most pages to fetch, 0 for no limit
     * @param maxResults the record count after which no further page is fetched, 0 for no limit
     */
    public AllPages(Call call, ResponseMapper responses, int maxPages, int maxResults) {
        this.call = call;
        this.responses = responses;
        this.maxPages = maxPages;
        this.maxResults = maxResults;
    }

    @Override
    public CompletableFuture<Void> invoke(KlaviyoRequest request, Exchange exchange) {
        Gathering gathering = new Gathering(exchange.getMessage());
        gathering.fetchFrom(request);
        return gathering.result;
    }

    /** The records of one exchange, gathered page by page. Touched by one thread at a time, one page after another. */
    private final class Gathering {

        private final Message message;
        private final List<Object> records = new ArrayList<>();
        private final CompletableFuture<Void> result = new CompletableFuture<>();
        private int pages;

        Gathering(Message message) {
            this.message = message;
        }

        /** Requests pages until one is not there yet, which continues the loop from its worker thread on arrival. */
        void fetchFrom(KlaviyoRequest first) {
            KlaviyoRequest next = first;
            while (next != null) {
                KlaviyoRequest sent = next;
                CompletableFuture<KlaviyoResponse> page;
                try {
                    page = call.call(sent);
                } catch (RuntimeException e) {
                    page = CompletableFuture.failedFuture(e);
                }
                if (!page.isDone()) {
                    page.whenComplete((response, failure) -> fetchFrom(received(sent, response, failure)));
                    return;
                }
                next = page.handle((response, failure) -> received(sent, response, failure)).join();
            }
        }

        /** Takes a page in; the request of the next page, or null when the result is complete (or failed). */
        private KlaviyoRequest received(KlaviyoRequest sent, KlaviyoResponse response, Throwable failure) {
            if (failure != null) {
                result.completeExceptionally(Pages.unwrap(failure));
                return null;
            }
            try {
                pages++;
                for (Object record : Pages.records(response)) {
                    records.add(responses.shape(record));
                }
                KlaviyoRequest next = Pages.next(sent, response);
                if (next == null) {
                    finish(sent, response, null);
                    return null;
                }
                if (maxPages > 0 && pages >= maxPages || maxResults > 0 && records.size() >= maxResults) {
                    finish(sent, response, next.query().get(next.cursorParameter()));
                    return null;
                }
                return next;
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                return null;
            }
        }

        private void finish(KlaviyoRequest sent, KlaviyoResponse last, String resumeCursor) {
            responses.mapHeaders(last, message);
            message.setHeader(KlaviyoConstants.PAGE_COUNT, pages);
            message.setHeader(KlaviyoConstants.RECORD_COUNT, records.size());
            message.setHeader(KlaviyoConstants.TRUNCATED, resumeCursor != null);
            if (resumeCursor != null) {
                message.setHeader(KlaviyoConstants.NEXT_PAGE_CURSOR, resumeCursor);
                LOG.warn("Klaviyo {}: stopped after {} pages and {} records (maxPages={}, maxResults={}); more pages"
                         + " remain, resume from the cursor in the {} header",
                        sent.operation().name(), pages, records.size(), maxPages, maxResults,
                        KlaviyoConstants.NEXT_PAGE_CURSOR);
            }
            message.setBody(records);
            result.complete(null);
        }
    }
}
