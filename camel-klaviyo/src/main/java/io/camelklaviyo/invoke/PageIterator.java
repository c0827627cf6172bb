package io.camelklaviyo.invoke;

import java.io.Closeable;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import io.camelklaviyo.KlaviyoConnectionException;
import io.camelklaviyo.request.KlaviyoRequest;
import io.camelklaviyo.response.KlaviyoResponse;
import io.camelklaviyo.response.ResponseMapper;
import org.apache.camel.RuntimeCamelException;

/**
 * The records of a paginated operation, one page in memory at a time: the body of {@code pagination=STREAM}.
 * <p>
 * It holds the current page and the request of the next one. When the current page's records are consumed and there
 * is a next page, {@link #hasNext()} requests it and waits for it; the records of the page before are no longer
 * referenced by then. Nothing is requested ahead: page N+1 is asked for only once the route has taken the last record
 * of page N (and only if it asks for more).
 * <p>
 * <b>Why the consuming thread waits.</b> An {@link Iterator} answers {@code hasNext()} synchronously, and this is how
 * Camel's {@code split(body()).streaming()} pulls: it asks for the next record when it is ready for it, in the thread
 * that runs the split. Fetching pages ahead on another thread would not wait, but it would buffer pages the route has
 * not asked for, which is exactly what this mode exists to avoid, and it would keep requesting pages of a split that
 * stopped. So the fetch of each further page waits in the consuming thread, bounded by the endpoint's
 * {@code responseTimeout}. Only the first page, fetched by the producer, is awaited without blocking. The HTTP call
 * itself still completes on the component's response workers, so a route should not run more concurrent streams than
 * that pool has idle threads.
 * <p>
 * A page that fails ends the iteration with a {@link RuntimeCamelException} whose cause is the
 * {@code KlaviyoApiException} (an error status), {@code KlaviyoConnectionException} (no response, or none within the
 * timeout) or other failure. The failure counts as one more element: {@link #hasNext()} answers true and
 * {@link #next()} throws it; after that, {@code hasNext()} answers false. This matters because Camel's splitter looks
 * one element ahead (it calls {@code hasNext()} right after {@code next()} to know whether the element is the last),
 * so the page after page N is fetched when the split takes page N's last record, before processing it: the deferred
 * failure lets that record be processed before the split fails. Camel's splitter then fails the exchange, and an
 * {@code onException(KlaviyoApiException.class)} matches it by its cause.
 * <p>
 * <b>Stopping.</b> No page is fetched once the exchange that carries the stream has failed or was stopped (the
 * {@code abandoned} condition): when a split ends early ({@code stopOnException()}), Camel's splitter drains what is
 * left of its iterator to release it, and without this condition that would fetch every remaining page.
 * {@link #close()} (which the splitter calls when it is done) drops the current page and the next request too. Not
 * thread-safe: one consumer at a time, as a splitter is.
 */
public final class PageIterator implements Iterator<Object>, Closeable {

    private final Call call;
    private final ResponseMapper responses;
    private final long timeoutMillis;
    private final BooleanSupplier abandoned;

    private List<?> page = List.of();
    private int position;
    private KlaviyoRequest next;
    private RuntimeCamelException failure;
    private boolean failureThrown;
    private int pages;
    private long records;

    /**
     * @param abandoned true once the records are no longer wanted (the exchange failed or stopped): no page is fetched
     *                  after that
     */
    PageIterator(Call call, ResponseMapper responses, KlaviyoRequest first, KlaviyoResponse firstPage,
                 long timeoutMillis, BooleanSupplier abandoned) {
        this.call = call;
        this.responses = responses;
        this.timeoutMillis = timeoutMillis;
        this.abandoned = abandoned;
        accept(first, firstPage);
    }

    /**
     * True while records remain, or a failed page that {@link #next()} will throw; fetches the next page (waiting for
     * it up to the response timeout) when the current one is consumed.
     */
    @Override
    public boolean hasNext() {
        while (position >= page.size()) {
            if (failure != null) {
                return !failureThrown;
            }
            if (next == null) {
                return false;
            }
            if (abandoned.getAsBoolean()) {
                close();
                return false;
            }
            fetchNext();
        }
        return true;
    }

    /**
     * The next record, shaped for {@code responseType}.
     *
     * @throws RuntimeCamelException the next page failed; its cause is the failure
     */
    @Override
    public Object next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more Klaviyo records after " + records);
        }
        if (position >= page.size()) {
            failureThrown = true;
            throw failure;
        }
        Object record = page.get(position++);
        records++;
        return responses.shape(record);
    }

    /** Stops the iteration: drops the current page and fetches no further one. */
    @Override
    public void close() {
        page = List.of();
        position = 0;
        next = null;
    }

    /** The pages fetched so far, the first one included. */
    public int getPageCount() {
        return pages;
    }

    /** The records handed out so far. */
    public long getRecordCount() {
        return records;
    }

    /** Fetches the next page, waiting for it; a failure is kept for {@link #next()} to throw. */
    private void fetchNext() {
        KlaviyoRequest sent = next;
        next = null;
        // the consumed page may go while this one is awaited
        page = List.of();
        position = 0;
        CompletableFuture<KlaviyoResponse> answer = null;
        try {
            answer = call.call(sent);
            accept(sent, answer.get(timeoutMillis, TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.cancel(true);
            failed(sent, e);
        } catch (TimeoutException e) {
            answer.cancel(true);
            failed(sent, new KlaviyoConnectionException(sent.operation().name(),
                    new TimeoutException("no page within the response timeout of " + timeoutMillis + " ms")));
        } catch (ExecutionException | RuntimeException e) {
            failed(sent, Pages.unwrap(e));
        }
    }

    private void accept(KlaviyoRequest sent, KlaviyoResponse response) {
        List<?> received = Pages.records(response);
        KlaviyoRequest after = Pages.next(sent, response);
        pages++;
        page = received;
        position = 0;
        next = after;
    }

    private void failed(KlaviyoRequest sent, Throwable cause) {
        failure = new RuntimeCamelException("Klaviyo " + sent.operation().name() + ": page " + (pages + 1)
                                            + " of the stream failed after " + records + " records: "
                                            + cause.getMessage(),
                cause);
        page = List.of();
        next = null;
    }
}
