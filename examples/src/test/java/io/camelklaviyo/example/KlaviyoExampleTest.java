package io.camelklaviyo.example;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.camelklaviyo.example.KlaviyoExample.WorkflowResult;
import io.camelklaviyo.example.standin.KlaviyoStandIn;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the example's YAML workflow in-process against the stand-in and checks both what it reports and what the
 * stand-in received.
 */
class KlaviyoExampleTest {

    private static final List<String> EMAILS = List.of("ada.lovelace@example.com", "grace.hopper@example.com",
            "alan.turing@example.com");

    private KlaviyoStandIn standIn;

    @BeforeEach
    void startStandIn() {
        standIn = KlaviyoStandIn.start();
    }

    @AfterEach
    void stopStandIn() {
        standIn.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void upsertsProfilesAddsThemToANewListTracksAnEventAndReadsThemBack() throws Exception {
        WorkflowResult result = KlaviyoExample.runWorkflow(settings(standIn.apiKey(), ""));

        assertThat(result.failure()).as("workflow failure").isNull();
        Map<String, Object> variables = result.variables();
        List<?> profileIds = (List<?>) variables.get("profileIds");
        assertThat(profileIds).hasSize(3).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id.toString()).matches("01[0-9A-Z]{24}"));
        assertThat(variables.get("listSource")).isEqualTo("created");
        assertThat(variables.get("listName")).isEqualTo("camel-klaviyo example");
        assertThat(variables.get("addStatus")).isEqualTo(204);
        assertThat(variables.get("eventStatus")).isEqualTo(202);
        assertThat(variables.get("readBackCount")).isEqualTo(3);
        assertThat(variables.get("attempts")).isEqualTo(1);
        assertThat((List<Object>) variables.get("readBackEmails")).containsExactlyInAnyOrderElementsOf(EMAILS);
        String listId = (String) variables.get("listId");
        assertThat(result.summary())
                .contains("1. Upserted 3 profiles (profile-import/create): " + profileIds)
                .contains("2. List " + listId + " \"camel-klaviyo example\" (created): added 3 profiles"
                          + " (lists/add-profiles, HTTP 204)")
                .contains("3. Event \"Camel Klaviyo Example Run\" for ada.lovelace@example.com accepted"
                          + " (events/create, HTTP 202)")
                .contains("4. Read back 3 of 3 profiles from the list");

        // exactly these requests, each answered with success
        assertThat(requestsPerPath()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "POST /api/profile-import", 3L,
                "GET /api/lists", 1L,
                "POST /api/lists", 1L,
                "POST /api/lists/" + listId + "/relationships/profiles", 1L,
                "POST /api/events", 1L,
                "GET /api/lists/" + listId + "/profiles", 1L));
        assertThat(standIn.server().getAllServeEvents())
                .allSatisfy(event -> assertThat(event.getResponse().getStatus()).isBetween(200, 299));
        assertThat(standIn.server().findAll(postRequestedFor(urlPathEqualTo("/api/profile-import"))))
                .extracting(request -> request.getHeader("Authorization"), request -> request.getHeader("revision"))
                .containsOnly(Tuple.tuple("Klaviyo-API-Key " + standIn.apiKey(),
                        "2026-07-15"));

        // what the component made of the route's bodies and headers
        assertThat(count(postRequestedFor(urlPathEqualTo("/api/lists/" + listId + "/relationships/profiles"))
                .withRequestBody(equalToJson(relationshipBody(profileIds))))).isEqualTo(1);
        assertThat(count(getRequestedFor(urlPathEqualTo("/api/lists"))
                .withQueryParam("filter", equalTo("equals(name,\"camel-klaviyo example\")")))).isEqualTo(1);
        assertThat(count(getRequestedFor(urlPathEqualTo("/api/lists/" + listId + "/profiles"))
                .withQueryParam("filter", equalTo("any(email,[\"" + String.join("\",\"", EMAILS) + "\"])"))))
                .isEqualTo(1);
        assertThat(standIn.events()).singleElement().satisfies(event -> {
            JsonNode attributes = event.path("attributes");
            assertThat(attributes.at("/metric/data/attributes/name").asText()).isEqualTo("Camel Klaviyo Example Run");
            assertThat(attributes.at("/profile/data/attributes/email").asText()).isEqualTo(EMAILS.get(0));
            assertThat(attributes.at("/properties/list_id").asText()).isEqualTo(listId);
            assertThat(attributes.at("/properties/profiles_added").asInt()).isEqualTo(3);
        });
    }

    @Test
    void aSecondRunUpdatesTheSameProfilesAndReusesTheListByNameOrById() throws Exception {
        WorkflowResult first = KlaviyoExample.runWorkflow(settings(standIn.apiKey(), ""));
        WorkflowResult byName = KlaviyoExample.runWorkflow(settings(standIn.apiKey(), ""));
        String listId = (String) first.variables().get("listId");
        WorkflowResult byId = KlaviyoExample.runWorkflow(settings(standIn.apiKey(), listId));

        assertThat(List.of(first, byName, byId)).noneMatch(WorkflowResult::failed);
        assertThat(byName.variables().get("profileIds")).isEqualTo(first.variables().get("profileIds"));
        assertThat(byName.variables()).containsEntry("listId", listId).containsEntry("listSource", "found by name");
        assertThat(byId.variables()).containsEntry("listId", listId)
                .containsEntry("listSource", "given by KLAVIYO_LIST_ID").containsEntry("readBackCount", 3);
        assertThat(count(postRequestedFor(urlPathEqualTo("/api/lists")))).as("lists created").isEqualTo(1);
        assertThat(count(getRequestedFor(urlPathEqualTo("/api/lists/" + listId)))).as("list read by id").isEqualTo(1);
        // created the first time, updated after
        assertThat(standIn.server().getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().equals("/api/profile-import"))
                .collect(Collectors.groupingBy(event -> event.getResponse().getStatus(), Collectors.counting())))
                .containsExactlyInAnyOrderEntriesOf(Map.of(201, 3L, 200, 6L));
    }

    @Test
    void aRejectedKeyFailsTheRunWithExitStatusOne() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = KlaviyoExample.run(Map.of("KLAVIYO_API_KEY", "pk_not_the_right_key",
                "KLAVIYO_BASE_URL", standIn.baseUrl()), print(out), print(err));

        assertThat(status).isEqualTo(1);
        assertThat(text(out)).startsWith("Mode: Klaviyo. KLAVIYO_API_KEY is set: calling " + standIn.baseUrl());
        assertThat(text(err)).contains("FAILED").contains("profile-import/create failed with HTTP 401")
                .contains("authentication_failed");
        assertThat(count(postRequestedFor(urlPathEqualTo("/api/events")))).isZero();
    }

    @Test
    void withoutAKeyTheLauncherStartsItsOwnStandInAndExitsZero() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = KlaviyoExample.run(Map.of(), print(out), print(err));

        assertThat(status).as("exit status; stderr: %s", text(err)).isZero();
        assertThat(text(out)).startsWith("Mode: stand-in.").contains("4. Read back 3 of 3 profiles")
                .containsPattern("Done in \\d+ ms\\.");
        assertThat(standIn.server().getAllServeEvents()).as("requests to this test's stand-in").isEmpty();
    }

    private Properties settings(String apiKey, String listId) {
        Properties settings = new Properties();
        settings.setProperty("camel.component.klaviyo.base-url", standIn.baseUrl());
        settings.setProperty("camel.component.klaviyo.api-key", apiKey);
        settings.setProperty("example.list-id", listId);
        settings.setProperty("example.email-domain", "example.com");
        return settings;
    }

    private Map<String, Long> requestsPerPath() {
        return standIn.server().getAllServeEvents().stream().map(ServeEvent::getRequest)
                .collect(Collectors.groupingBy(
                        request -> request.getMethod() + " " + request.getUrl().replaceFirst("\\?.*", ""),
                        Collectors.counting()));
    }

    private long count(RequestPatternBuilder pattern) {
        return standIn.server().countRequestsMatching(pattern.build()).getCount();
    }

    private static String relationshipBody(List<?> profileIds) {
        return profileIds.stream().map(id -> "{\"type\":\"profile\",\"id\":\"" + id + "\"}")
                .collect(Collectors.joining(",", "{\"data\":[", "]}"));
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
