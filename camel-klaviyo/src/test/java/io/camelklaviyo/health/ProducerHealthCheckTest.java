package io.camelklaviyo.health;

import java.util.Optional;

import io.camelklaviyo.KlaviyoStandIn;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class ProducerHealthCheckTest extends KlaviyoStandIn {

    static final String ID = "producer:klaviyo-profiles/create";
    static final String ACCOUNTS = """
            {"data":[{"type":"account","id":"XyZ789","attributes":{"contact_information":
            {"organization_name":"Acme Outdoor","default_sender_email":"shop@example.com"}}}]}""";
    static final String REJECTED = """
            {"errors":[{"id":"e1","status":401,"code":"not_authenticated","title":"Authentication credentials were not\
             provided.","detail":"Missing or invalid private key.","source":{"pointer":"/data/"}}]}""";

    void accountsAnswer(int status, String body) {
        klaviyo.stubFor(get(urlPathEqualTo("/api/accounts")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/vnd.api+json").withBody(body)));
    }

    void producerRoute() throws Exception {
        HealthChecks.enable(context);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:create").routeId("create").to("klaviyo:profiles/create");
            }
        });
    }

    HealthCheck.Result health() {
        Optional<HealthCheck.Result> result = HealthCheckHelper.invoke(context).stream()
                .filter(r -> r.getCheck().getId().equals(ID)).findFirst();
        assertThat(result).as("health check %s among %s", ID, HealthCheckHelper.invoke(context).stream()
                .map(r -> r.getCheck().getId()).toList()).isPresent();
        return result.get();
    }

    @Test
    void validCredentialsAreUpWithTheAccountAndNeverTheKey() throws Exception {
        accountsAnswer(200, ACCOUNTS);
        producerRoute();

        HealthCheck.Result result = health();

        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(result.getDetails()).containsEntry("account.id", "XyZ789")
                .containsEntry("organization.name", "Acme Outdoor")
                .containsEntry("baseUrl", klaviyo.baseUrl())
                .containsKey("revision");
        assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("XyZ789"));
        assertThat(result.getDetails().toString() + result.getMessage()).doesNotContain(API_KEY);
        assertThat(result.getCheck().isLiveness()).isFalse();
        klaviyo.verify(1, getRequestedFor(urlPathEqualTo("/api/accounts")));
    }

    @Test
    void rejectedCredentialsAreDownWithAClearMessage() throws Exception {
        accountsAnswer(401, REJECTED);
        producerRoute();

        HealthCheck.Result result = health();

        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).contains("Klaviyo rejected the credentials: Missing or invalid private key."
                                                 + " (HTTP 401, code not_authenticated)");
        assertThat(result.getDetails()).containsEntry("http.status", 401)
                .containsEntry("error.code", "not_authenticated");
    }

    @Test
    void verificationsAreCachedAcrossProbesAndProducers() throws Exception {
        accountsAnswer(200, ACCOUNTS);
        producerRoute();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:lists").to("klaviyo:lists/list");
            }
        });

        health();
        health();
        HealthCheckHelper.invoke(context);

        klaviyo.verify(1, getRequestedFor(urlPathEqualTo("/api/accounts")));
    }

    @Test
    void anUnreachableKlaviyoIsDown() throws Exception {
        component.getConfiguration().setMaxRetries(0);
        component.getConfiguration().setBaseUrl("http://127.0.0.1:1");
        producerRoute();

        HealthCheck.Result result = health();

        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m)
                .startsWith("Klaviyo is not reachable at http://127.0.0.1:1"));
    }

    @Test
    void aClientOperationIsUpWithoutACall() throws Exception {
        HealthChecks.enable(context);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:event").to("klaviyo:client-events/create");
            }
        });

        HealthCheck.Result result = HealthCheckHelper.invoke(context).stream()
                .filter(r -> r.getCheck().getId().startsWith(KlaviyoProducerHealthCheck.ID_PREFIX)).findFirst()
                .orElseThrow();

        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        klaviyo.verify(0, getRequestedFor(urlPathEqualTo("/api/accounts")));
    }
}
