package io.camelklaviyo.metrics;

import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.camelklaviyo.KlaviyoStandIn;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class MicrometerMetricsTest extends KlaviyoStandIn {

    static final String ACCOUNTS = "{\"data\":[{\"type\":\"account\",\"id\":\"XyZ789\",\"attributes\":{}}]}";

    SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void bindRegistry() {
        // as an application does it: a MeterRegistry bean, found by type when the component starts
        context.getRegistry().bind("meterRegistry", meters);
        component.stop();
        component.start();
    }

    @Test
    void requestsAreTimedPerOperationOutcomeAndStatus() {
        klaviyo.stubFor(get(urlPathEqualTo("/api/accounts")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/vnd.api+json").withBody(ACCOUNTS)));
        klaviyo.stubFor(get(urlPathEqualTo("/api/lists")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/vnd.api+json")
                .withBody("{\"errors\":[{\"id\":\"e\",\"status\":400,\"code\":\"invalid\",\"title\":\"Invalid\"}]}")));

        template.sendBody("klaviyo:accounts/list", "");
        template.sendBody("klaviyo:accounts/list", "");
        template.send("klaviyo:lists/list", exchange -> {
        });

        Timer success = meters.find("klaviyo.requests").tags("operation", "accounts/list", "outcome", "success",
                "status", "200").timer();
        assertThat(success).isNotNull();
        assertThat(success.count()).isEqualTo(2);
        assertThat(success.totalTime(TimeUnit.NANOSECONDS)).isPositive();
        Timer clientError = meters.find("klaviyo.requests").tags("operation", "lists/list", "outcome",
                "client_error", "status", "400").timer();
        assertThat(clientError).isNotNull();
        assertThat(clientError.count()).isEqualTo(1);
    }

    @Test
    void throttlingWaitsAreRecorded() {
        klaviyo.stubFor(get(urlPathEqualTo("/api/accounts")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/vnd.api+json").withBody(ACCOUNTS)));

        // get_accounts allows 1 request a second: the second one waits for the next second's window
        template.sendBody("klaviyo:accounts/list", "");
        template.sendBody("klaviyo:accounts/list", "");

        Timer waits = meters.find("klaviyo.ratelimit.wait").tag("operation", "accounts/list").timer();
        assertThat(waits).isNotNull();
        assertThat(waits.count()).isEqualTo(2);
        assertThat(waits.max(TimeUnit.MILLISECONDS)).isGreaterThan(100);
    }

    @Test
    void retriesAreCounted() {
        component.getConfiguration().setRetryInitialDelay(10);
        klaviyo.stubFor(get(urlPathEqualTo("/api/lists")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        klaviyo.stubFor(get(urlPathEqualTo("/api/lists")).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/vnd.api+json")
                        .withBody("{\"data\":[]}")));

        template.sendBody("klaviyo:lists/list", "");

        assertThat(meters.find("klaviyo.retries").tag("operation", "lists/list").counter()).isNotNull()
                .satisfies(counter -> assertThat(counter.count()).isEqualTo(1.0));
        assertThat(meters.find("klaviyo.requests").tags("operation", "lists/list", "outcome", "server_error",
                "status", "503").timer().count()).isEqualTo(1);
        assertThat(meters.find("klaviyo.requests").tags("operation", "lists/list", "outcome", "success")
                .timer().count()).isEqualTo(1);
    }

    @Test
    void withoutARegistryOnlyTheInMemoryStatisticsAreKept() {
        context.getRegistry().unbind("meterRegistry");
        component.stop();
        component.start();
        klaviyo.stubFor(get(urlPathEqualTo("/api/accounts")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/vnd.api+json").withBody(ACCOUNTS)));

        template.sendBody("klaviyo:accounts/list", "");

        assertThat(component.getMetrics().micrometerBound()).isFalse();
        assertThat(meters.getMeters()).isEmpty();
        assertThat(component.getMetrics().statistics()).singleElement()
                .satisfies(s -> assertThat(s.requests()).isEqualTo(1));
    }
}
