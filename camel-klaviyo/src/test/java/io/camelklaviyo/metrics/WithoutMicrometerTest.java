package io.camelklaviyo.metrics;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Micrometer is optional: with it off the class path the component starts, configures and records as usual, and
 * loads no Micrometer class.
 */
class WithoutMicrometerTest {

    @Test
    void theComponentRunsWithoutMicrometer() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.contains("micrometer")) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        try (URLClassLoader isolated = new URLClassLoader(urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
            assertThat(isolated.getResource("io/micrometer/core/instrument/MeterRegistry.class")).isNull();
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(isolated);
            try {
                @SuppressWarnings("unchecked")
                Callable<String> scenario = (Callable<String>) isolated.loadClass(Scenario.class.getName())
                        .getDeclaredConstructor().newInstance();
                assertThat(scenario.call()).isEqualTo("micrometer=false statistics=1");
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
    }

    /** Runs inside the class loader without Micrometer. */
    public static final class Scenario implements Callable<String> {

        @Override
        public String call() throws Exception {
            org.apache.camel.impl.DefaultCamelContext context = new org.apache.camel.impl.DefaultCamelContext();
            io.camelklaviyo.KlaviyoComponent component = new io.camelklaviyo.KlaviyoComponent();
            component.getConfiguration().setApiKey("pk_test_0123456789abcdef");
            context.addComponent("klaviyo", component);
            context.getPropertiesComponent().addInitialProperty("camel.component.klaviyo.maxConnections", "5");
            context.start();
            try {
                // autowiring and configuring the component went by; the endpoint's chain is built
                context.getEndpoint("klaviyo:accounts/list").createProducer();
                RequestMetrics metrics = component.getMetrics().forEndpoint("klaviyo://accounts/list");
                metrics.attempt("accounts/list", Outcome.SUCCESS, 200, 1_000, null);
                metrics.retry("accounts/list");
                metrics.rateLimitWait("accounts/list", 1_000);
                return "micrometer=" + component.getMetrics().micrometerBound() + " statistics="
                       + component.getMetrics().statistics().size();
            } finally {
                context.stop();
            }
        }
    }
}
