package io.camelklaviyo.springboot;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelklaviyo.KlaviyoApiException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.camelklaviyo.springboot.KlaviyoStarterActuatorTest.PRODUCER_CHECK;
import static io.camelklaviyo.springboot.KlaviyoStarterActuatorTest.measurement;
import static io.camelklaviyo.springboot.KlaviyoStarterActuatorTest.tagValues;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The same service with a key Klaviyo rejects (profile {@code klaviyo-actuator-401}): {@code /actuator/health} is
 * DOWN (HTTP 503) and the klaviyo producer check says why, with the HTTP status; the failed call is in
 * {@code klaviyo.requests} as a client error with status 401.
 */
@CamelSpringBootTest
@SpringBootTest(classes = ActuatorTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "klaviyo-actuator", "klaviyo-actuator-401" })
@DirtiesContext
class KlaviyoStarterActuatorUnauthorizedTest {

    private static final ActuatorStandIn KLAVIYO = ActuatorStandIn.start();
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void klaviyoBaseUrl(DynamicPropertyRegistry registry) {
        registry.add("camel.component.klaviyo.base-url", KLAVIYO::baseUrl);
    }

    @AfterAll
    static void stopKlaviyo() {
        KLAVIYO.close();
    }

    @Autowired
    private ProducerTemplate template;
    @Autowired
    private TestRestTemplate http;

    @Test
    void healthIsDownWithAClearMessageWhenKlaviyoAnswers401() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ResponseEntity<String> response = http.getForEntity("/actuator/health", String.class);
            JsonNode health = JSON.readTree(response.getBody());
            assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(503);
            assertThat(health.path("status").asText()).isEqualTo("DOWN");
            JsonNode camel = health.path("components").path("camelHealth");
            assertThat(camel.path("status").asText()).isEqualTo("DOWN");
            assertThat(camel.path("details").path(PRODUCER_CHECK).asText()).as(camel.toString()).isEqualTo("DOWN");
            // what an operator reads: the status, Klaviyo's error code and the component's message about the check's
            // accounts/list call (Camel's Spring Boot indicator shows the check's details and its error, not its message)
            JsonNode data = camel.path("details").path(PRODUCER_CHECK + ".data");
            assertThat(data.path("http.status").asText()).as(data.toString()).isEqualTo("401");
            assertThat(data.path("error.code").asText()).isEqualTo("authentication_failed");
            assertThat(data.path("message").asText()).startsWith("Klaviyo rejected the credentials: ")
                    .contains("(HTTP 401, code authentication_failed)");
            assertThat(data.path("operation").asText()).isEqualTo("profile-import/create");
            assertThat(data.path("error.stacktrace").asText()).startsWith(
                    "io.camelklaviyo.KlaviyoApiException: Klaviyo accounts/list failed with HTTP 401:"
                    + " authentication_failed - Incorrect authentication credentials.");
            assertThat(response.getBody()).doesNotContain("pk_test_actuator_revoked_key");
        });
    }

    @Test
    void theRejectedCallIsCountedAsAClientErrorWith401() throws Exception {
        Exchange exchange = template.request(ActuatorTestApplication.UPSERT,
                e -> e.getMessage().setBody(Map.of("email", "ada.lovelace@example.com")));
        assertThat(exchange.getException()).isInstanceOf(KlaviyoApiException.class).hasMessageContaining("401");

        ResponseEntity<String> response = http.getForEntity(
                "/actuator/metrics/klaviyo.requests?tag=operation:profile-import/create&tag=status:401", String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        JsonNode metric = JSON.readTree(response.getBody());
        assertThat(measurement(metric, "COUNT")).isGreaterThanOrEqualTo(1.0);
        assertThat(tagValues(metric, "outcome")).containsExactly("client_error");
    }
}
