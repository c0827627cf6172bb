package io.camelklaviyo.example.standin;

import java.net.URI;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * The in-memory Klaviyo account behind the stand-in's stubs: profiles (upserted by email), lists and their members,
 * tracked events. Each stub names the action it performs; this class answers it with a JSON:API document shaped like
 * Klaviyo's, and counts the calls into the {@code RateLimit-*} headers.
 */
final class StandInAccount implements ResponseDefinitionTransformerV2 {

    static final String NAME = "klaviyo-stand-in-account";

    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final String ALPHANUMERIC = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final Pattern LIST_ID = Pattern.compile("/api/lists/([^/]+)");
    private static final Pattern NAME_FILTER = Pattern.compile("equals\\(name,\"(.*)\"\\)");
    private static final Pattern EMAIL_FILTER = Pattern.compile("(any|equals)\\(email,(.*)\\)");

    private final ObjectMapper json = new ObjectMapper();
    private final SecureRandom random = new SecureRandom();
    private final Map<String, ObjectNode> profiles = new LinkedHashMap<>();
    private final Map<String, ObjectNode> lists = new LinkedHashMap<>();
    private final Map<String, Set<String>> members = new HashMap<>();
    private final List<JsonNode> events = new ArrayList<>();
    private final Map<String, Integer> calls = new HashMap<>();

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    /** The events tracked so far, as sent ({@code data} of each request). */
    synchronized List<JsonNode> events() {
        return List.copyOf(events);
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent event) {
        LoggedRequest request = event.getRequest();
        String action = event.getTransformerParameters().getString("action");
        Reply reply;
        try {
            reply = switch (action) {
                case "upsert-profile" -> upsertProfile(request);
                case "get-lists" -> getLists(request);
                case "create-list" -> createList(request);
                case "get-list" -> getList(request);
                case "add-profiles" -> addProfiles(request);
                case "create-event" -> createEvent(request);
                case "get-list-profiles" -> getListProfiles(request);
                default -> throw new IllegalStateException("no stand-in action " + action);
            };
        } catch (JsonProcessingException e) {
            reply = error(400, "invalid", "Invalid input.", "The request body is not JSON: " + e.getOriginalMessage());
        }
        return respond(event, action, reply);
    }

    private Reply upsertProfile(LoggedRequest request) throws JsonProcessingException {
        JsonNode data = json.readTree(request.getBodyAsString()).path("data");
        JsonNode attributes = data.path("attributes");
        String email = attributes.path("email").asText(null);
        if (!"profile".equals(data.path("type").asText()) || email == null) {
            return error(400, "invalid", "Invalid input.", "The stand-in upserts profiles of type 'profile' by email.");
        }
        ObjectNode profile = profiles.values().stream()
                .filter(p -> email.equalsIgnoreCase(p.path("attributes").path("email").asText()))
                .findFirst().orElse(null);
        int status = 200;
        if (profile == null) {
            status = 201;
            profile = newProfile(ulid(), origin(request));
            profiles.put(profile.get("id").asText(), profile);
        }
        ObjectNode stored = (ObjectNode) profile.get("attributes");
        attributes.fields().forEachRemaining(field -> stored.set(field.getKey(), field.getValue()));
        stored.put("updated", now());
        return new Reply(status, document(profile));
    }

    private Reply getLists(LoggedRequest request) {
        String filter = request.queryParameter("filter").isPresent()
                ? request.queryParameter("filter").firstValue() : null;
        Matcher name = filter == null ? null : NAME_FILTER.matcher(filter);
        if (filter != null && !name.matches()) {
            return error(400, "invalid", "Invalid input.", "The stand-in filters lists only with equals(name,\"...\").");
        }
        ArrayNode data = json.createArrayNode();
        lists.values().stream()
                .filter(list -> name == null || name.group(1).equals(list.path("attributes").path("name").asText()))
                .forEach(data::add);
        return new Reply(200, collection(data, request));
    }

    private Reply createList(LoggedRequest request) throws JsonProcessingException {
        JsonNode data = json.readTree(request.getBodyAsString()).path("data");
        String name = data.path("attributes").path("name").asText(null);
        if (!"list".equals(data.path("type").asText()) || name == null) {
            return error(400, "invalid", "Invalid input.", "A list needs the attribute 'name'.");
        }
        String id = randomString(ALPHANUMERIC, 6);
        String base = origin(request) + "/api/lists/" + id;
        ObjectNode list = json.createObjectNode().put("type", "list").put("id", id);
        list.putObject("attributes").put("name", name).put("created", now()).put("updated", now())
                .put("opt_in_process", data.path("attributes").path("opt_in_process").asText("single_opt_in"));
        ObjectNode relationships = list.putObject("relationships");
        for (String related : List.of("profiles", "tags", "flow-triggers")) {
            relationships.putObject(related).putObject("links")
                    .put("self", base + "/relationships/" + related + "/").put("related", base + "/" + related + "/");
        }
        list.putObject("links").put("self", base + "/");
        lists.put(id, list);
        members.put(id, new LinkedHashSet<>());
        return new Reply(201, document(list));
    }

    private Reply getList(LoggedRequest request) {
        String listId = listId(request);
        return lists.containsKey(listId) ? new Reply(200, document(lists.get(listId))) : notFound("list", listId);
    }

    private Reply addProfiles(LoggedRequest request) throws JsonProcessingException {
        String listId = listId(request);
        if (!lists.containsKey(listId)) {
            return notFound("list", listId);
        }
        JsonNode data = json.readTree(request.getBodyAsString()).path("data");
        if (!data.isArray() || data.isEmpty()) {
            return error(400, "invalid", "Invalid input.", "Send the profiles as an array of {type, id}.");
        }
        for (JsonNode identifier : data) {
            String id = identifier.path("id").asText();
            if (!"profile".equals(identifier.path("type").asText()) || !profiles.containsKey(id)) {
                return error(400, "invalid", "Invalid input.", "Unknown profile '" + id + "'.");
            }
        }
        data.forEach(identifier -> members.get(listId).add(identifier.path("id").asText()));
        return new Reply(204, null);
    }

    private Reply createEvent(LoggedRequest request) throws JsonProcessingException {
        JsonNode data = json.readTree(request.getBodyAsString()).path("data");
        JsonNode attributes = data.path("attributes");
        if (!"event".equals(data.path("type").asText())
            || attributes.path("metric").path("data").path("attributes").path("name").asText(null) == null
            || !attributes.path("profile").path("data").isObject() || !attributes.path("properties").isObject()) {
            return error(400, "invalid", "Invalid input.",
                    "An event needs properties, a metric with a name and a profile.");
        }
        events.add(data);
        return new Reply(202, null);
    }

    private Reply getListProfiles(LoggedRequest request) throws JsonProcessingException {
        String listId = listId(request);
        if (!lists.containsKey(listId)) {
            return notFound("list", listId);
        }
        Set<String> emails = null;
        if (request.queryParameter("filter").isPresent()) {
            Matcher filter = EMAIL_FILTER.matcher(request.queryParameter("filter").firstValue());
            if (!filter.matches()) {
                return error(400, "invalid", "Invalid input.",
                        "The stand-in filters list profiles only by email (any or equals).");
            }
            JsonNode values = json.readTree(filter.group(2));
            emails = new LinkedHashSet<>();
            for (JsonNode value : values.isArray() ? values : json.createArrayNode().add(values)) {
                emails.add(value.asText().toLowerCase());
            }
        }
        ArrayNode data = json.createArrayNode();
        for (String id : members.get(listId)) {
            ObjectNode profile = profiles.get(id);
            if (emails == null || emails.contains(profile.path("attributes").path("email").asText().toLowerCase())) {
                data.add(profile);
            }
        }
        return new Reply(200, collection(data, request));
    }

    private ObjectNode newProfile(String id, String origin) {
        String base = origin + "/api/profiles/" + id;
        ObjectNode profile = json.createObjectNode().put("type", "profile").put("id", id);
        ObjectNode attributes = profile.putObject("attributes");
        for (String field : List.of("email", "phone_number", "external_id", "first_name", "last_name",
                "organization", "locale", "title", "image")) {
            attributes.putNull(field);
        }
        attributes.put("created", now()).put("updated", now()).putNull("last_event_date");
        attributes.putObject("location");
        attributes.putObject("properties");
        ObjectNode relationships = profile.putObject("relationships");
        for (String related : List.of("lists", "segments")) {
            relationships.putObject(related).putObject("links")
                    .put("self", base + "/relationships/" + related + "/").put("related", base + "/" + related + "/");
        }
        profile.putObject("links").put("self", base + "/");
        return profile;
    }

    private ObjectNode document(ObjectNode resource) {
        ObjectNode document = json.createObjectNode();
        document.set("data", resource.deepCopy());
        return document;
    }

    private ObjectNode collection(ArrayNode data, LoggedRequest request) {
        ObjectNode document = json.createObjectNode();
        document.set("data", data);
        document.putObject("links").put("self", request.getAbsoluteUrl()).putNull("next").putNull("prev");
        return document;
    }

    private Reply notFound(String type, String id) {
        return error(404, "not_found", "Not found.", "A " + type + " with id " + id + " does not exist.");
    }

    private Reply error(int status, String code, String title, String detail) {
        ObjectNode document = json.createObjectNode();
        document.putArray("errors").addObject().put("id", UUID.randomUUID().toString()).put("status", status)
                .put("code", code).put("title", title).put("detail", detail);
        return new Reply(status, document);
    }

    /** The stub's headers with the call counted into RateLimit-Remaining; no Content-Type on an empty reply. */
    private ResponseDefinition respond(ServeEvent event, String action, Reply reply) {
        ResponseDefinition stub = event.getResponseDefinition();
        int limit = event.getTransformerParameters().getInt("limit");
        int count = calls.merge(action, 1, Integer::sum);
        List<HttpHeader> headers = new ArrayList<>();
        for (HttpHeader header : stub.getHeaders().all()) {
            if (!header.keyEquals("RateLimit-Remaining") && !(reply.body() == null && header.keyEquals("Content-Type"))) {
                headers.add(header);
            }
        }
        headers.add(new HttpHeader("RateLimit-Remaining", String.valueOf(Math.max(0, limit - count))));
        ResponseDefinitionBuilder response = ResponseDefinitionBuilder.like(stub).but()
                .withStatus(reply.status()).withHeaders(new HttpHeaders(headers));
        return reply.body() == null ? response.withBody((String) null).build()
                : response.withBody(reply.body().toString()).build();
    }

    private static String listId(LoggedRequest request) {
        Matcher matcher = LIST_ID.matcher(URI.create(request.getUrl()).getPath());
        return matcher.find() ? matcher.group(1) : "";
    }

    private static String origin(LoggedRequest request) {
        URI uri = URI.create(request.getAbsoluteUrl());
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    private static String now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", "+00:00");
    }

    /** An id shaped like Klaviyo's profile ids: 26 characters of Crockford base32, starting 01. */
    private String ulid() {
        return "01" + randomString(CROCKFORD, 24);
    }

    private String randomString(String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private record Reply(int status, JsonNode body) {
    }
}
