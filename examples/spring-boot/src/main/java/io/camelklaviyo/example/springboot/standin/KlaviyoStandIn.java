package io.camelklaviyo.example.springboot.standin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;

/**
 * The Klaviyo stand-in of the Spring Boot example: WireMock on a random loopback port, the same approach as the YAML
 * example's stand-in ({@code examples/src/main/java/.../standin}), with the operations this example calls: the
 * account (what a health check reads), profile upserts, lists, and events both written and read (what the consumer
 * polls). JSON:API documents in {@code application/vnd.api+json} with {@code RateLimit-*} headers; JSON:API error
 * documents for a missing or wrong {@code Authorization: Klaviyo-API-Key} (401), a missing {@code revision} (400) or
 * any other path (404).
 */
public final class KlaviyoStandIn implements AutoCloseable {

    /** The key the stand-in accepts unless told otherwise. */
    public static final String DUMMY_API_KEY = "pk_stand_in_dummy_key";

    static final String JSON_API = "application/vnd.api+json";
    private static final String REVISION = "\\d{4}-\\d{2}-\\d{2}(\\.[a-z]+)?";

    private final WireMockServer server;
    private final StandInAccount account = new StandInAccount();
    private final String apiKey;

    private KlaviyoStandIn(String apiKey) {
        this.apiKey = apiKey;
        this.server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .extensions(account).notifier(new ConsoleNotifier(false)));
    }

    /** Starts a stand-in that accepts {@link #DUMMY_API_KEY}. */
    public static KlaviyoStandIn start() {
        return start(DUMMY_API_KEY);
    }

    /** Starts a stand-in that accepts only this private key. */
    public static KlaviyoStandIn start(String apiKey) {
        KlaviyoStandIn standIn = new KlaviyoStandIn(apiKey);
        standIn.server.start();
        standIn.registerStubs();
        return standIn;
    }

    private void registerStubs() {
        // the number is the steady (per minute) limit of the operation's tier at Klaviyo
        api(get(urlPathEqualTo("/api/accounts")), "get-accounts", 60);
        api(post(urlPathEqualTo("/api/profile-import")), "upsert-profile", 700);
        api(get(urlPathEqualTo("/api/lists")), "get-lists", 150);
        api(post(urlPathEqualTo("/api/events")), "create-event", 700);
        api(get(urlPathEqualTo("/api/events")), "get-events", 700);

        // what Klaviyo answers when the headers are wrong, from the most general case to the most specific
        server.stubFor(any(urlPathMatching("/api/.*")).atPriority(10)
                .willReturn(error(401, "not_authenticated", "Authentication credentials were not provided.",
                        "Send Authorization: Klaviyo-API-Key <private key>.")));
        server.stubFor(any(urlPathMatching("/api/.*")).atPriority(9)
                .withHeader("Authorization", matching(".+"))
                .willReturn(error(401, "authentication_failed", "Incorrect authentication credentials.",
                        "Incorrect authentication credentials.")));
        server.stubFor(any(urlPathMatching("/api/.*")).atPriority(8)
                .withHeader("Authorization", equalTo("Klaviyo-API-Key " + apiKey))
                .willReturn(error(400, "invalid", "Invalid input.",
                        "The revision header is missing or not a date (YYYY-MM-DD).")));
        server.stubFor(any(urlPathMatching("/api/.*")).atPriority(7)
                .withHeader("Authorization", equalTo("Klaviyo-API-Key " + apiKey))
                .withHeader("revision", matching(REVISION))
                .willReturn(error(404, "not_found", "Not found.",
                        "The stand-in serves only the example's operations, and writes only as " + JSON_API + ".")));
    }

    private void api(MappingBuilder request, String action, int steadyLimit) {
        if (action.startsWith("get-")) {
            request.withHeader("Accept", containing(JSON_API));
        } else {
            request.withHeader("Content-Type", containing(JSON_API));
        }
        server.stubFor(request.atPriority(1)
                .withHeader("Authorization", equalTo("Klaviyo-API-Key " + apiKey))
                .withHeader("revision", matching(REVISION))
                .willReturn(aResponse().withStatus(200)
                        .withTransformers(StandInAccount.NAME)
                        .withTransformerParameter("action", action)
                        .withTransformerParameter("limit", steadyLimit)));
    }

    static ResponseDefinitionBuilder error(int status, String code, String title, String detail) {
        return aResponse().withStatus(status).withHeader("Content-Type", JSON_API)
                .withBody(StandInAccount.errorDocument(status, code, title, detail));
    }

    /** Where the stand-in listens, e.g. {@code http://127.0.0.1:41234}: the component's base-url. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The key it accepts. */
    public String apiKey() {
        return apiKey;
    }

    /** The WireMock server, to inspect the requests it received. */
    public WireMockServer server() {
        return server;
    }

    /** How many events were tracked so far. */
    public int eventCount() {
        return account.eventCount();
    }

    @Override
    public void close() {
        server.stop();
    }
}
