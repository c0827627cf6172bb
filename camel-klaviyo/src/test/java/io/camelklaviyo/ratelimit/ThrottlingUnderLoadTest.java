package io.camelklaviyo.ratelimit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelklaviyo.KlaviyoComponent;
import io.camelklaviyo.KlaviyoConstants;
import io.camelklaviyo.KlaviyoStandIn;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Throttling under load: 2,000 exchanges sent at once to an XL operation (catalog-items/list: 350/s, 3,500/m) of a
 * stand-in that answers 429 to every request over a fixed wall-clock window, as Klaviyo does. The limiter alone must
 * keep every window within the limit: the stand-in sends no 429 (so no retry policy can have hidden one), every
 * exchange completes with a 200, and the windows are used, not just respected.
 * <p>
 * Reproduce (the numbers: docs/reliability.md, "Rate limits"):
 * {@code ./mvnw -B -q -pl camel-klaviyo test -Dtest=ThrottlingUnderLoadTest -Dsurefire.failIfNoSpecifiedTests=false}
 */
class ThrottlingUnderLoadTest {

    private static final int EXCHANGES = 2_000;
    private static final int BURST = 350;
    private static final int STEADY = 3_500;

    @Test
    void twoThousandConcurrentExchangesWithoutA429() throws Exception {
        try (WindowEnforcingStandIn standIn = new WindowEnforcingStandIn("/api/catalog-items", BURST, STEADY)) {
            CamelContext camel = new DefaultCamelContext();
            KlaviyoComponent component = new KlaviyoComponent();
            component.getConfiguration().setApiKey(KlaviyoStandIn.API_KEY);
            component.getConfiguration().setBaseUrl(standIn.baseUrl());
            camel.addComponent("klaviyo", component);
            camel.start();
            try {
                ProducerTemplate producer = camel.createProducerTemplate();
                warmUp(producer);
                long start = System.nanoTime();
                List<CompletableFuture<Exchange>> exchanges = new ArrayList<>(EXCHANGES);
                for (int i = 0; i < EXCHANGES; i++) {
                    exchanges.add(producer.asyncSend("klaviyo:catalog-items/list", e -> {
                    }));
                }
                CompletableFuture.allOf(exchanges.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
                double seconds = (System.nanoTime() - start) / 1e9;

                int ok = 0;
                for (CompletableFuture<Exchange> exchange : exchanges) {
                    Exchange done = exchange.get();
                    assertThat(done.getException()).as("no exchange failed (no 429 reached the route)").isNull();
                    if (Integer.valueOf(200).equals(done.getMessage().getHeader(KlaviyoConstants.HTTP_STATUS))) {
                        ok++;
                    }
                }
                Map<Long, Integer> perSecond = standIn.perSecond();
                List<Integer> windows = new ArrayList<>(perSecond.values());
                // the full windows: all but the first (entered mid-second) and the last (the remainder)
                List<Integer> full = windows.size() > 2 ? windows.subList(1, windows.size() - 1) : List.of();
                double fullWindowUse = full.stream().mapToInt(Integer::intValue).average().orElse(0) / BURST;
                System.out.printf("ThrottlingUnderLoadTest: %d exchanges, %d OK, %d throttled (429) by the stand-in,"
                                  + " %.2f s, %.0f requests/s overall = %.0f%% of the %d/s burst limit; requests per"
                                  + " wall-clock second at the stand-in %s; full windows used %.1f%% of %d%n",
                        EXCHANGES, ok, standIn.throttled(), seconds, EXCHANGES / seconds,
                        100 * EXCHANGES / seconds / BURST, BURST, windows, 100 * fullWindowUse, BURST);

                assertThat(standIn.throttled()).as("429s the stand-in sent").isZero();
                assertThat(ok).as("exchanges completed with 200").isEqualTo(EXCHANGES);
                assertThat(windows).as("requests per wall-clock second").allMatch(n -> n <= BURST);
                assertThat(windows.stream().mapToInt(Integer::intValue).sum()).isEqualTo(EXCHANGES);
                assertThat(fullWindowUse).as("share of the burst limit the full windows used").isGreaterThan(0.9);
            } finally {
                camel.stop();
            }
        }
    }

    /**
     * Connections opened, classes loaded and code compiled, on another operation (its own bucket, not enforced): the
     * measurement is of the limiter, not of a cold JVM.
     */
    private static void warmUp(ProducerTemplate producer) throws Exception {
        List<CompletableFuture<Exchange>> warmUp = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            warmUp.add(producer.asyncSend("klaviyo:catalog-variants/list", e -> {
            }));
        }
        CompletableFuture.allOf(warmUp.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    }
}
