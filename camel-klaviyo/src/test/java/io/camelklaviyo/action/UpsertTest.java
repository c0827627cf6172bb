package io.camelklaviyo.action;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelklaviyo.KlaviyoApiException;
import io.camelklaviyo.KlaviyoConstants;
import io.camelklaviyo.KlaviyoStandIn;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UpsertTest extends KlaviyoStandIn {

    private static final String CONFLICT = """
            {"errors":[{"id":"e","status":409,"code":"duplicate_profile",
              "title":"Conflict.","detail":"A profile already exists with one of these identifiers.",
              "source":{"pointer":"/data/attributes"},"meta":{"duplicate_profile_id":"01HEXISTING"}}]}""";

    @Test
    void aDuplicateProfileIsUpdatedInstead() {
        klaviyo.stubFor(post(urlPathEqualTo("/api/profiles")).willReturn(aResponse().withStatus(409).withBody(CONFLICT)));
        klaviyo.stubFor(patch(urlPathEqualTo("/api/profiles/01HEXISTING")).willReturn(aResponse().withStatus(200)
                .withBody("{\"data\":{\"type\":\"profile\",\"id\":\"01HEXISTING\"}}")));

        Exchange result = template.request("klaviyo:profiles/create?upsert=true&fields.profile=email",
                e -> e.getMessage().setBody(Map.of("email", "jane@example.com", "first_name", "Jane")));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(KlaviyoConstants.HTTP_STATUS)).isEqualTo(200);
        assertThat(((Map<?, ?>) result.getMessage().getBody(Map.class).get("data")).get("id")).isEqualTo("01HEXISTING");
        klaviyo.verify(1, postRequestedFor(urlPathEqualTo("/api/profiles")));
        klaviyo.verify(1, patchRequestedFor(urlPathEqualTo("/api/profiles/01HEXISTING"))
                .withQueryParam("fields[profile]", equalTo("email"))
                .withRequestBody(equalToJson("{\"data\":{\"type\":\"profile\",\"id\":\"01HEXISTING\","
                                             + "\"attributes\":{\"email\":\"jane@example.com\",\"first_name\":\"Jane\"}}}")));
    }

    @Test
    void withoutUpsertTheConflictIsTheFailure() {
        klaviyo.stubFor(post(urlPathEqualTo("/api/profiles")).willReturn(aResponse().withStatus(409).withBody(CONFLICT)));

        Exchange result = template.request("klaviyo:profiles/create",
                e -> e.getMessage().setBody(Map.of("email", "jane@example.com")));

        assertThat(result.getException()).isInstanceOfSatisfying(KlaviyoApiException.class,
                failure -> assertThat(failure.hasErrorCode("duplicate_profile")).isTrue());
        klaviyo.verify(0, patchRequestedFor(urlPathEqualTo("/api/profiles/01HEXISTING")));
    }

    @Test
    void otherFailuresAreNotUpserted() throws Exception {
        String invalid = new ObjectMapper().writeValueAsString(Map.of("errors", List.of(Map.of("id", "x",
                "code", "invalid", "title", "Invalid input.", "detail", "Bad email."))));
        klaviyo.stubFor(post(urlPathEqualTo("/api/profiles")).willReturn(aResponse().withStatus(400).withBody(invalid)));

        Exchange result = template.request("klaviyo:profiles/create?upsert=true",
                e -> e.getMessage().setBody(Map.of("email", "jane@")));

        assertThat(result.getException()).isInstanceOf(KlaviyoApiException.class).hasMessageContaining("Bad email.");
        assertThat(klaviyo.getAllServeEvents()).hasSize(1);
    }

    @Test
    void upsertOnAnotherOperationFailsAtEndpointCreation() {
        assertThatThrownBy(() -> context.getEndpoint("klaviyo:lists/create?upsert=true"))
                .rootCause().hasMessageContaining("upsert applies only to profiles/create");
    }
}
