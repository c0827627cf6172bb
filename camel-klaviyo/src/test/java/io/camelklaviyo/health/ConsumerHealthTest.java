package io.camelklaviyo.health;

import java.time.Duration;
import java.util.Optional;

import io.camelklaviyo.KlaviyoStandIn;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ConsumerHealthTest extends KlaviyoStandIn {

    @Test
    void aFailingPollMakesTheConsumerDownWithKlaviyosMessage() throws Exception {
        klaviyo.stubFor(get(urlPathEqualTo("/api/events")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/vnd.api+json")
                .withBody("{\"errors\":[{\"id\":\"e\",\"status\":403,\"code\":\"permission_denied\","
                          + "\"title\":\"Permission denied\",\"detail\":\"Missing scope events:read.\"}]}")));
        HealthChecks.enable(context);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("klaviyo:events?initialDelay=0&delay=100").routeId("events").to("mock:events");
            }
        });

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Optional<HealthCheck.Result> result = HealthCheckHelper.invoke(context).stream()
                    .filter(r -> r.getCheck().getId().equals("consumer:events")).findFirst();
            assertThat(result).hasValueSatisfying(r -> {
                assertThat(r.getState()).isEqualTo(HealthCheck.State.DOWN);
                assertThat(r.getError()).hasValueSatisfying(e -> assertThat(e.getMessage())
                        .contains("HTTP 403").contains("Missing scope events:read."));
            });
        });
    }
}
