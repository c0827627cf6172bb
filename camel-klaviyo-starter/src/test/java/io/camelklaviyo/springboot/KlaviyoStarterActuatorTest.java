package io.camelklaviyo.springboot;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Spring Boot service with the starter, configured only by {@code application-klaviyo-actuator.properties} (plus
 * the stand-in's port), with valid credentials: a producer and a consumer route work against WireMock, Actuator's
 * {@code /actuator/health} is UP with the klaviyo producer check UP, and {@code /actuator/metrics/klaviyo.requests}
 * counts the calls by operation, outcome and status.
 */
@CamelSpringBootTest
@SpringBootTest(classes = ActuatorTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("klaviyo-actuator")
@DirtiesContext
class KlaviyoStarterActuatorTest {

    static final String PRODUCER_CHECK = "producer:klaviyo-profile-import/create";

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
    @Autowired
    private List<String> consumedEventIds;

    @Test
    void producerAndConsumerRoutesCallKlaviyoWithThePropertiesOnly() {
        Exchange exchange = template.request(ActuatorTestApplication.UPSERT,
                e -> e.getMessage().setBody(Map.of("email", "ada.lovelace@example.com")));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader("CamelKlaviyoHttpStatus", Integer.class)).isEqualTo(201);
        Map<?, ?> data = (Map<?, ?>) exchange.getMessage().getBody(Map.class).get("data");
        assertThat(data.get("id")).isEqualTo("01ACTUATORPROFILE000000000");
        KLAVIYO.server().verify(postRequestedFor(urlPathEqualTo("/api/profile-import"))
                .withHeader("Authorization", equalTo("Klaviyo-API-Key " + ActuatorStandIn.VALID_KEY))
                .withHeader("revision", equalTo("2026-07-15")));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(
                () -> assertThat(consumedEventIds).containsExactly(ActuatorStandIn.EVENT_ID));
        KLAVIYO.server().verify(getRequestedFor(urlPathEqualTo("/api/events"))
                .withHeader("revision", equalTo("2026-07-15")));
    }

    @Test
    void healthIsUpWithValidCredentials() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ResponseEntity<String> response = http.getForEntity("/actuator/health", String.class);
            JsonNode health = JSON.readTree(response.getBody());
            assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
            assertThat(health.path("status").asText()).isEqualTo("UP");
            JsonNode camel = health.path("components").path("camelHealth");
            assertThat(camel.path("status").asText()).as(camel.toString()).isEqualTo("UP");
            // the component's producer check: it verified the key with GET /api/accounts
            assertThat(camel.path("details").path(PRODUCER_CHECK).asText()).as(camel.toString()).isEqualTo("UP");
        });
        KLAVIYO.server().verify(getRequestedFor(urlPathEqualTo("/api/accounts"))
                .withHeader("Authorization", equalTo("Klaviyo-API-Key " + ActuatorStandIn.VALID_KEY)));
    }

    @Test
    void metricsCountTheRequestsByOperationOutcomeAndStatus() throws Exception {
        template.request(ActuatorTestApplication.UPSERT,
                e -> e.getMessage().setBody(Map.of("email", "grace.hopper@example.com")));

        ResponseEntity<String> response = http.getForEntity(
                "/actuator/metrics/klaviyo.requests?tag=operation:profile-import/create", String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        JsonNode metric = JSON.readTree(response.getBody());
        assertThat(measurement(metric, "COUNT")).isGreaterThanOrEqualTo(1.0);
        assertThat(measurement(metric, "TOTAL_TIME")).isGreaterThan(0.0);
        assertThat(tagValues(metric, "outcome")).contains("success");
        assertThat(tagValues(metric, "status")).contains("201");

        // every operation called so far is a value of the operation tag
        JsonNode all = JSON.readTree(http.getForEntity("/actuator/metrics/klaviyo.requests", String.class).getBody());
        assertThat(tagValues(all, "operation")).contains("profile-import/create");
    }

    static double measurement(JsonNode metric, String statistic) {
        for (JsonNode measurement : metric.path("measurements")) {
            if (statistic.equals(measurement.path("statistic").asText())) {
                return measurement.path("value").asDouble();
            }
        }
        throw new AssertionError("no " + statistic + " in " + metric);
    }

    static List<String> tagValues(JsonNode metric, String tag) {
        for (JsonNode available : metric.path("availableTags")) {
            if (tag.equals(available.path("tag").asText())) {
                return JSON.convertValue(available.path("values"), JSON.getTypeFactory()
                        .constructCollectionType(List.class, String.class));
            }
        }
        return List.of();
    }
}
