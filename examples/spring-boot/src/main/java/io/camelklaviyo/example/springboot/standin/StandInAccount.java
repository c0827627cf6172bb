package io.camelklaviyo.example.springboot.standin;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * The in-memory account behind the stand-in's stubs: profiles upserted by email, one list, and the events tracked,
 * which {@code GET /api/events} lists again (filtered by {@code greater-or-equal(datetime,...)}, sorted by datetime)
 * so that the example's consumer sees what its producer sent. Counts the calls of each operation per minute into the
 * {@code RateLimit-Remaining} header.
 */
final class StandInAccount implements ResponseDefinitionTransformerV2 {

    static final String NAME = "klaviyo-spring-boot-stand-in-account";

    private static final Pattern SINCE = Pattern.compile("greater-or-equal\\(datetime,([^)]+)\\)");

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, ObjectNode> profiles = new LinkedHashMap<>();
    private final List<ObjectNode> events = new ArrayList<>();
    private final Map<String, Integer> callsThisMinute = new HashMap<>();
    private long minute = currentMinute();

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    synchronized int eventCount() {
        return events.size();
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent event) {
        LoggedRequest request = event.getRequest();
        String action = event.getTransformerParameters().getString("action");
        int limit = event.getTransformerParameters().getInt("limit");
        ResponseDefinitionBuilder reply;
        try {
            reply = switch (action) {
                case "get-accounts" -> ok(200, accounts(origin(request)));
                case "upsert-profile" -> upsertProfile(request);
                case "get-lists" -> ok(200, lists(origin(request)));
                case "create-event" -> createEvent(request);
                case "get-events" -> getEvents(request);
                default -> throw new IllegalStateException("no stand-in action " + action);
            };
        } catch (JsonProcessingException e) {
            reply = KlaviyoStandIn.error(400, "invalid", "Invalid input.", "The request body is not JSON.");
        }
        long now = currentMinute();
        if (now != minute) {
            minute = now;
            callsThisMinute.clear();
        }
        int calls = callsThisMinute.merge(action, 1, Integer::sum);
        return reply.withHeader("RateLimit-Limit", String.valueOf(limit))
                .withHeader("RateLimit-Remaining", String.valueOf(Math.max(0, limit - calls)))
                .withHeader("RateLimit-Reset", String.valueOf(60 - OffsetDateTime.now(ZoneOffset.UTC).getSecond()))
                .build();
    }

    private ResponseDefinitionBuilder upsertProfile(LoggedRequest request) throws JsonProcessingException {
        JsonNode attributes = json.readTree(request.getBodyAsString()).path("data").path("attributes");
        String email = attributes.path("email").asText("");
        if (email.isEmpty()) {
            return KlaviyoStandIn.error(400, "invalid", "Invalid input.", "The stand-in upserts profiles by email.");
        }
        ObjectNode profile = profiles.get(email.toLowerCase());
        int status = 200;
        if (profile == null) {
            status = 201;
            profile = json.createObjectNode().put("type", "profile").put("id", id("01", email));
            profile.putObject("attributes").put("created", now());
            profiles.put(email.toLowerCase(), profile);
        }
        ObjectNode stored = (ObjectNode) profile.get("attributes");
        attributes.fields().forEachRemaining(field -> stored.set(field.getKey(), field.getValue()));
        stored.put("updated", now());
        profile.putObject("links").put("self", origin(request) + "/api/profiles/" + profile.get("id").asText() + "/");
        ObjectNode document = json.createObjectNode();
        document.set("data", profile);
        return ok(status, document);
    }

    private ResponseDefinitionBuilder createEvent(LoggedRequest request) throws JsonProcessingException {
        JsonNode attributes = json.readTree(request.getBodyAsString()).path("data").path("attributes");
        String created = now();
        ObjectNode event = json.createObjectNode().put("type", "event")
                .put("id", id("4", created + events.size()));
        ObjectNode stored = event.putObject("attributes");
        stored.put("timestamp", OffsetDateTime.parse(created).toEpochSecond());
        stored.put("datetime", created);
        stored.put("uuid", UUID.randomUUID().toString());
        stored.set("event_properties", attributes.path("properties"));
        event.putObject("relationships").putObject("metric").putObject("data").put("type", "metric")
                .put("id", id("M", attributes.path("metric").path("data").path("attributes").path("name").asText()));
        event.putObject("links").put("self", origin(request) + "/api/events/" + event.get("id").asText() + "/");
        events.add(event);
        return new ResponseDefinitionBuilder().withStatus(202);
    }

    private ResponseDefinitionBuilder getEvents(LoggedRequest request) {
        OffsetDateTime since = null;
        if (request.queryParameter("filter").isPresent()) {
            Matcher filter = SINCE.matcher(request.queryParameter("filter").firstValue());
            if (filter.find()) {
                try {
                    since = OffsetDateTime.parse(filter.group(1).replace("\"", ""));
                } catch (DateTimeParseException e) {
                    return KlaviyoStandIn.error(400, "invalid", "Invalid input.",
                            "The stand-in filters events only with greater-or-equal(datetime,<ISO date-time>).");
                }
            }
        }
        ObjectNode document = json.createObjectNode();
        ArrayNode data = document.putArray("data");
        for (ObjectNode event : events) {
            OffsetDateTime at = OffsetDateTime.parse(event.path("attributes").path("datetime").asText());
            if (since == null || !at.isBefore(since)) {
                data.add(event);
            }
        }
        document.putObject("links").put("self", origin(request) + request.getUrl()).putNull("next").putNull("prev");
        return ok(200, document);
    }

    private ObjectNode accounts(String origin) {
        ObjectNode document = json.createObjectNode();
        ObjectNode account = document.putArray("data").addObject().put("type", "account").put("id", "StndIn");
        ObjectNode attributes = account.putObject("attributes");
        attributes.putObject("contact_information").put("default_sender_name", "Stand-in")
                .put("default_sender_email", "stand-in@example.com").put("organization_name", "Klaviyo stand-in");
        attributes.put("industry", "Software").put("timezone", "UTC").put("preferred_currency", "USD")
                .put("public_api_key", "StndIn").put("locale", "en-US");
        account.putObject("links").put("self", origin + "/api/accounts/StndIn/");
        document.putObject("links").put("self", origin + "/api/accounts/").putNull("next").putNull("prev");
        return document;
    }

    private ObjectNode lists(String origin) {
        ObjectNode document = json.createObjectNode();
        ObjectNode list = document.putArray("data").addObject().put("type", "list").put("id", "StndL1");
        list.putObject("attributes").put("name", "camel-klaviyo example").put("created", "2026-01-01T00:00:00+00:00")
                .put("updated", "2026-01-01T00:00:00+00:00").put("opt_in_process", "single_opt_in");
        list.putObject("links").put("self", origin + "/api/lists/StndL1/");
        document.putObject("links").put("self", origin + "/api/lists/").putNull("next").putNull("prev");
        return document;
    }

    private ResponseDefinitionBuilder ok(int status, ObjectNode document) {
        return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", KlaviyoStandIn.JSON_API)
                .withBody(document.toString());
    }

    static String errorDocument(int status, String code, String title, String detail) {
        return "{\"errors\":[{\"id\":\"" + UUID.nameUUIDFromBytes(detail.getBytes(StandardCharsets.UTF_8))
               + "\",\"status\":" + status + ",\"code\":\"" + code + "\",\"title\":\"" + title
               + "\",\"detail\":\"" + detail + "\",\"links\":{},\"meta\":{}}]}";
    }

    private static String id(String prefix, String seed) {
        String hex = UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
        return (prefix + hex.toUpperCase()).substring(0, prefix.length() > 1 ? 26 : 6);
    }

    private static String origin(LoggedRequest request) {
        return request.getAbsoluteUrl().substring(0, request.getAbsoluteUrl().indexOf("/api/"));
    }

    private static String now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static long currentMinute() {
        return System.currentTimeMillis() / 60_000;
    }
}
