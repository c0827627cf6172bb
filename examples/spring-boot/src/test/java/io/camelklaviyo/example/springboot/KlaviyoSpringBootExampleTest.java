package io.camelklaviyo.example.springboot;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelklaviyo.example.springboot.standin.KlaviyoStandIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The example as it runs, against its embedded stand-in (forced, so a KLAVIYO_API_KEY in the environment does not
 * send the test to Klaviyo): the producer's and the consumer's calls succeed, health is UP with the klaviyo producer
 * checks, and the klaviyo.requests timer counts the calls per operation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = { "example.stand-in=true", "example.period=500", "example.consumer-delay=500" })
class KlaviyoSpringBootExampleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private KlaviyoStandIn klaviyoStandIn;
    @LocalServerPort
    private int port;

    @Test
    void routesCallTheStandInAndActuatorShowsHealthAndMetrics() throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(klaviyoStandIn.eventCount()).isGreaterThanOrEqualTo(2);
            JsonNode health = JSON.readTree(http.getForObject("/actuator/health", String.class));
            assertThat(health.path("status").asText()).as(health.toString()).isEqualTo("UP");
            JsonNode camel = health.path("components").path("camelHealth").path("details");
            assertThat(camel.path("producer:klaviyo-profile-import/create").asText()).as(camel.toString())
                    .isEqualTo("UP");
            assertThat(camel.path("consumer:klaviyo-events").asText()).isEqualTo("UP");
            for (String operation : new String[] { "profile-import/create", "events/create", "lists/list",
                                                   "events/list" }) {
                JsonNode metric = JSON.readTree(http.getForObject(
                        "/actuator/metrics/klaviyo.requests?tag=operation:" + operation + "&tag=outcome:success",
                        String.class));
                assertThat(metric.path("measurements").path(0).path("value").asDouble()).as(operation + " " + metric)
                        .isGreaterThan(0);
            }
        });

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        boolean up = KlaviyoSpringBootExample.report("http://localhost:" + port,
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(up).isTrue();
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("GET /actuator/health -> HTTP 200")
                .contains("GET /actuator/metrics/klaviyo.requests -> HTTP 200")
                .contains("Health is UP: exiting with status 0.");
    }
}
