package io.camelklaviyo.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelklaviyo.KlaviyoConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Collections Klaviyo cannot filter by a date: catalog items are compared client-side on their updated attribute
 * (Airbyte's "semi-incremental"), coupons have no date at all and are emitted once per id, and job collections emit
 * each job once when it reaches a terminal status.
 */
class CollectionsWithoutCursorTest extends ConsumerTestSupport {

    private final List<Exchange> received = new CopyOnWriteArrayList<>();

    private List<String> ids() {
        return received.stream().map(ConsumerTestSupport::id).toList();
    }

    @Test
    void catalogItemsAreComparedClientSideAndDeliveredInCursorOrder() throws Exception {
        CollectionStandIn.Collection items = klaviyo.collection("/api/catalog-items", "catalog-item");
        items.put("I0", Map.of("title", "Old", "updated", time(T0.minusSeconds(100))));
        // Klaviyo's order is not the cursor's: I2 comes first
        items.put("I2", Map.of("title", "Socks", "updated", time(T0.plusSeconds(2))));
        items.put("I1", Map.of("title", "Shoes", "updated", time(T0.plusSeconds(1))));

        consume("klaviyo:catalog-items?startPosition=2024-01-01T00:00:00Z&initialDelay=0&delay=100", Map.of(),
                received::add);

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 2);
        assertThat(ids()).containsExactly("I1", "I2");
        assertThat(klaviyo.requests("/api/catalog-items").get(0).query()).doesNotContainKeys("filter", "sort");

        items.put("I1", Map.of("title", "Shoes", "updated", time(T0.plusSeconds(30))));
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 3);
        Thread.sleep(300);
        assertThat(ids()).containsExactly("I1", "I2", "I1");
    }

    @Test
    void couponsAreEmittedOncePerIdAndThoseBeforeTheStartNever() throws Exception {
        CollectionStandIn.Collection coupons = klaviyo.collection("/api/coupons", "coupon");
        coupons.put("SUMMER", Map.of("description", "10% off"));
        coupons.put("WINTER", Map.of("description", "20% off"));

        CamelContext context = consume("klaviyo:coupons?initialDelay=0&delay=50", Map.of(), received::add);

        // the first scan records what is there (startPosition=now) and emits nothing
        await().atMost(Duration.ofSeconds(10)).until(() -> klaviyo.requests("/api/coupons").size() >= 3);
        assertThat(received).isEmpty();
        assertThat(consumerOf(context, "consumer").getStateValue()).startsWith("seeded:");

        coupons.put("SPRING", Map.of("description", "15% off"));
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 1);
        int polls = klaviyo.requests("/api/coupons").size();
        await().atMost(Duration.ofSeconds(10)).until(() -> klaviyo.requests("/api/coupons").size() > polls + 3);
        assertThat(ids()).containsExactly("SPRING");
    }

    @Test
    void fromTheBeginningEveryCouponOnce() throws Exception {
        CollectionStandIn.Collection coupons = klaviyo.collection("/api/coupons", "coupon");
        coupons.put("SUMMER", Map.of("description", "10% off"));
        coupons.put("WINTER", Map.of("description", "20% off"));

        consume("klaviyo:coupons?startPosition=beginning&initialDelay=0&delay=50", Map.of(), received::add);

        await().atMost(Duration.ofSeconds(10)).until(() -> klaviyo.requests("/api/coupons").size() >= 4);
        assertThat(ids()).containsExactly("SUMMER", "WINTER");
    }

    @Test
    void eachJobIsEmittedOnceWhenItReachesATerminalStatus() throws Exception {
        CollectionStandIn.Collection jobs = klaviyo.collection("/api/profile-bulk-import-jobs",
                "profile-bulk-import-job");
        jobs.put("J1", Map.of("status", "complete", "created_at", time(T0)));
        jobs.put("J2", Map.of("status", "processing", "created_at", time(T0)));
        jobs.put("J3", Map.of("status", "queued", "created_at", time(T0)));

        consume("klaviyo:profile-bulk-import-jobs?initialDelay=0&delay=50", Map.of(), received::add);

        // Klaviyo returns only the terminal ones
        assertThat(awaitFirstQuery("/api/profile-bulk-import-jobs"))
                .containsEntry("filter", "any(status,[\"complete\",\"cancelled\"])");
        await().atMost(Duration.ofSeconds(10)).until(() -> klaviyo.requests("/api/profile-bulk-import-jobs").size() >= 3);
        // J1 was complete before the consumer started
        assertThat(received).isEmpty();

        jobs.put("J2", Map.of("status", "complete", "created_at", time(T0), "completed_count", 10));
        jobs.put("J3", Map.of("status", "cancelled", "created_at", time(T0)));
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 2);
        int polls = klaviyo.requests("/api/profile-bulk-import-jobs").size();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> klaviyo.requests("/api/profile-bulk-import-jobs").size() > polls + 3);

        assertThat(ids()).containsExactly("J2", "J3");
        assertThat(received.get(0).getMessage().getHeader(KlaviyoConstants.JOB_STATUS)).isEqualTo("complete");
        assertThat(received.get(0).getMessage().getHeader(KlaviyoConstants.JOB_ID)).isEqualTo("J2");
        assertThat(received.get(1).getMessage().getHeader(KlaviyoConstants.JOB_STATUS)).isEqualTo("cancelled");
    }

    @Test
    void aJobCreatedOnceTheFirstScanBeganIsNotSwallowedByIt() throws Exception {
        CollectionStandIn.Collection jobs = klaviyo.collection("/api/profile-bulk-import-jobs",
                "profile-bulk-import-job");
        jobs.put("OLD", Map.of("status", "complete", "created_at", time(T0)));
        // created (and finished) while the first scan of a start-position-now consumer is still under way
        jobs.put("NEW", Map.of("status", "complete", "created_at", time(Instant.now().plusSeconds(60))));

        consume("klaviyo:profile-bulk-import-jobs?initialDelay=0&delay=50", Map.of(), received::add);

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 1);
        int polls = klaviyo.requests("/api/profile-bulk-import-jobs").size();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> klaviyo.requests("/api/profile-bulk-import-jobs").size() > polls + 3);
        assertThat(ids()).containsExactly("NEW");
    }

    @Test
    void catalogJobsWithoutAStatusFilterAreFilteredHere() throws Exception {
        CollectionStandIn.Collection jobs = klaviyo.collection("/api/catalog-item-bulk-create-jobs",
                "catalog-item-bulk-create-job");
        jobs.put("K1", Map.of("status", "processing", "created_at", time(T0)));
        jobs.put("K2", Map.of("status", "complete", "created_at", time(T0.plusSeconds(10))));

        // jobs created at or after the start position are watched; K2 is one of them and is already complete
        consume("klaviyo:catalog-item-bulk-create-jobs?startPosition=2024-01-01T00:00:05Z&initialDelay=0&delay=50",
                Map.of(), received::add);

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 1);
        assertThat(awaitFirstQuery("/api/catalog-item-bulk-create-jobs")).doesNotContainKey("filter");
        jobs.put("K1", Map.of("status", "complete", "created_at", time(T0)));
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 2);
        assertThat(ids()).containsExactly("K2", "K1");
    }

    private Map<String, String> awaitFirstQuery(String path) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !klaviyo.requests(path).isEmpty());
        return klaviyo.requests(path).get(0).query();
    }
}
