package io.camelklaviyo.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelklaviyo.KlaviyoComponent;
import io.camelklaviyo.KlaviyoConstants;
import io.camelklaviyo.KlaviyoStandIn;
import io.camelklaviyo.operation.Operation;
import io.camelklaviyo.request.KlaviyoRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limiter as endpoints meet it: one per component, shared by its endpoints, per account; its budget in headers;
 * off with rateLimiting=false; replaceable with the rateLimiter option.
 */
class RateLimitedEndpointsTest extends KlaviyoStandIn {

    private static final Map<String, Object> NEW_LIST = Map.of("name", "Newsletter");

    private void answer() {
        klaviyo.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/vnd.api+json")
                .withBody("{\"data\":{\"type\":\"list\",\"id\":\"L1\",\"attributes\":{\"name\":\"Newsletter\"}}}")));
    }

    private Exchange send(String uri) {
        Exchange exchange = template.request(uri, e -> e.getMessage().setBody(NEW_LIST));
        assertThat(exchange.getException()).isNull();
        return exchange;
    }

    @Test
    void theClientSideBudgetIsInTheHeaders() {
        answer();

        // lists/create: 10/s, 150/m, 150/d; the component's first request. A new bucket gets the share of the open
        // second that is left, so the burst figure depends on the moment; the minute and the day start full
        Exchange created = send("klaviyo:lists/create");

        Map<String, Object> headers = created.getMessage().getHeaders();
        assertThat(headers).containsEntry(KlaviyoConstants.RATE_LIMIT_BUDGET_DAILY, 149L)
                .containsEntry(KlaviyoConstants.RATE_LIMIT_BUDGET_STEADY, 149L);
        assertThat((Long) headers.get(KlaviyoConstants.RATE_LIMIT_BUDGET_BURST)).isBetween(0L, 9L);
        assertThat(headers.get(KlaviyoConstants.RATE_LIMIT_BUDGET))
                .isEqualTo(headers.get(KlaviyoConstants.RATE_LIMIT_BUDGET_BURST));

        Exchange tags = template.request("klaviyo:tags/list", e -> {
        });
        assertThat((Long) tags.getMessage().getHeader(KlaviyoConstants.RATE_LIMIT_BUDGET_BURST)).isBetween(0L, 2L);
        assertThat(tags.getMessage().getHeader(KlaviyoConstants.RATE_LIMIT_BUDGET_STEADY)).isEqualTo(59L);
        assertThat(tags.getMessage().getHeaders()).doesNotContainKey(KlaviyoConstants.RATE_LIMIT_BUDGET_DAILY);
    }

    @Test
    void endpointsOfAComponentShareItsBudgetPerAccount() {
        answer();

        // the daily window: it does not roll over between the calls of a test (except at midnight UTC)
        Exchange first = send("klaviyo:lists/create");
        Exchange otherEndpoint = send("klaviyo:lists/create?responseFormat=DATA");
        Exchange byActionName = send("klaviyo:Create list");
        Exchange otherAccount = send("klaviyo:lists/create?apiKey=pk_other_account_0123456789");

        assertThat(first.getMessage().getHeader(KlaviyoConstants.RATE_LIMIT_BUDGET_DAILY)).isEqualTo(149L);
        assertThat(otherEndpoint.getMessage().getHeader(KlaviyoConstants.RATE_LIMIT_BUDGET_DAILY)).isEqualTo(148L);
        assertThat(byActionName.getMessage().getHeader(KlaviyoConstants.RATE_LIMIT_BUDGET_DAILY)).isEqualTo(147L);
        assertThat(otherAccount.getMessage().getHeader(KlaviyoConstants.RATE_LIMIT_BUDGET_DAILY))
                .as("another private key, another account").isEqualTo(149L);
    }

    @Test
    void rateLimitingCanBeSwitchedOff() throws Exception {
        answer();
        CamelContext camel = new DefaultCamelContext();
        KlaviyoComponent unlimited = new KlaviyoComponent();
        unlimited.setRateLimiting(false);
        unlimited.getConfiguration().setApiKey(API_KEY);
        unlimited.getConfiguration().setBaseUrl(klaviyo.baseUrl());
        camel.addComponent("klaviyo", unlimited);
        camel.start();
        try {
            // accounts/list: 1/s; ten requests would take nine seconds with the limiter
            long start = System.nanoTime();
            List<CompletableFuture<Exchange>> sent = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                sent.add(camel.createProducerTemplate().asyncSend("klaviyo:accounts/list", e -> {
                }));
            }
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            assertThat(klaviyo.findAll(anyRequestedFor(anyUrl()))).hasSize(10);
            for (CompletableFuture<Exchange> exchange : sent) {
                assertThat(exchange.get().getException()).isNull();
                assertThat(exchange.get().getMessage().getHeaders()).doesNotContainKeys(
                        KlaviyoConstants.RATE_LIMIT_BUDGET, KlaviyoConstants.RATE_LIMIT_BUDGET_BURST,
                        KlaviyoConstants.RATE_LIMIT_BUDGET_STEADY, KlaviyoConstants.RATE_LIMIT_BUDGET_DAILY);
            }
        } finally {
            camel.stop();
        }
    }

    @Test
    void aRateLimiterBeanReplacesTheBuiltInOne() throws Exception {
        answer();
        List<String> asked = new ArrayList<>();
        KlaviyoRateLimiter counting = new KlaviyoRateLimiter() {
            @Override
            public CompletableFuture<RateLimitBudget> acquire(String account, Operation operation,
                                                               KlaviyoRequest request) {
                asked.add(account + " " + operation.name());
                return CompletableFuture.completedFuture(new RateLimitBudget(7, 70, 700L));
            }

            @Override
            public RateLimitBudget budget(String account, Operation operation, KlaviyoRequest request) {
                return null;
            }
        };
        CamelContext camel = new DefaultCamelContext();
        // autowired: the single KlaviyoRateLimiter of the registry
        camel.getRegistry().bind("sharedLimiter", counting);
        KlaviyoComponent withBean = new KlaviyoComponent();
        withBean.getConfiguration().setApiKey(API_KEY);
        withBean.getConfiguration().setPublicKey(PUBLIC_KEY);
        withBean.getConfiguration().setBaseUrl(klaviyo.baseUrl());
        camel.addComponent("klaviyo", withBean);
        camel.start();
        try {
            Exchange exchange = camel.createProducerTemplate().request("klaviyo:lists/create",
                    e -> e.getMessage().setBody(NEW_LIST));
            camel.createProducerTemplate().request("klaviyo:client-reviews/list", e -> {
            });

            assertThat(withBean.getRateLimiter()).isSameAs(counting);
            assertThat(exchange.getMessage().getHeader(KlaviyoConstants.RATE_LIMIT_BUDGET)).isEqualTo(7L);
            assertThat(asked).containsExactly(
                    "private-key:" + RateLimitAccount.fingerprint(API_KEY) + " lists/create",
                    "public-key:" + PUBLIC_KEY + " client-reviews/list");
            assertThat(String.join(" ", asked)).doesNotContain(API_KEY);
        } finally {
            camel.stop();
        }
    }

    @Test
    void stoppingTheComponentFailsTheRequestsStillWaiting() throws Exception {
        answer();
        // accounts/list: 1/s. After the first request, of two more at least one waits for a second boundary but one
        send("klaviyo:accounts/list");
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            sent.add(template.asyncSend("klaviyo:accounts/list", e -> {
            }));
        }
        Thread.sleep(200);
        Instant stopping = Instant.now();
        context.getShutdownStrategy().setTimeout(1);
        context.stop();

        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertThat(sent).anySatisfy(exchange -> assertThat(exchange.get().getException())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("rate limiter is closed"));
        assertThat(Duration.between(stopping, Instant.now())).isLessThan(Duration.ofSeconds(5));
    }
}
