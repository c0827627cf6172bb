package io.camelklaviyo.example.springboot;

import java.util.Map;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A producer and a consumer of the klaviyo component, configured only by application.properties.
 * <ul>
 * <li>{@code klaviyo-producer}: every {@code example.period} ms, upserts a profile
 * ({@code profile-import/create}), tracks an event for it ({@code events/create}) and reads the lists
 * ({@code lists/list}). A failed call is logged with the component's message and the next tick tries again.</li>
 * <li>{@code klaviyo-events}: polls {@code events/list} incrementally (the component's consumer) and logs each new
 * event.</li>
 * </ul>
 */
@Component
public class KlaviyoRoutes extends RouteBuilder {

    static final String LOG = "io.camelklaviyo.example.springboot.routes";

    @Value("${example.metric}")
    private String metric;
    @Value("${example.email}")
    private String email;

    @Override
    public void configure() {
        onException(Exception.class).handled(true)
                .log(LoggingLevel.WARN, LOG, "${routeId} failed: ${exception.message}");

        from("timer:klaviyo-producer?period={{example.period}}").routeId("klaviyo-producer")
                .setBody(exchange -> Map.of("email", email, "first_name", "Ada",
                        "last_name", "Lovelace", "properties", Map.of("source", "camel-klaviyo spring boot example")))
                .to("klaviyo:profile-import/create")
                .log(LoggingLevel.INFO, LOG, "upserted profile ${body[data][id]} (HTTP ${header.CamelKlaviyoHttpStatus})")
                .setBody(exchange -> Map.of(
                        "metric", Map.of("data", Map.of("type", "metric", "attributes",
                                Map.of("name", metric))),
                        "profile", Map.of("data", Map.of("type", "profile", "attributes",
                                Map.of("email", email))),
                        "properties", Map.of("tick", exchange.getProperty("CamelTimerCounter", 0L, Long.class)),
                        "unique_id", exchange.getExchangeId()))
                .to("klaviyo:events/create")
                .log(LoggingLevel.INFO, LOG, "tracked an event (HTTP ${header.CamelKlaviyoHttpStatus})")
                .setBody(constant(null))
                .to("klaviyo:lists/list")
                .log(LoggingLevel.INFO, LOG, "read ${body[data].size()} list(s)");

        from("klaviyo:events?delay={{example.consumer-delay}}&startPosition=beginning").routeId("klaviyo-events")
                .log(LoggingLevel.INFO, LOG, "consumed event ${header.CamelKlaviyoRecordId}"
                                             + " at ${header.CamelKlaviyoCursorValue}");
    }
}
