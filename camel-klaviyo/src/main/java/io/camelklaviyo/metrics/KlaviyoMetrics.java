package io.camelklaviyo.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A component's observations of its calls: in-memory {@link OperationStatistics} per endpoint and operation (for the
 * dev console), and Micrometer meters when Micrometer is on the classpath and a MeterRegistry is bound.
 * <p>
 * Micrometer is optional: every reference to its classes lives in {@link MicrometerMeters}, which is loaded only
 * after {@link #MICROMETER_PRESENT} said the classes are there.
 */
public final class KlaviyoMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(KlaviyoMetrics.class);
    static final String METER_REGISTRY_CLASS = "io.micrometer.core.instrument.MeterRegistry";
    /** Whether Micrometer's API is on the component's classpath. */
    public static final boolean MICROMETER_PRESENT = present(METER_REGISTRY_CLASS);

    private final ConcurrentMap<String, OperationStatistics> statistics = new ConcurrentHashMap<>();
    // a MicrometerMeters once bound: only its own class names Micrometer types
    private volatile RequestMetrics meters = RequestMetrics.NONE;

    /**
     * Binds the meters to a registry: the one given (the component's meterRegistry option), else the single
     * MeterRegistry in Camel's registry; without Micrometer or a registry, only the in-memory statistics are kept.
     */
    public void start(CamelContext context, Object meterRegistry) {
        if (!MICROMETER_PRESENT) {
            if (meterRegistry != null) {
                LOG.warn("meterRegistry is set but Micrometer is not on the classpath: Klaviyo metrics are off");
            }
            return;
        }
        meters = MicrometerMeters.bind(context, meterRegistry);
    }

    /** Unbinds the meters; the statistics start again with the next start. */
    public void stop() {
        meters = RequestMetrics.NONE;
        statistics.clear();
    }

    /** Whether Micrometer meters are being recorded. */
    public boolean micrometerBound() {
        return meters != RequestMetrics.NONE;
    }

    /** What an endpoint's calls report to. */
    public RequestMetrics forEndpoint(String endpoint) {
        return new EndpointMetrics(endpoint);
    }

    /** The statistics so far, by endpoint and operation. */
    public List<OperationStatistics> statistics() {
        List<OperationStatistics> all = new ArrayList<>(statistics.values());
        all.sort(Comparator.comparing(OperationStatistics::endpoint).thenComparing(OperationStatistics::operation));
        return all;
    }

    private OperationStatistics of(String endpoint, String operation) {
        return statistics.computeIfAbsent(endpoint + " " + operation, k -> new OperationStatistics(endpoint, operation));
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, KlaviyoMetrics.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private final class EndpointMetrics implements RequestMetrics {

        private final String endpoint;

        EndpointMetrics(String endpoint) {
            this.endpoint = endpoint;
        }

        @Override
        public void attempt(String operation, Outcome outcome, int status, long nanos, Throwable failure) {
            of(endpoint, operation).attempt(outcome, status, nanos, failure);
            meters.attempt(operation, outcome, status, nanos, failure);
        }

        @Override
        public void retry(String operation) {
            of(endpoint, operation).retry();
            meters.retry(operation);
        }

        @Override
        public void rateLimitWait(String operation, long nanos) {
            of(endpoint, operation).rateLimitWait(nanos);
            meters.rateLimitWait(operation, nanos);
        }
    }
}
