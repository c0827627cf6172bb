package io.camelklaviyo.producer;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import io.camelklaviyo.KlaviyoComponent;
import io.camelklaviyo.KlaviyoStandIn;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

class AsyncProducerTest extends KlaviyoStandIn {

    @Test
    void theCallingThreadIsReleasedBeforeTheResponseArrives() throws Exception {
        klaviyo.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"data\":[]}")
                .withFixedDelay(300)));
        AsyncProducer producer = context.getEndpoint("klaviyo:profiles/list").createAsyncProducer();
        producer.start();
        Exchange exchange = new DefaultExchange(context);
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<Boolean> doneSync = new AtomicReference<>();

        boolean completedSynchronously = producer.process(exchange, sync -> {
            doneSync.set(sync);
            done.countDown();
        });

        assertThat(completedSynchronously).isFalse();
        assertThat(done.getCount()).as("callback not yet called when process returns").isEqualTo(1);
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(doneSync.get()).isFalse();
        assertThat(exchange.getException()).isNull();
        producer.stop();
    }

    @Test
    void theRouteContinuesOnAComponentWorkerThreadNotOnTheHttpIoThread() throws Exception {
        klaviyo.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"data\":[]}")));
        AtomicReference<String> threadAfterCall = new AtomicReference<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:start").to("klaviyo:profiles/list")
                        .process(e -> threadAfterCall.set(Thread.currentThread().getName()));
            }
        });

        template.requestBody("direct:start", (Object) null);

        assertThat(threadAfterCall.get()).contains("KlaviyoWorker").doesNotContain("dispatch");
    }

    @Test
    void aSaturatedWorkerPoolNeverPushesTheRouteOntoTheHttpIoThreads() throws Exception {
        klaviyo.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"data\":[]}")));
        context.stop();
        context = new DefaultCamelContext();
        component = new KlaviyoComponent();
        component.getConfiguration().setApiKey(API_KEY);
        component.getConfiguration().setBaseUrl(klaviyo.baseUrl());
        component.setWorkerPoolSize(2);
        context.addComponent("klaviyo", component);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:slow").to("klaviyo:profiles/list").process(e -> {
                    threads.add(Thread.currentThread().getName());
                    Thread.sleep(50);
                });
            }
        });
        context.start();
        template = context.createProducerTemplate();

        List<CompletableFuture<Exchange>> sent = IntStream.range(0, 30)
                .mapToObj(i -> template.asyncSend("direct:slow", e -> {
                })).toList();
        for (CompletableFuture<Exchange> exchange : sent) {
            assertThat(exchange.get(30, TimeUnit.SECONDS).getException()).isNull();
        }

        assertThat(threads).isNotEmpty().allSatisfy(name -> assertThat(name).contains("KlaviyoWorker"));
    }

    @Test
    void aProducerCreatedBeforeTheComponentStartsWorksOnceItHas() throws Exception {
        klaviyo.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"data\":[]}")));
        CamelContext fresh = new DefaultCamelContext();
        KlaviyoComponent early = new KlaviyoComponent();
        early.getConfiguration().setApiKey(API_KEY);
        early.getConfiguration().setBaseUrl(klaviyo.baseUrl());
        fresh.addComponent("klaviyo", early);
        Producer producer = fresh.getEndpoint("klaviyo:profiles/list").createProducer();
        try {
            fresh.start();
            producer.start();
            Exchange exchange = new DefaultExchange(fresh);

            producer.process(exchange);

            assertThat(exchange.getException()).isNull();
            assertThat(exchange.getMessage().getHeader("CamelKlaviyoHttpStatus")).isEqualTo(200);
        } finally {
            producer.stop();
            fresh.stop();
        }
    }

    @Test
    void anInvalidRequestCompletesSynchronouslyWithoutIo() throws Exception {
        AsyncProducer producer = context.getEndpoint("klaviyo:profiles/get").createAsyncProducer();
        producer.start();
        Exchange exchange = new DefaultExchange(context);

        boolean completedSynchronously = producer.process(exchange, sync -> {
        });

        assertThat(completedSynchronously).isTrue();
        assertThat(exchange.getException()).hasMessageContaining("needs the id");
        assertThat(klaviyo.getAllServeEvents()).isEmpty();
        producer.stop();
    }
}
