package io.camelklaviyo.pagination;

import java.io.Closeable;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelklaviyo.KlaviyoApiException;
import io.camelklaviyo.KlaviyoConnectionException;
import io.camelklaviyo.KlaviyoConstants;
import io.camelklaviyo.KlaviyoStandIn;
import io.camelklaviyo.invoke.PageIterator;
import org.apache.camel.Exchange;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.util.ObjectHelper;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.camelklaviyo.pagination.PageStubs.PROFILES;
import static io.camelklaviyo.pagination.PageStubs.profilePage;
import static io.camelklaviyo.pagination.PageStubs.stub;
import static io.camelklaviyo.pagination.PageStubs.stubError;
import static io.camelklaviyo.pagination.PageStubs.stubPage;
import static io.camelklaviyo.pagination.PageStubs.threeProfilePages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageStreamTest extends KlaviyoStandIn {

    /** What the split saw of each record: its id, and how many pages had been requested when it was processed. */
    private record Seen(Object id, int requestsSoFar) {
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    private void streamingRoute(String endpoint) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:stream")
                        .to(endpoint)
                        .split(body()).streaming()
                            .process(e -> seen.add(new Seen(e.getMessage().getBody(Map.class).get("id"),
                                    klaviyo.getAllServeEvents().size())))
                        .end();
            }
        });
    }

    @Test
    void aStreamingSplitGetsEveryRecordOfEveryPageInOrder() throws Exception {
        threeProfilePages(klaviyo);
        streamingRoute("klaviyo:profiles/list?pagination=STREAM&pageSize=2");

        Exchange result = template.request("direct:stream", e -> {
        });

        assertThat(result.getException()).isNull();
        assertThat(seen).extracting(Seen::id).containsExactly("P1", "P2", "P3", "P4", "P5", "P6");
        assertThat(klaviyo.getAllServeEvents()).hasSize(3);
    }

    @Test
    void theSplitRequestsEachPageOnlyWhenItHasTakenThePreviousOne() throws Exception {
        threeProfilePages(klaviyo);
        streamingRoute("klaviyo:profiles/list?pagination=STREAM");

        template.request("direct:stream", e -> {
        });

        // Camel's splitter looks one record ahead (hasNext() right after next(), to flag the last record), so page
        // N+1 is requested when the split takes the last record of page N, and never before: while the first
        // record of page N is processed, only N pages have been asked for
        assertThat(seen).containsExactly(new Seen("P1", 1), new Seen("P2", 2), new Seen("P3", 2), new Seen("P4", 3),
                new Seen("P5", 3), new Seen("P6", 3));
        assertThat(requests()).isEqualTo(3);
    }

    @Test
    void theIteratorFetchesTheNextPageOnlyWhenAskedPastTheCurrentOne() {
        threeProfilePages(klaviyo);

        Exchange result = template.request("klaviyo:profiles/list?pagination=STREAM", e -> {
        });
        Iterator<?> records = result.getMessage().getBody(Iterator.class);

        assertThat(result.getMessage().getHeader(KlaviyoConstants.RATE_LIMIT_REMAINING)).isEqualTo(99);
        assertThat(result.getMessage().getHeader(KlaviyoConstants.NEXT_PAGE_CURSOR)).isNull();
        assertThat(requests()).isEqualTo(1);
        assertThat(id(records.next())).isEqualTo("P1");
        assertThat(id(records.next())).isEqualTo("P2");
        assertThat(requests()).isEqualTo(1);
        assertThat(records.hasNext()).isTrue();
        assertThat(requests()).isEqualTo(2);
        assertThat(records.hasNext()).isTrue();
        assertThat(requests()).isEqualTo(2);
        assertThat(id(records.next())).isEqualTo("P3");
        assertThat(id(records.next())).isEqualTo("P4");
        assertThat(requests()).isEqualTo(2);
        assertThat(id(records.next())).isEqualTo("P5");
        assertThat(requests()).isEqualTo(3);
        assertThat(id(records.next())).isEqualTo("P6");
        assertThat(records.hasNext()).isFalse();
        assertThat(requests()).isEqualTo(3);
        assertThat(((PageIterator) records).getPageCount()).isEqualTo(3);
        assertThat(((PageIterator) records).getRecordCount()).isEqualTo(6);
    }

    @Test
    void emptyPagesInBetweenAreSkipped() {
        stubPage(klaviyo, PROFILES, null, profilePage(PROFILES, "C2", "P1"), 99);
        stubPage(klaviyo, PROFILES, "C2", profilePage(PROFILES, "C3"), 98);
        stubPage(klaviyo, PROFILES, "C3", profilePage(PROFILES, null, "P3"), 97);

        Iterator<?> records = template.requestBody("klaviyo:profiles/list?pagination=STREAM", null, Iterator.class);

        assertThat(id(records.next())).isEqualTo("P1");
        assertThat(id(records.next())).isEqualTo("P3");
        assertThat(records.hasNext()).isFalse();
    }

    @Test
    void closingTheIteratorFetchesNoFurtherPage() throws Exception {
        threeProfilePages(klaviyo);

        Iterator<?> records = template.requestBody("klaviyo:profiles/list?pagination=STREAM", null, Iterator.class);
        records.next();
        ((Closeable) records).close();

        assertThat(records.hasNext()).isFalse();
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void aFailedSecondPageFailsTheSplitWithKlaviyosError() throws Exception {
        stubPage(klaviyo, PROFILES, null, profilePage(PROFILES, "C2", "P1", "P2"), 99);
        stubError(klaviyo, PROFILES, "C2", 400);
        streamingRoute("klaviyo:profiles/list?pagination=STREAM");

        Exchange result = template.request("direct:stream", e -> {
        });

        assertThat(seen).extracting(Seen::id).containsExactly("P1", "P2");
        assertThat(result.getException()).isNotNull();
        KlaviyoApiException cause = ObjectHelper.getException(KlaviyoApiException.class, result.getException());
        assertThat(cause).isNotNull();
        assertThat(cause.getStatusCode()).isEqualTo(400);
    }

    @Test
    void onExceptionMatchesKlaviyosErrorByItsCause() throws Exception {
        stubPage(klaviyo, PROFILES, null, profilePage(PROFILES, "C2", "P1"), 99);
        stubError(klaviyo, PROFILES, "C2", 400);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(KlaviyoApiException.class).handled(true).setBody(constant("handled"));
                from("direct:handled")
                        .to("klaviyo:profiles/list?pagination=STREAM")
                        .split(body()).streaming()
                            .process(e -> seen.add(new Seen(e.getMessage().getBody(Map.class).get("id"), 0)))
                        .end();
            }
        });

        Exchange result = template.request("direct:handled", e -> {
        });

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody()).isEqualTo("handled");
        assertThat(seen).extracting(Seen::id).containsExactly("P1");
    }

    @Test
    void aSplitThatStopsFetchesNoFurtherPage() throws Exception {
        threeProfilePages(klaviyo);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:stopping")
                        .to("klaviyo:profiles/list?pagination=STREAM")
                        .split(body()).streaming().stopOnException()
                            .throwException(new IllegalStateException("stop here"))
                        .end();
            }
        });

        Exchange result = template.request("direct:stopping", e -> {
        });

        assertThat(result.getException()).hasRootCauseMessage("stop here");
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void theIteratorThrowsTheFailureOfAPageAsItsNextElement() {
        stubPage(klaviyo, PROFILES, null, profilePage(PROFILES, "C2", "P1"), 99);
        stubError(klaviyo, PROFILES, "C2", 400);

        Iterator<?> records = template.requestBody("klaviyo:profiles/list?pagination=STREAM", null, Iterator.class);
        records.next();

        // the failed page counts as one more element: next() throws it, and that ends the iteration
        assertThat(records.hasNext()).isTrue();
        assertThatThrownBy(records::next).isInstanceOf(RuntimeCamelException.class)
                .hasMessageContaining("page 2")
                .cause().isInstanceOf(KlaviyoApiException.class);
        assertThat(records.hasNext()).isFalse();
        assertThat(requests()).isEqualTo(2);
    }

    @Test
    void aPageThatDoesNotArriveWithinTheResponseTimeoutFailsTheIteration() {
        stubPage(klaviyo, PROFILES, null, profilePage(PROFILES, "C2", "P1"), 99);
        stub(klaviyo, PROFILES, "C2", aResponse().withStatus(200).withFixedDelay(3_000)
                .withBody(profilePage(PROFILES, null, "P2")));

        // maxRetries=0: a GET that timed out is otherwise retried, and this is about the one page that does not come
        Iterator<?> records = template.requestBody(
                "klaviyo:profiles/list?pagination=STREAM&responseTimeout=300&maxRetries=0", null, Iterator.class);
        records.next();

        long start = System.nanoTime();
        assertThat(records.hasNext()).isTrue();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_500);
        assertThatThrownBy(records::next).isInstanceOf(RuntimeCamelException.class)
                .cause().isInstanceOf(KlaviyoConnectionException.class);
    }

    private int requests() {
        return klaviyo.getAllServeEvents().size();
    }

    private static Object id(Object record) {
        return ((Map<?, ?>) record).get("id");
    }
}
