package io.camelklaviyo.action;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.camelklaviyo.KlaviyoConstants;
import io.camelklaviyo.KlaviyoStandIn;
import io.camelklaviyo.request.InvalidRequestException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Add Profile to List" / "Remove Profile from List" by e-mail: batched lookups, unknown addresses reported.
 */
class ProfileListMembershipTest extends KlaviyoStandIn {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void stub() {
        // Klaviyo knows known-<n>@example.com as profile P<n>; each lookup batch answers the profiles it asked for
        klaviyo.stubFor(get(urlPathEqualTo("/api/profiles")).withQueryParam("filter", containing("known-0@"))
                .willReturn(profiles(0, 100)));
        klaviyo.stubFor(get(urlPathEqualTo("/api/profiles")).withQueryParam("filter", containing("known-100@"))
                .willReturn(profiles(100, 150)));
        klaviyo.stubFor(get(urlPathEqualTo("/api/profiles")).withQueryParam("filter", containing("nobody@"))
                .atPriority(10).willReturn(aResponse().withStatus(200).withBody("{\"data\":[]}")));
        klaviyo.stubFor(any(urlPathEqualTo("/api/lists/L1/relationships/profiles"))
                .willReturn(aResponse().withStatus(204)));
    }

    private static ResponseDefinitionBuilder profiles(int from, int to) {
        String data = IntStream.range(from, to)
                .mapToObj(i -> "{\"type\":\"profile\",\"id\":\"P" + i + "\",\"attributes\":{\"email\":\"known-" + i
                               + "@example.com\"}}")
                .collect(Collectors.joining(","));
        if (from == 100) {
            // Klaviyo matches addresses without regard to case
            data += ",{\"type\":\"profile\",\"id\":\"P3\",\"attributes\":{\"email\":\"known-3@example.com\"}}";
        }
        return aResponse().withStatus(200).withBody("{\"data\":[" + data + "]}");
    }

    @Test
    void emailsAreResolvedInBatchesOfOneHundredAndUnknownOnesReported() throws Exception {
        List<String> emails = new ArrayList<>(IntStream.range(0, 150).mapToObj(i -> "known-" + i + "@example.com")
                .toList());
        emails.add("nobody@example.com");
        emails.add("Known-3@Example.com"); // the same profile as known-3, in other case: resolved, not duplicated

        Exchange result = template.request("klaviyo:Add Profile to List?id=L1",
                e -> e.getMessage().setBody(Map.of("emails", emails)));

        assertThat(result.getException()).isNull();
        List<ServeEvent> lookups = requests("GET", "/api/profiles");
        assertThat(lookups).hasSize(2);
        assertThat(lookups.get(0).getRequest().queryParameter("page[size]").firstValue()).isEqualTo("100");
        assertThat(lookups.get(0).getRequest().queryParameter("filter").firstValue())
                .startsWith("any(email,[\"known-0@example.com\",\"known-1@example.com\",");
        JsonNode added = JSON.readTree(requests("POST", "/api/lists/L1/relationships/profiles").get(0)
                .getRequest().getBodyAsString());
        assertThat(added.get("data")).hasSize(150);
        assertThat(added.get("data").get(0).get("id").asText()).isEqualTo("P0");
        assertThat(result.getMessage().getHeader(KlaviyoConstants.UNKNOWN_EMAILS, List.class))
                .containsExactly("nobody@example.com");
    }

    @Test
    void profileIdsGoStraightThrough() throws Exception {
        Exchange result = template.request("klaviyo:lists/add-profiles?id=L1",
                e -> e.getMessage().setBody(Map.of("profile_ids", List.of("P1", "P2"))));

        assertThat(result.getException()).isNull();
        assertThat(requests("GET", "/api/profiles")).isEmpty();
        assertThat(JSON.readTree(requests("POST", "/api/lists/L1/relationships/profiles").get(0).getRequest()
                .getBodyAsString()).get("data")).hasSize(2);
    }

    @Test
    void emailsAndIdsTogetherAreRejectedBeforeAnyCall() {
        Exchange result = template.request("klaviyo:lists/add-profiles?id=L1", e -> e.getMessage()
                .setBody(Map.of("emails", List.of("known-1@example.com"), "profile_ids", List.of("P1"))));

        assertThat(result.getException()).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("either emails or profile_ids, not both");
        assertThat(klaviyo.getAllServeEvents()).isEmpty();
    }

    @Test
    void anInvalidAddressIsRejectedBeforeAnyCall() {
        Exchange result = template.request("klaviyo:lists/remove-profiles?id=L1",
                e -> e.getMessage().setBody(Map.of("emails", List.of("not-an-address"))));

        assertThat(result.getException()).hasMessageContaining("'not-an-address' is not an e-mail address");
        assertThat(klaviyo.getAllServeEvents()).isEmpty();
    }

    @Test
    void whenNoAddressIsKnownNothingIsSentAndTheExchangeFails() {
        Exchange result = template.request("klaviyo:Remove Profile from List?id=L1",
                e -> e.getMessage().setBody(Map.of("emails", List.of("nobody@example.com"))));

        assertThat(result.getException()).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("none of the 1 e-mail addresses matches a Klaviyo profile");
        assertThat(result.getMessage().getHeader(KlaviyoConstants.UNKNOWN_EMAILS, List.class))
                .containsExactly("nobody@example.com");
        assertThat(requests("DELETE", "/api/lists/L1/relationships/profiles")).isEmpty();
    }

    private static List<ServeEvent> requests(String method, String path) {
        List<ServeEvent> events = klaviyo.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().getName().equals(method)
                             && e.getRequest().getUrl().split("\\?")[0].equals(path))
                .collect(Collectors.toCollection(ArrayList::new));
        // WireMock lists the newest first
        Collections.reverse(events);
        return events;
    }
}
