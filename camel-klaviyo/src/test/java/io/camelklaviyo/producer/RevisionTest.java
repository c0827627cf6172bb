package io.camelklaviyo.producer;

import io.camelklaviyo.KlaviyoStandIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

class RevisionTest extends KlaviyoStandIn {

    @BeforeEach
    void stub() {
        klaviyo.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"data\":[]}")));
    }

    @Test
    void theComponentRevisionAppliesToEveryEndpoint() {
        component.getConfiguration().setRevision("2025-10-15");

        template.requestBody("klaviyo:lists/list", (Object) null);

        klaviyo.verify(getRequestedFor(urlPathEqualTo("/api/lists")).withHeader("revision", equalTo("2025-10-15")));
    }

    @Test
    void anEndpointRevisionOverridesTheComponent() {
        component.getConfiguration().setRevision("2025-10-15");

        template.requestBody("klaviyo:lists/list?revision=2026-07-15.pre", (Object) null);
        template.requestBody("klaviyo:segments/list", (Object) null);

        klaviyo.verify(getRequestedFor(urlPathEqualTo("/api/lists")).withHeader("revision", equalTo("2026-07-15.pre")));
        klaviyo.verify(getRequestedFor(urlPathEqualTo("/api/segments")).withHeader("revision", equalTo("2025-10-15")));
    }
}
