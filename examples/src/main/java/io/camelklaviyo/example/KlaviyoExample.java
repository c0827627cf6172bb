package io.camelklaviyo.example;

import java.io.PrintStream;
import java.util.Map;
import java.util.Properties;

import io.camelklaviyo.example.standin.KlaviyoStandIn;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;

/**
 * Starts Camel Main (application.properties, the YAML routes under {@code routes/}), sends one message to
 * {@code direct:workflow}, prints the summary the route returns, and stops. Against Klaviyo when
 * {@code KLAVIYO_API_KEY} is set; otherwise against an embedded {@link KlaviyoStandIn}. Exit status 0 when the
 * workflow succeeded, 1 when it failed.
 */
public final class KlaviyoExample {

    /** The route the launcher triggers, in routes/klaviyo-workflow.camel.yaml. */
    public static final String WORKFLOW = "direct:workflow";

    private KlaviyoExample() {
    }

    public static void main(String[] args) {
        System.exit(run(System.getenv(), System.out, System.err));
    }

    /**
     * Runs the example once, as the command line does, with these environment variables; returns the exit status.
     */
    public static int run(Map<String, String> env, PrintStream out, PrintStream err) {
        String apiKey = env.get("KLAVIYO_API_KEY");
        Properties overrides = new Properties();
        KlaviyoStandIn standIn = null;
        try {
            if (apiKey == null || apiKey.isBlank()) {
                standIn = KlaviyoStandIn.start();
                overrides.setProperty("camel.component.klaviyo.base-url", standIn.baseUrl());
                overrides.setProperty("camel.component.klaviyo.api-key", standIn.apiKey());
                // the stand-in starts empty: a list id of a real account means nothing to it
                overrides.setProperty("example.list-id", "");
                out.println("Mode: stand-in. KLAVIYO_API_KEY is not set, so an embedded Klaviyo stand-in (WireMock)"
                            + " answers at " + standIn.baseUrl() + " with a dummy key.");
            } else {
                overrides.setProperty("camel.component.klaviyo.api-key", apiKey.trim());
                overrides.setProperty("camel.component.klaviyo.base-url",
                        env.getOrDefault("KLAVIYO_BASE_URL", "https://a.klaviyo.com"));
                overrides.setProperty("example.list-id", env.getOrDefault("KLAVIYO_LIST_ID", ""));
                out.println("Mode: Klaviyo. KLAVIYO_API_KEY is set: calling "
                            + overrides.getProperty("camel.component.klaviyo.base-url") + ".");
            }
            WorkflowResult result = runWorkflow(overrides);
            if (result.failed()) {
                err.println("FAILED after " + result.millis() + " ms: " + describe(result.failure()));
                return 1;
            }
            out.println(result.summary().strip());
            out.println("Done in " + result.millis() + " ms.");
            return 0;
        } catch (Exception e) {
            err.println("FAILED: " + describe(e));
            return 1;
        } finally {
            if (standIn != null) {
                standIn.close();
            }
        }
    }

    /**
     * Starts Camel Main with application.properties and these overrides, runs the workflow route once and stops.
     */
    public static WorkflowResult runWorkflow(Properties overrides) throws Exception {
        Main main = new Main();
        main.setOverrideProperties(overrides);
        long started = System.nanoTime();
        main.start();
        try {
            CamelContext camel = main.getCamelContext();
            try (ProducerTemplate template = camel.createProducerTemplate()) {
                Exchange exchange = template.send(WORKFLOW, e -> {
                });
                long millis = (System.nanoTime() - started) / 1_000_000;
                return new WorkflowResult(exchange.getMessage().getBody(String.class),
                        Map.copyOf(exchange.getVariables()), exchange.getException(), millis);
            }
        } finally {
            main.stop();
        }
    }

    private static String describe(Throwable failure) {
        // the route's exception, without Camel's wrapping
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getMessage() != null
               && cause.getMessage().contains(cause.getCause().getClass().getName())) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }

    /**
     * What one run of the workflow produced.
     *
     * @param summary   the text the route ends with
     * @param variables the exchange variables the route set: profileIds, emails, listId, listName, listSource,
     *                  addStatus, eventStatus, readBackCount, readBackEmails, attempts
     * @param failure   the exception the route ended with, or null
     * @param millis    from Camel's start to the workflow's end
     */
    public record WorkflowResult(String summary, Map<String, Object> variables, Exception failure, long millis) {

        public boolean failed() {
            return failure != null;
        }
    }
}
