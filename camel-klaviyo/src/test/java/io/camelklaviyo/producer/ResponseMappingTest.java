package io.camelklaviyo.producer;

import java.util.List;
import java.util.Map;

import io.camelklaviyo.KlaviyoConstants;
import io.camelklaviyo.KlaviyoResponseMappingException;
import io.camelklaviyo.KlaviyoStandIn;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

class ResponseMappingTest extends KlaviyoStandIn {

    private static final String PAGE = """
            {"data":[{"type":"profile","id":"P1","attributes":{"email":"jane@example.com"}}],
             "links":{"self":"https://a.klaviyo.com/api/profiles",
                      "next":"https://a.klaviyo.com/api/profiles?page%5Bcursor%5D=Q1VSU09S"}}""";

    /** A target class for responseType. */
    public record ProfilePage(List<Map<String, Object>> data, Map<String, String> links) {
    }

    private void answer(int status, String body) {
        klaviyo.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status).withBody(body)
                .withHeader("Content-Type", "application/vnd.api+json")
                .withHeader("RateLimit-Limit", "700").withHeader("RateLimit-Remaining", "699")
                .withHeader("RateLimit-Reset", "42")));
    }

    @Test
    void theDocumentIsAMapWithStatusBudgetAndNextCursorHeaders() {
        answer(200, PAGE);

        Exchange result = template.request("klaviyo:profiles/list", e -> {
        });

        Map<?, ?> document = result.getMessage().getBody(Map.class);
        assertThat((List<?>) document.get("data")).hasSize(1);
        assertThat(result.getMessage().getHeaders())
                .containsEntry(KlaviyoConstants.HTTP_STATUS, 200)
                .containsEntry(KlaviyoConstants.OPERATION, "profiles/list")
                .containsEntry(KlaviyoConstants.RATE_LIMIT_LIMIT, 700)
                .containsEntry(KlaviyoConstants.RATE_LIMIT_REMAINING, 699)
                .containsEntry(KlaviyoConstants.RATE_LIMIT_RESET, 42)
                .containsEntry(KlaviyoConstants.NEXT_PAGE_CURSOR, "Q1VSU09S");
    }

    @Test
    void dataFormatGivesOnlyTheData() {
        answer(200, PAGE);

        Object body = template.requestBody("klaviyo:profiles/list?responseFormat=DATA", (Object) null);

        assertThat(body).isInstanceOf(List.class);
        assertThat(((Map<?, ?>) ((List<?>) body).get(0)).get("id")).isEqualTo("P1");
    }

    @Test
    void rawFormatGivesTheText() {
        answer(200, PAGE);

        Object body = template.requestBody("klaviyo:profiles/list?responseFormat=RAW", (Object) null);

        assertThat(body).isEqualTo(PAGE);
    }

    @Test
    void aResponseTypeConvertsTheDocument() {
        answer(200, PAGE);

        Object body = template.requestBody("klaviyo:profiles/list?responseType=" + ProfilePage.class.getName(), (Object) null);

        assertThat(body).isInstanceOfSatisfying(ProfilePage.class,
                page -> assertThat(page.data().get(0)).containsEntry("id", "P1"));
    }

    @Test
    void aNextLinkWithoutACursorIsNoFailure() {
        answer(200, "{\"data\":[],\"links\":{\"next\":\"https://a.klaviyo.com/api/profiles?sort=id\"}}");

        Exchange result = template.request("klaviyo:profiles/list", e -> {
        });

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(KlaviyoConstants.NEXT_PAGE_CURSOR)).isNull();
    }

    @Test
    void aResponseTypeThatDoesNotFitKeepsTheSuccessfulResponse() {
        answer(201, "{\"data\":{\"type\":\"profile\",\"id\":\"P1\"}}");

        Exchange result = template.request("klaviyo:profiles/create?responseType=java.lang.Integer",
                e -> e.getMessage().setBody(Map.of("email", "jane@example.com")));

        assertThat(result.getException()).isInstanceOfSatisfying(KlaviyoResponseMappingException.class, failure -> {
            assertThat(failure.getStatusCode()).isEqualTo(201);
            assertThat(failure.getResponseBody()).contains("\"id\":\"P1\"");
            assertThat(failure.getMessage()).startsWith("Klaviyo profiles/create succeeded with HTTP 201");
        });
    }

    @Test
    void noContentLeavesAnEmptyBody() {
        answer(204, "");

        Exchange result = template.request("klaviyo:lists/add-profiles?id=L1", e -> e.getMessage().setBody(List.of("P1")));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody()).isNull();
        assertThat(result.getMessage().getHeader(KlaviyoConstants.HTTP_STATUS)).isEqualTo(204);
    }

    @Test
    void theLastPageHasNoNextCursorEvenIfTheExchangeCarriedOne() {
        answer(200, "{\"data\":[],\"links\":{\"next\":null}}");

        Exchange result = template.request("klaviyo:profiles/list", e -> e.getMessage()
                .setHeader(KlaviyoConstants.NEXT_PAGE_CURSOR, "stale"));

        assertThat(result.getMessage().getHeader(KlaviyoConstants.NEXT_PAGE_CURSOR)).isNull();
    }
}
