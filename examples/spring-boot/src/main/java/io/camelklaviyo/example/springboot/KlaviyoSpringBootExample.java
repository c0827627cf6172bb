package io.camelklaviyo.example.springboot;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * A Spring Boot service whose only Klaviyo configuration is {@code camel.component.klaviyo.*} in
 * application.properties. Prints where Actuator shows health and metrics. With {@code example.exit-after} (e.g.
 * {@code 15s}) it runs that long, prints the health JSON and the klaviyo metrics as Actuator serves them over HTTP,
 * and exits: status 0 when health is UP, 1 otherwise.
 */
@SpringBootApplication
public class KlaviyoSpringBootExample {

    /** The component's metrics, as the issue names them; each is printed when the registry has it. */
    static final String[] METRICS = { "klaviyo.requests", "klaviyo.retries", "klaviyo.ratelimit.wait" };

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext context = SpringApplication.run(KlaviyoSpringBootExample.class, args);
        Environment environment = context.getEnvironment();
        String base = "http://localhost:" + environment.getProperty("local.server.port", "8080");
        System.out.println("Health:  curl " + base + "/actuator/health");
        System.out.println("Metrics: curl " + base + "/actuator/metrics/klaviyo.requests"
                           + "   (all: " + base + "/actuator/metrics, Prometheus: " + base + "/actuator/prometheus)");
        String exitAfter = environment.getProperty("example.exit-after", "");
        if (exitAfter.isBlank()) {
            System.out.println("Running until stopped (Ctrl+C).");
            return;
        }
        Duration wait = DurationStyle.detectAndParse(exitAfter);
        System.out.println("Printing health and metrics in " + wait.toSeconds() + " s, then exiting.");
        Thread.sleep(wait.toMillis());
        boolean up = report(base, System.out);
        System.exit(SpringApplication.exit(context, () -> up ? 0 : 1));
    }

    /** Prints what Actuator serves for health and the klaviyo metrics; true when health is UP. */
    static boolean report(String base, PrintStream out) throws Exception {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> health = get(http, base + "/actuator/health");
        JsonNode healthJson = json.readTree(health.body());
        out.println("GET /actuator/health -> HTTP " + health.statusCode());
        out.println(json.writeValueAsString(healthJson));
        for (String metric : METRICS) {
            HttpResponse<String> response = get(http, base + "/actuator/metrics/" + metric);
            if (response.statusCode() == 404) {
                out.println("GET /actuator/metrics/" + metric + " -> HTTP 404: nothing recorded yet");
                continue;
            }
            JsonNode body = json.readTree(response.body());
            out.println("GET /actuator/metrics/" + metric + " -> HTTP " + response.statusCode() + ": "
                        + body.path("measurements") + " tags " + body.path("availableTags"));
        }
        boolean up = "UP".equals(healthJson.path("status").asText());
        out.println("Health is " + healthJson.path("status").asText() + ": exiting with status " + (up ? 0 : 1) + ".");
        return up;
    }

    private static HttpResponse<String> get(HttpClient http, String uri) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
