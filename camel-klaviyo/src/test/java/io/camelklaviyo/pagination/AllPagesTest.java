package io.camelklaviyo.pagination;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.camelklaviyo.KlaviyoApiException;
import io.camelklaviyo.KlaviyoConstants;
import io.camelklaviyo.KlaviyoStandIn;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.camelklaviyo.pagination.PageStubs.PROFILES;
import static io.camelklaviyo.pagination.PageStubs.profilePage;
import static io.camelklaviyo.pagination.PageStubs.stubError;
import static io.camelklaviyo.pagination.PageStubs.stubPage;
import static io.camelklaviyo.pagination.PageStubs.threeProfilePages;
import static org.assertj.core.api.Assertions.assertThat;

class AllPagesTest extends KlaviyoStandIn {

    /** A target class for responseType: one record. */
    public record Profile(String type, String id, Map<String, Object> attributes) {
    }

    @Test
    void gathersTheRecordsOfEveryPageInOrder() {
        threeProfilePages(klaviyo);

        Exchange result = template.request("klaviyo:profiles/list?pagination=ALL&pageSize=2&sort=email", e -> {
        });

        assertThat(result.getException()).isNull();
        assertThat(ids(result.getMessage().getBody(List.class))).containsExactly("P1", "P2", "P3", "P4", "P5", "P6");
        assertThat(result.getMessage().getHeaders())
                .containsEntry(KlaviyoConstants.PAGE_COUNT, 3)
                .containsEntry(KlaviyoConstants.RECORD_COUNT, 6)
                .containsEntry(KlaviyoConstants.TRUNCATED, false)
                .containsEntry(KlaviyoConstants.OPERATION, "profiles/list")
                .containsEntry(KlaviyoConstants.HTTP_STATUS, 200)
                // the budget after the last page
                .containsEntry(KlaviyoConstants.RATE_LIMIT_REMAINING, 97)
                .doesNotContainKey(KlaviyoConstants.NEXT_PAGE_CURSOR);
    }

    @Test
    void eachPageIsRequestedWithTheCursorOfThePreviousOneAndTheSameParameters() {
        threeProfilePages(klaviyo);

        template.request("klaviyo:profiles/list?pagination=ALL&pageSize=2&sort=email", e -> {
        });

        List<ServeEvent> served = new ArrayList<>(klaviyo.getAllServeEvents());
        Collections.reverse(served); // WireMock lists the latest first
        assertThat(served).hasSize(3);
        assertThat(served).extracting(event -> event.getRequest().queryParameter("page[cursor]").isPresent()
                ? event.getRequest().queryParameter("page[cursor]").firstValue()
                : null)
                .containsExactly(null, "C2+/=", "C3");
        assertThat(served).allSatisfy(event -> {
            assertThat(event.getRequest().queryParameter("page[size]").firstValue()).isEqualTo("2");
            assertThat(event.getRequest().queryParameter("sort").firstValue()).isEqualTo("email");
        });
    }

    @Test
    void maxPagesStopsEarlyWithTheCursorToResumeFrom() {
        threeProfilePages(klaviyo);

        Exchange result = template.request("klaviyo:profiles/list?pagination=ALL&maxPages=2", e -> {
        });

        assertThat(ids(result.getMessage().getBody(List.class))).containsExactly("P1", "P2", "P3", "P4");
        assertThat(result.getMessage().getHeaders())
                .containsEntry(KlaviyoConstants.PAGE_COUNT, 2)
                .containsEntry(KlaviyoConstants.RECORD_COUNT, 4)
                .containsEntry(KlaviyoConstants.TRUNCATED, true)
                .containsEntry(KlaviyoConstants.NEXT_PAGE_CURSOR, "C3");
        assertThat(klaviyo.getAllServeEvents()).hasSize(2);

        // resuming from the header gives the rest
        Exchange rest = template.request("klaviyo:profiles/list?pagination=ALL", e -> e.getMessage()
                .setHeader(KlaviyoConstants.PAGE_CURSOR, result.getMessage().getHeader(KlaviyoConstants.NEXT_PAGE_CURSOR)));
        assertThat(ids(rest.getMessage().getBody(List.class))).containsExactly("P5", "P6");
        assertThat(rest.getMessage().getHeader(KlaviyoConstants.TRUNCATED)).isEqualTo(false);
    }

    @Test
    void maxResultsStopsAtTheEndOfThePageThatReachesIt() {
        threeProfilePages(klaviyo);

        Exchange result = template.request("klaviyo:profiles/list?pagination=ALL&maxResults=3", e -> {
        });

        // whole pages: resuming from the cursor loses no record
        assertThat(ids(result.getMessage().getBody(List.class))).containsExactly("P1", "P2", "P3", "P4");
        assertThat(result.getMessage().getHeaders())
                .containsEntry(KlaviyoConstants.PAGE_COUNT, 2)
                .containsEntry(KlaviyoConstants.RECORD_COUNT, 4)
                .containsEntry(KlaviyoConstants.TRUNCATED, true)
                .containsEntry(KlaviyoConstants.NEXT_PAGE_CURSOR, "C3");
        assertThat(klaviyo.getAllServeEvents()).hasSize(2);
    }

    @Test
    void aLimitReachedOnTheLastPageIsNoTruncation() {
        threeProfilePages(klaviyo);

        Exchange result = template.request("klaviyo:profiles/list?pagination=ALL&maxResults=6&maxPages=3", e -> {
        });

        assertThat(result.getMessage().getHeaders())
                .containsEntry(KlaviyoConstants.RECORD_COUNT, 6)
                .containsEntry(KlaviyoConstants.TRUNCATED, false)
                .doesNotContainKey(KlaviyoConstants.NEXT_PAGE_CURSOR);
    }

    @Test
    void aFailedSecondPageFailsTheExchange() {
        stubPage(klaviyo, PROFILES, null, profilePage(PROFILES, "C2", "P1", "P2"), 99);
        stubError(klaviyo, PROFILES, "C2", 400);

        Exchange result = template.request("klaviyo:profiles/list?pagination=ALL", e -> {
        });

        assertThat(result.getException()).isInstanceOfSatisfying(KlaviyoApiException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(400);
            assertThat(e.getOperation()).isEqualTo("profiles/list");
        });
        assertThat(result.getMessage().getHeader(KlaviyoConstants.PAGE_COUNT)).isNull();
    }

    @Test
    void aResponseTypeShapesEachRecord() {
        threeProfilePages(klaviyo);

        List<?> body = template.requestBody("klaviyo:profiles/list?pagination=ALL&responseType=" + Profile.class.getName(),
                null, List.class);

        assertThat(body).hasSize(6).allSatisfy(record -> assertThat(record).isInstanceOf(Profile.class));
        assertThat(((Profile) body.get(2)).attributes()).containsEntry("email", "p3@example.com");
    }

    @Test
    void aCollectionWithoutPageParametersFollowsItsNextLinkToo() {
        String tags = "/api/campaigns/C1/tags";
        stubPage(klaviyo, tags, null, profilePage(tags, "T2", "T1"), 99);
        stubPage(klaviyo, tags, "T2", profilePage(tags, null, "T2"), 98);

        List<?> body = template.requestBody("klaviyo:campaigns/get-tags?id=C1&pagination=ALL", null, List.class);

        assertThat(ids(body)).containsExactly("T1", "T2");
    }

    @Test
    void theReportingPostsPageWithPageCursorAndTheSameBody() {
        String reports = "/api/campaign-values-reports";
        String first = "{\"data\":[{\"type\":\"campaign-values-report\",\"id\":\"R1\"}],\"links\":{\"next\":"
                       + "\"https://a.klaviyo.com/api/campaign-values-reports?page_cursor=RC2\"}}";
        String second = "{\"data\":[{\"type\":\"campaign-values-report\",\"id\":\"R2\"}],\"links\":{\"next\":null}}";
        klaviyo.stubFor(post(urlPathEqualTo(reports)).withQueryParam("page_cursor", absent())
                .willReturn(aResponse().withStatus(200).withBody(first)));
        klaviyo.stubFor(post(urlPathEqualTo(reports)).withQueryParam("page_cursor", equalTo("RC2"))
                .willReturn(aResponse().withStatus(200).withBody(second)));
        Map<String, Object> query = Map.of("statistics", List.of("opens"),
                "timeframe", Map.of("key", "last_12_months"), "conversion_metric_id", "M1");

        List<?> body = template.requestBody("klaviyo:campaign-values-reports/create?pagination=ALL", query, List.class);

        assertThat(ids(body)).containsExactly("R1", "R2");
        klaviyo.verify(2, postRequestedFor(urlPathEqualTo(reports)).withRequestBody(
                equalToJson("{\"data\":{\"type\":\"campaign-values-report\",\"attributes\":{\"statistics\":[\"opens\"],"
                            + "\"timeframe\":{\"key\":\"last_12_months\"},\"conversion_metric_id\":\"M1\"}}}")));
        klaviyo.verify(0, getRequestedFor(urlPathEqualTo(reports)));
    }

    static List<Object> ids(List<?> records) {
        return records.stream().map(record -> ((Map<?, ?>) record).get("id")).map(Object.class::cast).toList();
    }
}
