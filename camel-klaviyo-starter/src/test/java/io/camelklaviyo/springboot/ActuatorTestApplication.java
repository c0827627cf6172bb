package io.camelklaviyo.springboot;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The application of the actuator tests: a producer route and a consumer route of the klaviyo component, nothing
 * configured in code (the component gets everything from the properties).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class ActuatorTestApplication {

    static final String UPSERT = "direct:upsert";

    /** The record ids the consumer route received, in order. */
    @Bean
    List<String> consumedEventIds() {
        return new CopyOnWriteArrayList<>();
    }

    @Bean
    RouteBuilder klaviyoRoutes(List<String> consumedEventIds) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(UPSERT).routeId("klaviyo-upsert")
                        .to("klaviyo:profile-import/create");

                from("klaviyo:events?delay=500&startPosition=beginning").routeId("klaviyo-events")
                        .process(exchange -> consumedEventIds.add(
                                exchange.getMessage().getHeader("CamelKlaviyoRecordId", String.class)));
            }
        };
    }
}
