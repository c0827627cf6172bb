package io.camelklaviyo.producer;

import java.util.Map;

import io.camelklaviyo.KlaviyoStandIn;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthenticationTest extends KlaviyoStandIn {

    @Test
    void apiOperationsSendThePrivateKeyAndTheRevision() {
        klaviyo.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"data\":[]}")));

        Exchange result = template.request("klaviyo:profiles/list", e -> {
        });

        assertThat(result.getException()).isNull();
        klaviyo.verify(getRequestedFor(urlPathEqualTo("/api/profiles"))
                .withHeader("Authorization", equalTo("Klaviyo-API-Key " + API_KEY))
                .withHeader("revision", equalTo("2026-07-15"))
                .withHeader("Accept", equalTo("application/vnd.api+json"))
                .withQueryParam("company_id", absent()));
    }

    @Test
    void clientOperationsSendThePublicKeyAsCompanyIdAndNeverThePrivateKey() {
        klaviyo.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(202)));

        Exchange result = template.request("klaviyo:client-events/create", e -> e.getMessage().setBody(Map.of(
                "properties", Map.of(), "metric", Map.of("data", Map.of("type", "metric",
                        "attributes", Map.of("name", "Viewed Product"))),
                "profile", Map.of("data", Map.of("type", "profile",
                        "attributes", Map.of("email", "jane@example.com"))))));

        assertThat(result.getException()).isNull();
        klaviyo.verify(postRequestedFor(urlPathEqualTo("/client/events"))
                .withQueryParam("company_id", equalTo(PUBLIC_KEY))
                .withHeader("Authorization", absent()));
        assertThat(klaviyo.getAllServeEvents().get(0).getRequest().getAbsoluteUrl()).doesNotContain(API_KEY);
    }

    @Test
    void aMissingPrivateKeyFailsWhenTheRouteStartsNamingTheOption() {
        component.getConfiguration().setApiKey(null);

        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:start").to("klaviyo:profiles/list");
            }
        })).rootCause().hasMessageContaining("apiKey").hasMessageContaining("profiles/list");
        assertThat(klaviyo.getAllServeEvents()).isEmpty();
    }

    @Test
    void aMissingPublicKeyFailsForClientOperations() {
        component.getConfiguration().setPublicKey(null);

        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:start").to("klaviyo:client-profiles/create");
            }
        })).rootCause().hasMessageContaining("publicKey");
    }
}
