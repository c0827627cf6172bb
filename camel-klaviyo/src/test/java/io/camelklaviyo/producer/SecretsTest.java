package io.camelklaviyo.producer;

import java.io.StringWriter;

import io.camelklaviyo.KlaviyoEndpoint;
import io.camelklaviyo.KlaviyoStandIn;
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
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The private key must not leak through logs (at DEBUG, including HttpClient's header log), exception messages,
 * endpoint URIs or toString output.
 */
class SecretsTest extends KlaviyoStandIn {

    private static final String URI_KEY = "pk_in_the_uri_0123456789";

    private final StringWriter logs = new StringWriter();
    private WriterAppender appender;

    @BeforeEach
    void captureDebugLogs() {
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = logging.getConfiguration();
        appender = WriterAppender.newBuilder().setName("capture").setTarget(logs)
                .setLayout(PatternLayout.newBuilder().withPattern("%c %m%n").build()).build();
        appender.start();
        configuration.addAppender(appender);
        configuration.getRootLogger().addAppender(appender, Level.DEBUG, null);
        Configurator.setLevel("io.camelklaviyo", Level.DEBUG);
        Configurator.setLevel("org.apache.camel", Level.DEBUG);
        // HttpClient prints every request header on the first, and the raw bytes of every request on the second
        Configurator.setLevel("org.apache.hc.client5.http.headers", Level.DEBUG);
        Configurator.setLevel("org.apache.hc.client5.http.wire", Level.DEBUG);
        logging.updateLoggers();
    }

    @AfterEach
    void stopCapturing() {
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        logging.getConfiguration().getRootLogger().removeAppender("capture");
        Configurator.setLevel("io.camelklaviyo", Level.WARN);
        Configurator.setLevel("org.apache.camel", Level.WARN);
        Configurator.setLevel("org.apache.hc.client5.http.headers", Level.WARN);
        Configurator.setLevel("org.apache.hc.client5.http.wire", Level.WARN);
        appender.stop();
    }

    @Test
    void noKeyInLogsExceptionsOrEndpointStrings() throws Exception {
        klaviyo.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(403)
                .withBody("{\"errors\":[{\"id\":\"x\",\"code\":\"permission_denied\",\"title\":\"Forbidden\","
                          + "\"detail\":\"You do not have permission to perform this action.\"}]}")));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:call").routeId("call").to("klaviyo:profiles/list?apiKey=" + URI_KEY);
            }
        });

        Exchange result = template.request("direct:call", e -> {
        });
        KlaviyoEndpoint endpoint = context.getEndpoints().stream()
                .filter(KlaviyoEndpoint.class::isInstance).map(KlaviyoEndpoint.class::cast).findFirst().orElseThrow();

        assertThat(klaviyo.getAllServeEvents().get(0).getRequest().getHeader("Authorization"))
                .isEqualTo("Klaviyo-API-Key " + URI_KEY);
        assertThat(logs.toString()).contains("Authorization: ******").contains("profiles/list")
                .doesNotContain(URI_KEY).doesNotContain(API_KEY)
                // the wire log would print the key split over lines of 16 bytes, beyond any text search
                .doesNotContain("org.apache.hc.client5.http.wire");
        assertThat(result.getException().getMessage()).doesNotContain(URI_KEY);
        assertThat(endpoint.toString()).doesNotContain(URI_KEY);
        assertThat(endpoint.getConfiguration().toString()).doesNotContain(URI_KEY).contains("apiKey=******");
        assertThat(component.getConfiguration().toString()).doesNotContain(API_KEY);
        assertThat(context.getRoute("call").getEndpoint().toString()).doesNotContain(URI_KEY);
    }
}
