package io.camelklaviyo.consumer;

import io.camelklaviyo.KlaviyoConstants;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What each collection's consumer asks Klaviyo for: its cursor filter (greater-or-equal, or greater-than where that
 * is all Klaviyo offers), its sort, the filters Klaviyo requires (a campaign channel) and the path id of member
 * collections; and the options a collection cannot honour fail the route when it starts.
 */
class CursorFiltersTest extends ConsumerTestSupport {

    private final List<Exchange> received = new CopyOnWriteArrayList<>();

    private CamelContext consume(String uri) throws Exception {
        return consume(uri, Map.of(), received::add);
    }

    private List<String> ids() {
        return received.stream().map(ConsumerTestSupport::id).toList();
    }

    private Map<String, String> firstQuery(String path) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !klaviyo.requests(path).isEmpty());
        return klaviyo.requests(path).get(0).query();
    }

    @Test
    void profilesAreReadByUpdatedWithGreaterThanAndAReUpdatedProfileComesAgain() throws Exception {
        CollectionStandIn.Collection profiles = klaviyo.collection("/api/profiles", "profile");
        profiles.put("P0", Map.of("email", "old@example.com", "updated", time(T0.minusSeconds(1))));
        profiles.put("P1", Map.of("email", "a@example.com", "updated", time(T0)));
        profiles.put("P2", Map.of("email", "b@example.com", "updated", time(T0.plusSeconds(10))));

        consume("klaviyo:profiles?startPosition=2024-01-01T00:00:00Z&initialDelay=0&delay=100");

        // Klaviyo filters profiles' updated only with greater-than: one second below the start, the start included
        assertThat(firstQuery("/api/profiles")).containsEntry("filter", "greater-than(updated,2023-12-31T23:59:59Z)")
                .containsEntry("sort", "updated").containsEntry("page[size]", "100");
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 2);
        assertThat(ids()).containsExactly("P1", "P2");
        assertThat(received.get(1).getMessage().getHeader(KlaviyoConstants.CURSOR_VALUE))
                .isEqualTo("2024-01-01T00:00:10Z");
        assertThat(received.get(1).getMessage().getBody(Map.class)).containsEntry("id", "P2");

        profiles.put("P1", Map.of("email", "a@example.com", "updated", time(T0.plusSeconds(20))));
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 3);
        assertThat(ids()).containsExactly("P1", "P2", "P1");
        // the overlap window (60 s) before the mark, never before the start
        assertThat(klaviyo.requests("/api/profiles").get(klaviyo.requests("/api/profiles").size() - 1).query())
                .containsEntry("filter", "greater-than(updated,2023-12-31T23:59:59Z)");
    }

    @Test
    void campaignsCarryTheChannelKlaviyoRequires() throws Exception {
        CollectionStandIn.Collection campaigns = klaviyo.collection("/api/campaigns", "campaign");
        campaigns.put("C1", Map.of("name", "Spring", "updated_at", time(T0.plusSeconds(5))),
                Map.of("messages.channel", "email"));
        campaigns.put("C2", Map.of("name", "Flash", "updated_at", time(T0.plusSeconds(6))),
                Map.of("messages.channel", "sms"));

        consume("klaviyo:campaigns?startPosition=beginning&initialDelay=0&delay=100");

        assertThat(firstQuery("/api/campaigns")).containsEntry("filter", "equals(messages.channel,\"email\")")
                .containsEntry("sort", "updated_at");
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 1);
        Thread.sleep(300);
        assertThat(ids()).containsExactly("C1");
        await().atMost(Duration.ofSeconds(10)).until(() -> klaviyo.requests("/api/campaigns").size() >= 2);
        // from the mark (C1's updated_at) minus the 60 s overlap
        assertThat(klaviyo.requests("/api/campaigns").get(1).query()).containsEntry("filter",
                "equals(messages.channel,\"email\"),greater-or-equal(updated_at,2023-12-31T23:59:05Z)");
    }

    @Test
    void smsCampaignsByTheChannelOption() throws Exception {
        CollectionStandIn.Collection campaigns = klaviyo.collection("/api/campaigns", "campaign");
        campaigns.put("C2", Map.of("name", "Flash", "updated_at", time(T0.plusSeconds(6))),
                Map.of("messages.channel", "sms"));

        consume("klaviyo:campaigns?channel=sms&startPosition=2024-01-01&initialDelay=0&delay=100");

        assertThat(firstQuery("/api/campaigns")).containsEntry("filter",
                "equals(messages.channel,\"sms\"),greater-or-equal(updated_at,2024-01-01T00:00:00Z)");
        await().atMost(Duration.ofSeconds(10)).until(() -> ids().contains("C2"));
    }

    @Test
    void listMembersAreReadByJoinedGroupAtOfTheListInThePath() throws Exception {
        CollectionStandIn.Collection members = klaviyo.collection("/api/lists/L1/profiles", "profile");
        members.put("P1", Map.of("email", "a@example.com", "joined_group_at", time(T0.plusSeconds(1))));

        CamelContext context = consume("klaviyo:lists/get-profiles?id=L1&startPosition=beginning&initialDelay=0");

        assertThat(firstQuery("/api/lists/L1/profiles")).containsEntry("sort", "joined_group_at")
                .doesNotContainKey("filter");
        await().atMost(Duration.ofSeconds(10)).until(() -> ids().contains("P1"));
        assertThat(consumerOf(context, "consumer").getPlan().stateKey())
                .isEqualTo("lists/get-profiles|id:L1|cursor:joined_group_at");
    }

    @Test
    void eventsOfOneMetricByItsName() throws Exception {
        CollectionStandIn.Collection metrics = klaviyo.collection("/api/metrics", "metric");
        metrics.put("M1", Map.of("name", "Placed Order"));
        metrics.put("M2", Map.of("name", "Viewed Product"));
        CollectionStandIn.Collection events = klaviyo.collection("/api/events", "event");
        event(events, "E1", T0.plusSeconds(1));
        events.put("E2", Map.of("datetime", time(T0.plusSeconds(2))), Map.of("metric_id", "M2"));

        CamelContext context = consume("klaviyo:events?metric=Placed Order&startPosition=2024-01-01T00:00:00Z"
                                       + "&initialDelay=0&delay=100");

        assertThat(firstQuery("/api/events")).containsEntry("filter",
                "equals(metric_id,\"M1\"),greater-or-equal(datetime,2024-01-01T00:00:00Z)")
                .containsEntry("sort", "datetime").containsEntry("page[size]", "1000");
        await().atMost(Duration.ofSeconds(10)).until(() -> ids().contains("E1"));
        assertThat(ids()).doesNotContain("E2");
        assertThat(consumerOf(context, "consumer").getPlan().stateKey())
                .isEqualTo("events/list|cursor:datetime|metric:Placed Order");
    }

    @Test
    void anyOtherCollectionByACursorFieldItCanFilter() throws Exception {
        CollectionStandIn.Collection feeds = klaviyo.collection("/api/web-feeds", "web-feed");
        feeds.put("W1", Map.of("name", "Blog", "created", time(T0.plusSeconds(3)), "updated", time(T0)));

        consume("klaviyo:web-feeds?cursorField=created&startPosition=2024-01-01T00:00:00Z&initialDelay=0");

        assertThat(firstQuery("/api/web-feeds"))
                .containsEntry("filter", "greater-or-equal(created,2024-01-01T00:00:00Z)")
                .containsEntry("sort", "created").containsEntry("page[size]", "20");
        await().atMost(Duration.ofSeconds(10)).until(() -> ids().contains("W1"));
    }

    @Test
    void defaultCursorsOfEachCollection() throws Exception {
        assertPlan("klaviyo:events", "events/list", ConsumptionMode.SERVER_CURSOR, "datetime", "greater-or-equal");
        assertPlan("klaviyo:profiles", "profiles/list", ConsumptionMode.SERVER_CURSOR, "updated", "greater-than");
        assertPlan("klaviyo:campaigns", "campaigns/list", ConsumptionMode.SERVER_CURSOR, "updated_at",
                "greater-or-equal");
        assertPlan("klaviyo:flows", "flows/list", ConsumptionMode.SERVER_CURSOR, "updated", "greater-or-equal");
        assertPlan("klaviyo:templates", "templates/list", ConsumptionMode.SERVER_CURSOR, "updated",
                "greater-or-equal");
        assertPlan("klaviyo:segments", "segments/list", ConsumptionMode.SERVER_CURSOR, "updated", "greater-than");
        assertPlan("klaviyo:lists", "lists/list", ConsumptionMode.SERVER_CURSOR, "updated", "greater-than");
        assertPlan("klaviyo:segments/get-profiles?id=S1", "segments/get-profiles", ConsumptionMode.SERVER_CURSOR,
                "joined_group_at", "greater-or-equal");
        assertPlan("klaviyo:catalog-items", "catalog-items/list", ConsumptionMode.CLIENT_CURSOR, "updated", null);
        assertPlan("klaviyo:metrics", "metrics/list", ConsumptionMode.CLIENT_CURSOR, "updated", null);
        assertPlan("klaviyo:coupons", "coupons/list", ConsumptionMode.ONCE_PER_ID, null, null);
        assertPlan("klaviyo:tags", "tags/list", ConsumptionMode.ONCE_PER_ID, null, null);
        assertPlan("klaviyo:lists/get-profiles-ids?id=L1", "lists/get-profiles-ids", ConsumptionMode.ONCE_PER_ID,
                null, null);
        assertPlan("klaviyo:forms", "forms/list", ConsumptionMode.SERVER_CURSOR, "updated_at", "greater-or-equal");
        assertPlan("klaviyo:profile-bulk-import-jobs", "profile-bulk-import-jobs/list",
                ConsumptionMode.TERMINAL_JOBS, null, null);
        assertPlan("klaviyo:catalog-item-bulk-create-jobs", "catalog-item-bulk-create-jobs/list",
                ConsumptionMode.TERMINAL_JOBS, null, null);
    }

    private void assertPlan(String uri, String operation, ConsumptionMode mode, String field, String operator)
            throws Exception {
        CamelContext context = create(null, Map.of());
        KlaviyoConsumer consumer = (KlaviyoConsumer) context.getEndpoint(uri).createConsumer(exchange -> {
        });
        assertThat(consumer.getPlan().operation().name()).as(uri).isEqualTo(operation);
        assertThat(consumer.getPlan().mode()).as(uri).isEqualTo(mode);
        assertThat(consumer.getPlan().cursorField()).as(uri).isEqualTo(field);
        assertThat(consumer.getPlan().operator()).as(uri).isEqualTo(operator);
    }

    @Test
    void optionsACollectionCannotHonourFailTheRouteAtStartUp() {
        assertStartFails("klaviyo:lists/get-profiles", "set the option id");
        assertStartFails("klaviyo:profiles?metric=Placed Order", "The option metric applies to events");
        assertStartFails("klaviyo:flows?channel=sms", "The option channel applies to campaigns");
        assertStartFails("klaviyo:campaigns?channel=fax", "email, sms or mobile_push");
        assertStartFails("klaviyo:profiles/get?id=P1", "returns no collection of records to poll");
        assertStartFails("klaviyo:profiles/create", "returns no collection of records to poll");
        assertStartFails("klaviyo:profiles?overlap=0", "set overlap above 0");
        assertStartFails("klaviyo:profiles?cursorField=email", "cannot be the cursor field");
        assertStartFails("klaviyo:lists/get-profiles-ids?id=L1&cursorField=joined_group_at", "no cursor field");
        assertStartFails("klaviyo:events?sort=-datetime", "remove the option sort");
        assertStartFails("klaviyo:events?startPosition=yesterday", "The option startPosition takes now");
        assertStartFails("klaviyo:events?filter=greater-than(datetime,2024-01-01T00:00:00Z)",
                "set startPosition instead");
        assertStartFails("klaviyo:events?maxMessagesPerPoll=-1", "maxMessagesPerPoll takes 0");
        assertStartFails("klaviyo:events?stateKey=a=b", "stateKey must hold no '='");
        assertStartFails("klaviyo:events?stateFile=x&stateRepository=#state", "either stateFile or stateRepository");
    }

    private void assertStartFails(String uri, String reason) {
        assertThatThrownBy(() -> consume(uri, Map.of("state", new org.apache.camel.support.processor.state
                .MemoryStateRepository()), exchange -> {
                }))
                .as(uri).rootCause().hasMessageContaining(reason);
    }
}
