package io.camelklaviyo.springboot;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.camelklaviyo.KlaviyoComponent;
import io.camelklaviyo.KlaviyoConfiguration;
import io.camelklaviyo.ResponseFormat;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component configured only through {@code camel.component.klaviyo.*} properties (the profile's
 * {@code application-klaviyo-starter-test.properties} plus the stand-in's base URL), then used by a route against a
 * WireMock stand-in for Klaviyo.
 * <p>
 * The output is captured from before the Spring context starts (class-level extension, context loaded afterwards),
 * so the key check covers property binding, the customizer, route start-up and a call, with DEBUG logging on.
 */
@CamelSpringBootTest
@SpringBootTest(classes = KlaviyoStarterAutoConfigurationTest.TestApplication.class)
@ActiveProfiles("klaviyo-starter-test")
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext
class KlaviyoStarterAutoConfigurationTest {

    /** Must equal camel.component.klaviyo.api-key in application-klaviyo-starter-test.properties. */
    static final String API_KEY = "pk_test_0123456789abcdefSTARTERSECRET";

    private static final WireMockServer KLAVIYO = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    static {
        KLAVIYO.start();
    }

    @DynamicPropertySource
    static void klaviyoStandIn(DynamicPropertyRegistry registry) {
        registry.add("camel.component.klaviyo.base-url", () -> "http://localhost:" + KLAVIYO.port());
    }

    @AfterAll
    static void stopStandIn() {
        KLAVIYO.stop();
    }

    @Autowired
    private ApplicationContext applicationContext;
    @Autowired
    private CamelContext camelContext;
    @Autowired
    private ProducerTemplate template;

    @BeforeEach
    void stubGetProfile() {
        KLAVIYO.resetAll();
        KLAVIYO.stubFor(get(urlPathEqualTo("/api/profiles/abc"))
                .willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/vnd.api+json")
                        .withBody("""
                                {"data": {"type": "profile", "id": "abc",
                                          "attributes": {"email": "sarah.mason@klaviyo-demo.com"}},
                                 "links": {"self": "https://a.klaviyo.com/api/profiles/abc/"}}
                                """)));
    }

    @Test
    void componentTakesItsOptionsFromApplicationProperties() {
        assertThat(applicationContext.getBean("configureKlaviyoComponent")).isInstanceOf(ComponentCustomizer.class);

        KlaviyoComponent component = camelContext.getComponent("klaviyo", KlaviyoComponent.class);
        KlaviyoConfiguration configuration = component.getConfiguration();

        assertThat(configuration.getApiKey()).isEqualTo(API_KEY);
        assertThat(configuration.getBaseUrl()).isEqualTo("http://localhost:" + KLAVIYO.port());
        assertThat(configuration.getRevision()).isEqualTo("2026-01-15");
        // response-timeout=30s and connect-timeout=2500: a Spring Duration, in milliseconds on the component
        assertThat(configuration.getResponseTimeout()).isEqualTo(30_000L);
        assertThat(component.getConnectTimeout()).isEqualTo(2_500L);
        assertThat(component.getMaxConnections()).isEqualTo(7);
        // not set: the component's defaults
        assertThat(configuration.getResponseFormat()).isEqualTo(ResponseFormat.DOCUMENT);
        assertThat(configuration.getResponseType()).isNull();
        assertThat(configuration.getPublicKey()).isNull();
        assertThat(component.isLazyStartProducer()).isFalse();
        assertThat(component.isAutowiredEnabled()).isTrue();
    }

    @Test
    void routeCallsKlaviyoWithTheConfiguredKeyAndRevision() {
        Object body = template.requestBody("direct:x", (Object) null);

        assertThat(body).isInstanceOf(Map.class);
        Object data = ((Map<?, ?>) body).get("data");
        assertThat(data).isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) data).get("id")).isEqualTo("abc");
        assertThat(((Map<?, ?>) data).get("type")).isEqualTo("profile");

        KLAVIYO.verify(1, getRequestedFor(urlPathEqualTo("/api/profiles/abc"))
                .withHeader("Authorization", equalTo("Klaviyo-API-Key " + API_KEY))
                .withHeader("revision", equalTo("2026-01-15")));
    }

    @Test
    void apiKeyNeverAppearsInTheLogs(CapturedOutput output) {
        template.requestBody("direct:x", (Object) null);

        String logs = output.getAll();
        // the capture did see the start-up at DEBUG: the auto-configuration report lists this starter
        assertThat(logs).contains("DEBUG").contains("KlaviyoComponentAutoConfiguration");
        assertThat(logs).doesNotContain(API_KEY).doesNotContain("STARTERSECRET");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class TestApplication {

        @Bean
        RouteBuilder klaviyoRoute() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:x").to("klaviyo:profiles/get?id=abc");
                }
            };
        }
    }
}
