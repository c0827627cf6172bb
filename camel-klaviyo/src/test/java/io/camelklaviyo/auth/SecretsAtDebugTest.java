package io.camelklaviyo.auth;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import io.camelklaviyo.KlaviyoApiException;
import io.camelklaviyo.KlaviyoConfiguration;
import io.camelklaviyo.KlaviyoEndpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * No credential leaks, with everything at DEBUG (the component, Camel, and all of HttpClient 5: its header log and
 * its wire log): neither the private key, nor any access token (configured or refreshed), refresh token (configured
 * or rotated) or the client secret appears in the logs, in any exception seen, in endpoint URIs, in the
 * configuration's or the token store's toString. Flows: the private key, OAuth with a first refresh, a refresh before
 * expiry, a 401 with its refresh and re-send, a failed refresh, and a start-up error.
 */
class SecretsAtDebugTest extends OAuthStandIn {

    private static final String URI_API_KEY = "pk_in_the_uri_9876543210";
    private static final String CONFIGURED_ACCESS = "at_configured_5555";
    private static final String ACCESS_1 = "at_refreshed_1111";
    private static final String ACCESS_2 = "at_refreshed_2222";
    private static final String ROTATED_1 = "rt_rotated_1111";
    private static final String ROTATED_2 = "rt_rotated_2222";
    private static final String URI_CLIENT_SECRET = "cs_in_the_uri_7777";
    private static final String URI_REFRESH = "rt_in_the_uri_8888";

    private static final List<String> SECRETS = List.of(API_KEY, URI_API_KEY, CONFIGURED_ACCESS, ACCESS_1, ACCESS_2,
            REFRESH_TOKEN, ROTATED_1, ROTATED_2, CLIENT_SECRET, URI_CLIENT_SECRET, URI_REFRESH,
            basic().substring("Basic ".length()), basicOf(CLIENT_ID, URI_CLIENT_SECRET));

    private final StringWriter logs = new StringWriter();
    private final List<Throwable> seen = new ArrayList<>();
    private WriterAppender appender;

    @BeforeEach
    void captureDebugLogs() {
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = logging.getConfiguration();
        appender = WriterAppender.newBuilder().setName("capture-secrets").setTarget(logs)
                .setLayout(PatternLayout.newBuilder().withPattern("%c %m%n%ex").build()).build();
        appender.start();
        configuration.addAppender(appender);
        configuration.getRootLogger().addAppender(appender, Level.DEBUG, null);
        Configurator.setLevel("io.camelklaviyo", Level.DEBUG);
        Configurator.setLevel("org.apache.camel", Level.DEBUG);
        // all of HttpClient 5: its header log, its wire log, its exchange and connection logs
        Configurator.setLevel("org.apache.hc.client5", Level.DEBUG);
        logging.updateLoggers();
    }

    @AfterEach
    void stopCapturing() {
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        logging.getConfiguration().getRootLogger().removeAppender("capture-secrets");
        Configurator.setLevel("io.camelklaviyo", Level.WARN);
        Configurator.setLevel("org.apache.camel", Level.WARN);
        Configurator.setLevel("org.apache.hc.client5", Level.WARN);
        appender.stop();
    }

    @Test
    void privateKeyFlows() throws Exception {
        component.getConfiguration().setClientId(null);
        component.getConfiguration().setClientSecret(null);
        component.getConfiguration().setRefreshToken(null);
        component.getConfiguration().setApiKey(API_KEY);
        klaviyo.stubFor(get(urlPathEqualTo("/api/profiles")).willReturn(profiles()));
        klaviyo.stubFor(get(urlPathEqualTo("/api/lists")).willReturn(aResponse().withStatus(403)
                .withBody("{\"errors\":[{\"id\":\"x\",\"code\":\"permission_denied\",\"title\":\"Forbidden\"}]}")));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:uri").routeId("uri").to("klaviyo:lists/list?apiKey=" + URI_API_KEY);
            }
        });

        send("klaviyo:profiles/list");
        send("direct:uri");

        assertThat(klaviyo.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(anyUrl())))
                .extracting(request -> request.getHeader("Authorization"))
                .containsExactlyInAnyOrder("Klaviyo-API-Key " + API_KEY, "Klaviyo-API-Key " + URI_API_KEY);
        assertThat(seen).hasSize(1);
        assertThat(logs.toString()).contains("Authorization: ******");
        assertNothingLeaks();
    }

    @Test
    void oauthFromComponentOptionsWithRefreshesAndA401() {
        component.getConfiguration().setAccessToken(CONFIGURED_ACCESS);
        // the configured token is rejected; the first refresh yields one that lives 30 s (less than the skew), so
        // the next call refreshes again, with the rotated refresh token
        klaviyo.stubFor(get(urlPathEqualTo("/api/profiles")).withHeader("Authorization",
                equalTo("Bearer " + CONFIGURED_ACCESS)).willReturn(unauthorized()));
        klaviyo.stubFor(get(urlPathEqualTo("/api/profiles")).withHeader("Authorization", equalTo("Bearer " + ACCESS_1))
                .willReturn(profiles()));
        klaviyo.stubFor(get(urlPathEqualTo("/api/profiles")).withHeader("Authorization", equalTo("Bearer " + ACCESS_2))
                .willReturn(profiles()));
        klaviyo.stubFor(post(urlPathEqualTo(TOKEN_PATH)).withFormParam("refresh_token", equalTo(REFRESH_TOKEN))
                .willReturn(tokens(ACCESS_1, ROTATED_1, 30)));
        klaviyo.stubFor(post(urlPathEqualTo(TOKEN_PATH)).withFormParam("refresh_token", equalTo(ROTATED_1))
                .willReturn(tokens(ACCESS_2, ROTATED_2, 3600)));

        send("klaviyo:profiles/list");
        send("klaviyo:profiles/list");

        assertThat(seen).isEmpty();
        assertThat(presentedRefreshTokens()).containsExactly(REFRESH_TOKEN, ROTATED_1);
        assertThat(logs.toString()).contains("POST /oauth/token").contains("Authorization: ******")
                .doesNotContain("Authorization: Basic").doesNotContain("Authorization: Bearer");
        KlaviyoEndpoint endpoint = context.getEndpoint("klaviyo:profiles/list", KlaviyoEndpoint.class);
        assertNoSecret(endpoint.getEndpointUri(), "endpoint URI");
        assertNoSecret(endpoint.toString(), "endpoint");
        assertNoSecret(endpoint.getConfiguration().toString(), "endpoint configuration");
        assertNoSecret(endpoint.getConfiguration().credentialSessions().toString(), "OAuth sessions");
        assertThat(endpoint.getConfiguration().toString()).contains("clientSecret=******")
                .contains("refreshToken=******").contains("accessToken=******");
        assertNothingLeaks();
    }

    @Test
    void oauthFromTheUriWithAFailedRefresh() throws Exception {
        component.getConfiguration().setClientId(null);
        component.getConfiguration().setClientSecret(null);
        component.getConfiguration().setRefreshToken(null);
        // Klaviyo's error description echoes the refresh token: the message must not
        klaviyo.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Token " + URI_REFRESH + " for client "
                          + CLIENT_ID + " (secret " + URI_CLIENT_SECRET + ") is invalid\"}")));
        klaviyo.stubFor(any(anyUrl()).atPriority(10).willReturn(unauthorized()));
        String uri = "klaviyo:profiles/list?clientId=" + CLIENT_ID + "&clientSecret=RAW(" + URI_CLIENT_SECRET
                     + ")&refreshToken=RAW(" + URI_REFRESH + ")&accessToken=RAW(" + CONFIGURED_ACCESS + ")";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:oauth").routeId("oauth").to(uri);
            }
        });

        send("direct:oauth");

        assertThat(seen).hasSize(1).first().isInstanceOf(KlaviyoTokenRefreshException.class);
        assertThat(seen.get(0).getMessage()).contains("invalid_grant").contains("******");
        assertThat(presentedRefreshTokens()).containsExactly(URI_REFRESH);
        KlaviyoEndpoint endpoint = context.getEndpoints().stream().filter(KlaviyoEndpoint.class::isInstance)
                .map(KlaviyoEndpoint.class::cast).findFirst().orElseThrow();
        assertNoSecret(endpoint.toString(), "endpoint set from its URI");
        assertNoSecret(context.getRoute("oauth").getEndpoint().toString(), "route endpoint");
        assertNoSecret(endpoint.getConfiguration().toString(), "endpoint configuration");
        assertNothingLeaks();
    }

    @Test
    void startUpErrorsOfConflictingCredentials() {
        component.getConfiguration().setApiKey(API_KEY);
        component.getConfiguration().setAccessToken(CONFIGURED_ACCESS);

        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:both").to("klaviyo:profiles/list");
            }
        })).satisfies(seen::add).rootCause().hasMessageContaining("not both");
        assertNothingLeaks();
    }

    private void send(String uri) {
        Exchange result = template.request(uri, e -> {
        });
        if (result.getException() != null) {
            seen.add(result.getException());
        }
    }

    private void assertNothingLeaks() {
        String captured = logs.toString();
        assertThat(captured).as("captured DEBUG logs").isNotBlank();
        assertNoSecret(captured, "logs");
        // the wire log would print request bytes (the form body with the refresh token) 16 at a time
        assertThat(captured).doesNotContain("org.apache.hc.client5.http.wire");
        for (Throwable failure : seen) {
            for (Throwable link = failure; link != null; link = link.getCause()) {
                assertNoSecret(String.valueOf(link.getMessage()), "exception message");
                assertNoSecret(link.toString(), "exception");
                if (link instanceof KlaviyoApiException api) {
                    assertNoSecret(api.getErrors().toString(), "Klaviyo errors");
                }
            }
        }
        KlaviyoConfiguration configuration = component.getConfiguration();
        assertNoSecret(configuration.toString(), "component configuration");
        assertNoSecret(configuration.credentialSessions().toString(), "OAuth sessions");
        assertNoSecret(String.valueOf(configuration.getTokenStore()), "token store");
        InMemoryTokenStore store = new InMemoryTokenStore();
        store.save("app/installation", new OAuthTokens(ACCESS_1, ROTATED_1, null));
        assertNoSecret(store.toString(), "default token store");
        context.getEndpoints().forEach(endpoint -> assertNoSecret(endpoint.toString(), "endpoint"));
    }

    private static void assertNoSecret(String text, String where) {
        for (String secret : SECRETS) {
            assertThat(text).as("%s must not contain a secret", where).doesNotContain(secret);
        }
    }

    private static String basicOf(String clientId, String secret) {
        return Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }
}
