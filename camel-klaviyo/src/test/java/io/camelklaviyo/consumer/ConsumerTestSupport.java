package io.camelklaviyo.consumer;

import io.camelklaviyo.KlaviyoConstants;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.camelklaviyo.KlaviyoComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the consumer tests: a {@link CollectionStandIn} on a loopback port, and Camel contexts whose klaviyo
 * component points at it, all stopped after each test.
 */
abstract class ConsumerTestSupport {

    static final String API_KEY = "pk_test_0123456789abcdef";
    /** Klaviyo's way of writing a date-time: seconds and an explicit offset. */
    static final DateTimeFormatter KLAVIYO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")
            .withZone(ZoneOffset.UTC);
    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    protected CollectionStandIn klaviyo;
    private final List<CamelContext> contexts = new ArrayList<>();

    @BeforeEach
    void startStandIn() throws Exception {
        klaviyo = new CollectionStandIn();
    }

    @AfterEach
    void stopAll() {
        contexts.forEach(CamelContext::stop);
        klaviyo.close();
    }

    /** A started Camel context with a klaviyo component pointing at the stand-in (as {@code node}, when not null). */
    CamelContext start(String node, Map<String, Object> beans, RoutesBuilder routes) throws Exception {
        CamelContext context = create(node, beans);
        context.addRoutes(routes);
        context.start();
        return context;
    }

    CamelContext create(String node, Map<String, Object> beans) {
        DefaultCamelContext context = new DefaultCamelContext();
        context.getShutdownStrategy().setTimeout(10);
        context.getShutdownStrategy().setLogInflightExchangesOnTimeout(false);
        KlaviyoComponent component = new KlaviyoComponent();
        component.getConfiguration().setApiKey(API_KEY);
        component.getConfiguration().setBaseUrl(node == null ? klaviyo.baseUrl() : klaviyo.baseUrl(node));
        context.addComponent("klaviyo", component);
        beans.forEach(context.getRegistry()::bind);
        contexts.add(context);
        return context;
    }

    /** A context with one route from {@code uri} to {@code processor}. */
    CamelContext consume(String uri, Map<String, Object> beans, org.apache.camel.Processor processor)
            throws Exception {
        return start(null, beans, new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("consumer").process(processor);
            }
        });
    }

    static String time(Instant instant) {
        return KLAVIYO_TIME.format(instant);
    }

    /** An event of metric M1 at {@code at}. */
    static void event(CollectionStandIn.Collection events, String id, Instant at) {
        events.put(id, Map.of("datetime", time(at), "timestamp", at.getEpochSecond(), "uuid", id),
                Map.of("metric_id", "M1"));
    }

    static String id(Exchange exchange) {
        return exchange.getMessage().getHeader(KlaviyoConstants.RECORD_ID, String.class);
    }

    static KlaviyoConsumer consumerOf(CamelContext context, String routeId) {
        return (KlaviyoConsumer) context.getRoute(routeId).getConsumer();
    }
}
