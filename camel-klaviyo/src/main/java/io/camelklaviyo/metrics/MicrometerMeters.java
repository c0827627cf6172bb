package io.camelklaviyo.metrics;

import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Micrometer meters of a component. The only class that names Micrometer types: {@link KlaviyoMetrics} touches it
 * only when Micrometer is on the classpath.
 * <ul>
 * <li>{@code klaviyo.requests}: timer of HTTP attempts, tags {@code operation}, {@code outcome}
 * (success|client_error|server_error|io_error|timeout), {@code status} (the HTTP status, {@code none} without a
 * response)</li>
 * <li>{@code klaviyo.retries}: counter of retries, tag {@code operation}</li>
 * <li>{@code klaviyo.ratelimit.wait}: timer of the waits for the client-side rate limiter, tag {@code operation}</li>
 * </ul>
 */
final class MicrometerMeters implements RequestMetrics {

    static final String REQUESTS = "klaviyo.requests";
    static final String RETRIES = "klaviyo.retries";
    static final String RATE_LIMIT_WAIT = "klaviyo.ratelimit.wait";

    private static final Logger LOG = LoggerFactory.getLogger(MicrometerMeters.class);

    private final MeterRegistry registry;

    private MicrometerMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * The meters on the registry given, else on the MeterRegistry found in Camel's registry: the single one, or the
     * composite one when there are several (Spring Boot's primary); none when there is none.
     */
    static RequestMetrics bind(CamelContext context, Object configured) {
        MeterRegistry registry = null;
        if (configured instanceof MeterRegistry given) {
            registry = given;
        } else if (configured != null) {
            LOG.warn("meterRegistry is a {}, not a Micrometer MeterRegistry: Klaviyo metrics are off",
                    configured.getClass().getName());
            return RequestMetrics.NONE;
        } else {
            registry = lookup(context);
        }
        if (registry == null) {
            LOG.debug("No Micrometer MeterRegistry in the registry: Klaviyo metrics are kept for the dev console only");
            return RequestMetrics.NONE;
        }
        LOG.debug("Klaviyo metrics go to {}", registry);
        return new MicrometerMeters(registry);
    }

    private static MeterRegistry lookup(CamelContext context) {
        Set<MeterRegistry> found = context.getRegistry().findByType(MeterRegistry.class);
        if (found.size() == 1) {
            return found.iterator().next();
        }
        var composites = found.stream().filter(CompositeMeterRegistry.class::isInstance).toList();
        if (composites.size() == 1) {
            return composites.get(0);
        }
        if (!found.isEmpty()) {
            LOG.warn("{} MeterRegistry beans and no single composite one: set the klaviyo component's meterRegistry"
                     + " option to choose; Klaviyo metrics are off", found.size());
        }
        return null;
    }

    @Override
    public void attempt(String operation, Outcome outcome, int status, long nanos, Throwable failure) {
        Timer.builder(REQUESTS)
                .description("HTTP attempts to Klaviyo (retries included)")
                .tag("operation", operation)
                .tag("outcome", outcome.tag())
                .tag("status", status == 0 ? "none" : Integer.toString(status))
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void retry(String operation) {
        Counter.builder(RETRIES)
                .description("Failed Klaviyo attempts that are retried")
                .tag("operation", operation)
                .register(registry)
                .increment();
    }

    @Override
    public void rateLimitWait(String operation, long nanos) {
        Timer.builder(RATE_LIMIT_WAIT)
                .description("Time Klaviyo requests waited for the client-side rate limiter")
                .tag("operation", operation)
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }
}
