package io.camelklaviyo.example.springboot;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The example with a stand-in that rejects the component's key: health is DOWN (HTTP 503) with the 401 in the
 * klaviyo producer check, the failed calls are client errors with status 401 in klaviyo.requests, and the
 * exit-after report says so and asks for exit status 1.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = { "example.stand-in=true", "example.stand-in.accepted-key=pk_another_key",
                               "example.period=500", "example.consumer-delay=500" })
class KlaviyoSpringBootExampleRejectedKeyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private TestRestTemplate http;
    @LocalServerPort
    private int port;

    @Test
    void healthIsDownAndTheMetricsShowThe401s() throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ResponseEntity<String> response = http.getForEntity("/actuator/health", String.class);
            assertThat(response.getStatusCode().value()).isEqualTo(503);
            JsonNode camel = JSON.readTree(response.getBody()).path("components").path("camelHealth").path("details");
            assertThat(camel.path("producer:klaviyo-profile-import/create").asText()).as(camel.toString())
                    .isEqualTo("DOWN");
            assertThat(camel.path("producer:klaviyo-profile-import/create.data").path("http.status").asText())
                    .isEqualTo("401");
            JsonNode metric = JSON.readTree(http.getForObject(
                    "/actuator/metrics/klaviyo.requests?tag=operation:profile-import/create&tag=status:401",
                    String.class));
            assertThat(metric.path("measurements").path(0).path("value").asDouble()).as(metric.toString())
                    .isGreaterThan(0);
        });

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        boolean up = KlaviyoSpringBootExample.report("http://localhost:" + port,
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(up).isFalse();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Health is DOWN: exiting with status 1.");
    }
}
