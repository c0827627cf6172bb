package io.camelklaviyo.pagination;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Pages of a Klaviyo collection on the WireMock stand-in: each page answers one cursor (the first page no cursor) and
 * links to the next one as Klaviyo does, with a full {@code links.next} URL.
 */
final class PageStubs {

    static final String PROFILES = "/api/profiles";

    private PageStubs() {
    }

    /** A collection page of profiles with these ids, linking to {@code nextCursor} (null on the last page). */
    static String profilePage(String path, String nextCursor, String... ids) {
        String records = List.of(ids).stream()
                .map(id -> "{\"type\":\"profile\",\"id\":\"" + id + "\",\"attributes\":{\"email\":\"" + id.toLowerCase()
                           + "@example.com\"}}")
                .collect(Collectors.joining(","));
        return "{\"data\":[" + records + "],\"links\":{\"self\":\"https://a.klaviyo.com" + path + "\",\"next\":"
               + nextLink(path, nextCursor) + "}}";
    }

    /** {@code links.next} as Klaviyo writes it, in JSON: the full URL with every parameter, or null. */
    static String nextLink(String path, String cursor) {
        return cursor == null
                ? "null"
                : "\"https://a.klaviyo.com" + path + "?page%5Bsize%5D=2&page%5Bcursor%5D="
                  + URLEncoder.encode(cursor, StandardCharsets.UTF_8) + "\"";
    }

    /** Answers GET {@code path} with {@code cursor} (null: no cursor, the first page) with this document. */
    static void stubPage(WireMockServer klaviyo, String path, String cursor, String document, int remaining) {
        stub(klaviyo, path, cursor, aResponse().withStatus(200).withBody(document)
                .withHeader("Content-Type", "application/vnd.api+json")
                .withHeader("RateLimit-Limit", "700")
                .withHeader("RateLimit-Remaining", Integer.toString(remaining))
                .withHeader("RateLimit-Reset", "30"));
    }

    /** Answers GET {@code path} with {@code cursor} with a JSON:API error. */
    static void stubError(WireMockServer klaviyo, String path, String cursor, int status) {
        stub(klaviyo, path, cursor, aResponse().withStatus(status)
                .withHeader("Content-Type", "application/vnd.api+json")
                .withBody("{\"errors\":[{\"id\":\"e1\",\"status\":" + status + ",\"code\":\"invalid\",\"title\":"
                          + "\"Invalid input.\",\"detail\":\"The page cursor is invalid.\","
                          + "\"source\":{\"parameter\":\"page[cursor]\"}}]}"));
    }

    static void stub(WireMockServer klaviyo, String path, String cursor, ResponseDefinitionBuilder response) {
        MappingBuilder request = get(urlPathEqualTo(path))
                .withQueryParam("page[cursor]", cursor == null ? absent() : equalTo(cursor));
        klaviyo.stubFor(request.willReturn(response));
    }

    /** Three pages of two profiles: P1 P2 | P3 P4 | P5 P6, the second cursor with characters that need encoding. */
    static void threeProfilePages(WireMockServer klaviyo) {
        stubPage(klaviyo, PROFILES, null, profilePage(PROFILES, "C2+/=", "P1", "P2"), 99);
        stubPage(klaviyo, PROFILES, "C2+/=", profilePage(PROFILES, "C3", "P3", "P4"), 98);
        stubPage(klaviyo, PROFILES, "C3", profilePage(PROFILES, null, "P5", "P6"), 97);
    }
}
