package io.camelklaviyo.pagination;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.camelklaviyo.KlaviyoStandIn;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.camelklaviyo.pagination.PageStubs.nextLink;
import static io.camelklaviyo.pagination.PageStubs.stub;
import static org.assertj.core.api.Assertions.assertThat;

class IncludedJoinTest extends KlaviyoStandIn {

    private static final String EVENTS = "/api/events";

    /** A page of events, each naming its profile (to-one) and attributions (to-many), with what was included. */
    private static String eventPage(String event, String profile, String next) {
        return """
                {"data":[{"type":"event","id":"%1$s","attributes":{"datetime":"2024-05-01T00:00:00Z"},
                  "relationships":{
                    "profile":{"data":{"type":"profile","id":"%2$s"},"links":{"self":"x"}},
                    "attributions":{"data":[{"type":"attribution","id":"A-%1$s"},{"type":"attribution","id":"GONE"}]},
                    "metric":{"data":{"type":"metric","id":"M1"}}}}],
                 "included":[{"type":"profile","id":"%2$s","attributes":{"email":"%2$s@example.com"}},
                             {"type":"attribution","id":"A-%1$s","attributes":{"send_time":"2024-04-30T00:00:00Z"}}],
                 "links":{"next":%3$s}}""".formatted(event, profile, nextLink(EVENTS, next));
    }

    private void twoEventPages() {
        stub(klaviyo, EVENTS, null, json(eventPage("E1", "P1", "C2")));
        stub(klaviyo, EVENTS, "C2", json(eventPage("E2", "P2", null)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/vnd.api+json").withBody(body);
    }

    @Test
    void eachIdentifierIsReplacedByItsIncludedResource() {
        twoEventPages();

        List<?> events = template.requestBody(
                "klaviyo:events/list?include=profile,attributions&joinIncluded=true&pagination=ALL", null, List.class);

        assertThat(events).hasSize(2);
        Map<?, ?> second = (Map<?, ?>) events.get(1);
        assertThat(relationship(second, "profile")).isEqualTo(Map.of("type", "profile", "id", "P2",
                "attributes", Map.of("email", "P2@example.com")));
        assertThat(toMany(second, "attributions")).containsExactly(
                Map.of("type", "attribution", "id", "A-E2", "attributes", Map.of("send_time", "2024-04-30T00:00:00Z")),
                // no included resource: the identifier stays
                Map.of("type", "attribution", "id", "GONE"));
        // not included: unchanged
        assertThat(relationship(second, "metric")).isEqualTo(Map.of("type", "metric", "id", "M1"));
        // the relationship's other members stay
        assertThat(((Map<?, ?>) ((Map<?, ?>) second.get("relationships")).get("profile")).get("links"))
                .isEqualTo(Map.of("self", "x"));
        assertThat(events).allSatisfy(event -> assertThat(((Map<?, ?>) event).containsKey("included")).isFalse());
        klaviyo.verify(2, getRequestedFor(urlPathEqualTo(EVENTS)).withQueryParam("include",
                equalTo("profile,attributions")));
    }

    @Test
    void aStreamJoinsEveryPage() {
        twoEventPages();

        Iterator<?> events = template.requestBody("klaviyo:events/list?include=profile&joinIncluded=true&pagination=STREAM",
                null, Iterator.class);

        assertThat(relationship((Map<?, ?>) events.next(), "profile")).isEqualTo(Map.of("type", "profile", "id", "P1",
                "attributes", Map.of("email", "P1@example.com")));
        assertThat(relationship((Map<?, ?>) events.next(), "profile")).isEqualTo(Map.of("type", "profile", "id", "P2",
                "attributes", Map.of("email", "P2@example.com")));
        assertThat(events.hasNext()).isFalse();
    }

    @Test
    void aSinglePageIsJoinedInTheDocumentAndItsData() {
        twoEventPages();

        Map<?, ?> document = template.requestBody("klaviyo:events/list?include=profile&joinIncluded=true", null, Map.class);
        List<?> data = template.requestBody("klaviyo:events/list?include=profile&joinIncluded=true&responseFormat=DATA",
                null, List.class);

        Map<?, ?> event = (Map<?, ?>) ((List<?>) document.get("data")).get(0);
        assertThat(((Map<?, ?>) relationship(event, "profile")).get("attributes"))
                .isEqualTo(Map.of("email", "P1@example.com"));
        // the document as a whole keeps its included array
        assertThat((List<?>) document.get("included")).hasSize(2);
        assertThat(((Map<?, ?>) relationship((Map<?, ?>) data.get(0), "profile")).get("attributes"))
                .isEqualTo(Map.of("email", "P1@example.com"));
    }

    @Test
    void withoutJoinIncludedTheIdentifiersStay() {
        twoEventPages();

        List<?> events = template.requestBody("klaviyo:events/list?include=profile&pagination=ALL", null, List.class);

        assertThat(relationship((Map<?, ?>) events.get(0), "profile")).isEqualTo(Map.of("type", "profile", "id", "P1"));
    }

    private static Object relationship(Map<?, ?> record, String name) {
        return ((Map<?, ?>) ((Map<?, ?>) record.get("relationships")).get(name)).get("data");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> toMany(Map<?, ?> record, String name) {
        return (List<Object>) relationship(record, name);
    }
}
