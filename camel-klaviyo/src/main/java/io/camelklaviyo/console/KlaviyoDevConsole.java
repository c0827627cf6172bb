package io.camelklaviyo.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelklaviyo.KlaviyoComponent;
import io.camelklaviyo.KlaviyoEndpoint;
import io.camelklaviyo.consumer.KlaviyoConsumer;
import io.camelklaviyo.metrics.OperationStatistics;
import io.camelklaviyo.operation.Operation;
import io.camelklaviyo.ratelimit.KlaviyoRateLimiter;
import io.camelklaviyo.ratelimit.RateLimitBudget;
import io.camelklaviyo.request.KlaviyoRequest;
import org.apache.camel.Endpoint;
import org.apache.camel.Route;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;

/**
 * The klaviyo dev console ({@code camel get klaviyo}, /q/dev/klaviyo, the Spring Boot actuator's camel dev console):
 * per endpoint and operation the HTTP attempts, failed attempts, retries, latency, rate-limit waits and the last error;
 * the rate-limit budget the limiter has left for each endpoint's operation and account; and each consumer's state key
 * and mark. Never shows a credential: accounts are fingerprints of the keys.
 */
@DevConsole(name = "klaviyo", displayName = "Klaviyo", description = "Klaviyo calls, rate-limit budget and consumer cursors")
public class KlaviyoDevConsole extends AbstractDevConsole {

    public KlaviyoDevConsole() {
        super("camel", "klaviyo", "Klaviyo", "Klaviyo calls, rate-limit budget and consumer cursors");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder text = new StringBuilder();
        Map<String, Object> json = doCallJson(options);
        text.append("Operations:\n");
        for (Object o : (List<?>) json.get("operations")) {
            Map<?, ?> op = (Map<?, ?>) o;
            text.append(String.format("    %s %s: requests=%s errors=%s retries=%s meanMs=%s rateLimitWaitMs=%s"
                                      + " lastStatus=%s%n", op.get("endpoint"), op.get("operation"),
                    op.get("requests"), op.get("errors"), op.get("retries"), op.get("meanMillis"),
                    op.get("rateLimitWaitMillis"), op.get("lastStatus")));
            if (op.get("lastError") instanceof Map<?, ?> error) {
                text.append(String.format("        last error at %s (%s, HTTP %s): %s%n", error.get("at"),
                        error.get("outcome"), error.get("status"), error.get("message")));
            }
        }
        text.append("Rate-limit budget:\n");
        for (Object o : (List<?>) json.get("rateLimits")) {
            Map<?, ?> budget = (Map<?, ?>) o;
            text.append(String.format("    %s %s (account %s): burst=%s steady=%s daily=%s%n",
                    budget.get("endpoint"), budget.get("operation"), budget.get("account"), budget.get("burst"),
                    budget.get("steady"), budget.get("daily")));
        }
        if (Boolean.FALSE.equals(json.get("rateLimiting"))) {
            text.append("    (rate limiting is off)\n");
        }
        text.append("Consumers:\n");
        for (Object o : (List<?>) json.get("consumers")) {
            Map<?, ?> consumer = (Map<?, ?>) o;
            text.append(String.format("    %s %s: stateKey=%s cursor=%s mark=%s%n", consumer.get("routeId"),
                    consumer.get("operation"), consumer.get("stateKey"), consumer.get("cursorField"),
                    consumer.get("mark")));
        }
        return text.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        Map<String, Object> root = new LinkedHashMap<>();
        List<Map<String, Object>> operations = new ArrayList<>();
        List<Map<String, Object>> rateLimits = new ArrayList<>();
        List<Map<String, Object>> consumers = new ArrayList<>();
        boolean rateLimiting = false;
        for (Endpoint endpoint : getCamelContext().getEndpoints()) {
            if (endpoint instanceof KlaviyoEndpoint klaviyo) {
                KlaviyoRateLimiter limiter = klaviyo.getComponent().getRateLimiterInUse();
                rateLimiting |= limiter != null;
                Map<String, Object> budget = budget(klaviyo, limiter);
                if (budget != null) {
                    rateLimits.add(budget);
                }
            }
        }
        for (KlaviyoComponent component : components()) {
            for (OperationStatistics statistics : component.getMetrics().statistics()) {
                operations.add(operation(statistics));
            }
        }
        for (Route route : getCamelContext().getRoutes()) {
            if (route.getConsumer() instanceof KlaviyoConsumer consumer) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("routeId", route.getRouteId());
                entry.put("operation", consumer.getPlan().operation().name());
                entry.put("mode", String.valueOf(consumer.getPlan().mode()));
                entry.put("stateKey", consumer.getPlan().stateKey());
                entry.put("cursorField", consumer.getPlan().cursorField());
                entry.put("mark", stateValue(consumer));
                consumers.add(entry);
            }
        }
        root.put("operations", operations);
        root.put("rateLimiting", rateLimiting);
        root.put("rateLimits", rateLimits);
        root.put("consumers", consumers);
        return root;
    }

    private List<KlaviyoComponent> components() {
        List<KlaviyoComponent> components = new ArrayList<>();
        for (String name : getCamelContext().getComponentNames()) {
            if (getCamelContext().hasComponent(name) instanceof KlaviyoComponent component
                    && !components.contains(component)) {
                components.add(component);
            }
        }
        return components;
    }

    private static Map<String, Object> operation(OperationStatistics statistics) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("endpoint", statistics.endpoint());
        entry.put("operation", statistics.operation());
        entry.put("requests", statistics.requests());
        entry.put("errors", statistics.errors());
        entry.put("retries", statistics.retries());
        entry.put("meanMillis", statistics.meanMillis());
        entry.put("rateLimitWaits", statistics.rateLimitWaits());
        entry.put("rateLimitWaitMillis", statistics.rateLimitWaitMillis());
        entry.put("lastStatus", statistics.lastStatus());
        OperationStatistics.LastError error = statistics.lastError();
        if (error != null) {
            Map<String, Object> last = new LinkedHashMap<>();
            last.put("at", error.at().toString());
            last.put("outcome", error.outcome());
            last.put("status", error.status());
            last.put("message", error.message());
            entry.put("lastError", last);
        }
        return entry;
    }

    /** What the limiter has left for the endpoint's own operation and account, without taking any; null without. */
    private static Map<String, Object> budget(KlaviyoEndpoint endpoint, KlaviyoRateLimiter limiter) {
        if (limiter == null) {
            return null;
        }
        Operation operation = endpoint.getOperation();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("endpoint", endpoint.getEndpointBaseUri());
        entry.put("operation", operation.name());
        try {
            String account = endpoint.getComponent().rateLimitAccountOf(endpoint);
            // the budget depends on the operation and its query (slow paths), not on the id in the path
            KlaviyoRequest probe = KlaviyoRequest.of(operation, operation.pathParams().isEmpty() ? null : "budget",
                    Map.of(), null, null);
            RateLimitBudget budget = limiter.budget(account, operation, probe);
            entry.put("account", account);
            entry.put("tier", operation.rateLimit() == null ? null : operation.rateLimit().tier());
            if (budget != null) {
                entry.put("burst", budget.burst());
                entry.put("steady", budget.steady());
                entry.put("daily", budget.daily());
                entry.put("remaining", budget.remaining());
            }
        } catch (RuntimeException e) {
            entry.put("error", e.getMessage());
        }
        return entry;
    }

    private static String stateValue(KlaviyoConsumer consumer) {
        try {
            return consumer.getStateValue();
        } catch (RuntimeException e) {
            return "unavailable: " + e.getMessage();
        }
    }
}
