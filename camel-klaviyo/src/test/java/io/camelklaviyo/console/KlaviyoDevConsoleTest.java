package io.camelklaviyo.console;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.camelklaviyo.KlaviyoStandIn;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class KlaviyoDevConsoleTest extends KlaviyoStandIn {

    @Test
    void showsOperationsBudgetAndCursorsAsTextAndJson() throws Exception {
        klaviyo.stubFor(get(urlPathEqualTo("/api/accounts")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/vnd.api+json").withBody("{\"data\":[]}")));
        klaviyo.stubFor(get(urlPathEqualTo("/api/lists")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/vnd.api+json")
                .withBody("{\"errors\":[{\"id\":\"e\",\"status\":404,\"code\":\"not_found\",\"title\":\"Not found\"}]}")));
        klaviyo.stubFor(get(urlPathEqualTo("/api/events")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/vnd.api+json").withBody("{\"data\":[],\"links\":{}}")));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("klaviyo:events?stateKey=orders-feed&initialDelay=0&delay=60000").routeId("events")
                        .to("mock:events");
            }
        });
        template.sendBody("klaviyo:accounts/list", "");
        template.send("klaviyo:lists/list", exchange -> {
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> !klaviyo.findAll(
                com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/api/events")))
                .isEmpty());

        KlaviyoDevConsole console = new KlaviyoDevConsole();
        console.setCamelContext(context);
        String text = (String) console.call(DevConsole.MediaType.TEXT, Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) console.call(DevConsole.MediaType.JSON, Map.of());

        assertThat(text).contains("accounts/list: requests=1 errors=0")
                .contains("lists/list: requests=1 errors=1")
                .contains("HTTP 404")
                .contains("steady=")
                .contains("stateKey=orders-feed")
                .doesNotContain(API_KEY);
        assertThat(entries(json, "operations")).anySatisfy(o -> assertThat(o)
                .containsEntry("operation", "lists/list").containsEntry("errors", 1L).containsKey("lastError"));
        assertThat(entries(json, "rateLimits")).anySatisfy(o -> assertThat(o)
                .containsEntry("operation", "accounts/list").containsEntry("burst", 0L)
                .containsEntry("steady", 14L));
        assertThat(entries(json, "consumers")).singleElement().satisfies(o -> assertThat(o)
                .containsEntry("stateKey", "orders-feed").containsEntry("routeId", "events")
                .containsKey("mark"));
        assertThat(json.toString()).doesNotContain(API_KEY);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> entries(Map<String, Object> json, String key) {
        return (List<Map<String, Object>>) json.get(key);
    }

    @Test
    void camelFindsTheConsoleByName() {
        var resolver = context.getCamelContextExtension()
                .getContextPlugin(org.apache.camel.console.DevConsoleResolver.class);
        assertThat(resolver).isNotNull();
        assertThat(resolver.resolveDevConsole("klaviyo")).isInstanceOf(KlaviyoDevConsole.class);
    }
}
