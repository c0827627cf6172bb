package io.camelklaviyo.retry;

import io.camelklaviyo.KlaviyoComponent;
import io.camelklaviyo.KlaviyoStandIn;
import io.camelklaviyo.KlaviyoTimeoutException;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A call abandoned by its requestTimeout gives its pooled connection back at once, instead of holding it until the
 * slow answer arrives or the response timeout fires.
 */
class AbandonedAttemptTest extends KlaviyoStandIn {

    @Test
    void anAbandonedAttemptFreesItsConnectionForTheNextCall() throws Exception {
        klaviyo.stubFor(get(urlPathEqualTo("/api/profiles")).inScenario("slow first").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(200).withBody("{\"data\":[]}").withFixedDelay(8_000))
                .willSetStateTo("fast"));
        klaviyo.stubFor(get(urlPathEqualTo("/api/profiles")).inScenario("slow first").whenScenarioStateIs("fast")
                .willReturn(aResponse().withStatus(200).withBody("{\"data\":[]}")));
        context.stop();
        context = new DefaultCamelContext();
        component = new KlaviyoComponent();
        component.getConfiguration().setApiKey(API_KEY);
        component.getConfiguration().setBaseUrl(klaviyo.baseUrl());
        component.setMaxConnections(1);
        // only the connection pool is under test here
        component.setRateLimiting(false);
        context.addComponent("klaviyo", component);
        context.start();
        template = context.createProducerTemplate();
        String uri = "klaviyo:profiles/list?maxRetries=0&responseTimeout=20000&requestTimeout=3000";

        Exchange abandoned = template.request(uri, e -> {
        });
        Exchange next = template.request(uri, e -> {
        });

        assertThat(abandoned.getException()).isInstanceOf(KlaviyoTimeoutException.class);
        // the only connection is free again: the next call gets it within its own 3 s, long before the slow answer
        assertThat(next.getException()).isNull();
        assertThat(next.getMessage().getHeader("CamelKlaviyoHttpStatus")).isEqualTo(200);
    }
}
