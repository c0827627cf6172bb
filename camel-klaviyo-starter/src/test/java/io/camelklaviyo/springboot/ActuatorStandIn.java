package io.camelklaviyo.springboot;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * WireMock on a random loopback port answering, for one private key, the operations the actuator tests use: the
 * account ({@code GET /api/accounts}, what the producer health check reads), a profile upsert and the event collection
 * the consumer polls, with {@code RateLimit-*} headers. Any other key gets Klaviyo's 401 error document.
 */
final class ActuatorStandIn implements AutoCloseable {

    static final String VALID_KEY = "pk_test_actuator_valid_key";
    static final String EVENT_ID = "4EvT01";

    private static final String JSON_API = "application/vnd.api+json";

    private final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    private ActuatorStandIn() {
    }

    static ActuatorStandIn start() {
        ActuatorStandIn standIn = new ActuatorStandIn();
        standIn.server.start();
        standIn.stub();
        return standIn;
    }

    private void stub() {
        String auth = "Klaviyo-API-Key " + VALID_KEY;
        String origin = baseUrl();
        server.stubFor(get(urlPathEqualTo("/api/accounts")).atPriority(1).withHeader("Authorization", equalTo(auth))
                .willReturn(ok(200, 60, "{\"data\":[{\"type\":\"account\",\"id\":\"AcT001\",\"attributes\":"
                                        + "{\"contact_information\":{\"organization_name\":\"Actuator Test Org\"},"
                                        + "\"public_api_key\":\"AcT001\",\"timezone\":\"UTC\"},\"links\":{\"self\":\""
                                        + origin + "/api/accounts/AcT001/\"}}],\"links\":{\"self\":\"" + origin
                                        + "/api/accounts/\",\"next\":null,\"prev\":null}}")));
        server.stubFor(post(urlPathEqualTo("/api/profile-import")).atPriority(1)
                .withHeader("Authorization", equalTo(auth))
                .willReturn(ok(201, 700, "{\"data\":{\"type\":\"profile\",\"id\":\"01ACTUATORPROFILE000000000\","
                                         + "\"attributes\":{\"email\":\"ada.lovelace@example.com\"},\"links\":{\"self\":\""
                                         + origin + "/api/profiles/01ACTUATORPROFILE000000000/\"}}}")));
        String at = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).truncatedTo(ChronoUnit.SECONDS).toString();
        server.stubFor(get(urlPathEqualTo("/api/events")).atPriority(1).withHeader("Authorization", equalTo(auth))
                .willReturn(ok(200, 350, "{\"data\":[{\"type\":\"event\",\"id\":\"" + EVENT_ID + "\",\"attributes\":"
                                         + "{\"datetime\":\"" + at + "\",\"timestamp\":"
                                         + OffsetDateTime.parse(at).toEpochSecond()
                                         + ",\"event_properties\":{\"value\":1}},\"links\":{\"self\":\"" + origin
                                         + "/api/events/" + EVENT_ID + "/\"}}],\"links\":{\"self\":\"" + origin
                                         + "/api/events/\",\"next\":null,\"prev\":null}}")));
        server.stubFor(any(urlPathMatching("/api/.*")).atPriority(10)
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", JSON_API)
                        .withBody("{\"errors\":[{\"id\":\"6b2c4b0e-0000-4000-8000-000000000401\",\"status\":401,"
                                  + "\"code\":\"authentication_failed\",\"title\":\"Incorrect authentication credentials.\","
                                  + "\"detail\":\"Incorrect authentication credentials.\",\"source\":{\"pointer\":\"/data/\"},"
                                  + "\"links\":{},\"meta\":{}}]}")));
    }

    private static ResponseDefinitionBuilder ok(int status, int limit, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", JSON_API)
                .withHeader("RateLimit-Limit", String.valueOf(limit))
                .withHeader("RateLimit-Remaining", String.valueOf(limit - 1))
                .withHeader("RateLimit-Reset", "42")
                .withBody(body);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    WireMockServer server() {
        return server;
    }

    @Override
    public void close() {
        server.stop();
    }
}
