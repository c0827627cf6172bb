package io.camelklaviyo.health;

import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.impl.health.DefaultHealthCheckRegistry;

/**
 * Camel's health check registry with its producers and consumers repositories enabled, as camel-main and the Spring
 * Boot starter set it up (camel.health.producersEnabled / consumersEnabled).
 */
final class HealthChecks {

    private HealthChecks() {
    }

    static HealthCheckRegistry enable(CamelContext context) {
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        if (registry == null) {
            registry = new DefaultHealthCheckRegistry(context);
            context.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class, registry);
        }
        registry.setEnabled(true);
        for (String id : new String[] { "producers", "consumers" }) {
            HealthCheckRepository repository = HealthCheckHelper.getHealthCheckRepository(context, id);
            if (repository != null) {
                repository.setEnabled(true);
            }
        }
        return registry;
    }
}
