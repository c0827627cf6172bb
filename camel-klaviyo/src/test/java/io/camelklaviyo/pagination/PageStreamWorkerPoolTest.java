package io.camelklaviyo.pagination;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.camelklaviyo.KlaviyoComponent;
import io.camelklaviyo.KlaviyoStandIn;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static io.camelklaviyo.pagination.PageStubs.threeProfilePages;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A streaming split waits in a worker thread for each further page. That wait must not need another worker: with a
 * one-thread pool, streams still complete instead of waiting out the response timeout.
 */
class PageStreamWorkerPoolTest extends KlaviyoStandIn {

    @Test
    void streamsCompleteWhenTheWaitingSplitHoldsTheOnlyWorker() throws Exception {
        threeProfilePages(klaviyo);
        AtomicInteger records = new AtomicInteger();
        context.stop();
        context = new DefaultCamelContext();
        component = new KlaviyoComponent();
        component.getConfiguration().setApiKey(API_KEY);
        component.getConfiguration().setBaseUrl(klaviyo.baseUrl());
        component.getConfiguration().setResponseTimeout(3_000);
        component.setWorkerPoolSize(1);
        context.addComponent("klaviyo", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:stream").to("klaviyo:profiles/list?pagination=STREAM")
                        .split(body()).streaming()
                        .process(e -> records.incrementAndGet());
            }
        });
        context.start();
        template = context.createProducerTemplate();

        List<CompletableFuture<Exchange>> streams = IntStream.range(0, 2)
                .mapToObj(i -> template.asyncSend("direct:stream", e -> {
                })).toList();

        for (CompletableFuture<Exchange> stream : streams) {
            Exchange done = stream.get(30, TimeUnit.SECONDS);
            assertThat(done.getException()).isNull();
        }
        assertThat(records.get()).isEqualTo(12);
        assertThat(klaviyo.getAllServeEvents()).hasSize(6);
    }
}
