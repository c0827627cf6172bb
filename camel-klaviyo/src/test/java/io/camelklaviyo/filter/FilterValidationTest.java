package io.camelklaviyo.filter;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.camelklaviyo.KlaviyoConstants;
import io.camelklaviyo.KlaviyoStandIn;
import io.camelklaviyo.request.InvalidRequestException;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Filters through the producer: typed filters arrive as rendered, bad filters fail before any HTTP call. */
class FilterValidationTest extends KlaviyoStandIn {

    private static final KlaviyoFilter VIP_SINCE_NEW_YEAR = KlaviyoFilter.equals("email", "jane+vip@example.com")
            .and(KlaviyoFilter.greaterThan("updated", Instant.parse("2024-01-01T00:00:00Z")));

    @BeforeEach
    void stub() {
        klaviyo.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(anyUrl())
                .willReturn(aResponse().withStatus(200).withBody("{\"data\":[]}")));
    }

    @Test
    void camelConvertsATypedFilterToItsRendering() {
        assertThat(context.getTypeConverter().convertTo(String.class, VIP_SINCE_NEW_YEAR))
                .isEqualTo(VIP_SINCE_NEW_YEAR.toString());
    }

    @Test
    void aTypedFilterInTheHeaderArrivesDecodedExactlyAsRendered() {
        Exchange result = request("klaviyo:profiles/list", Map.of(KlaviyoConstants.FILTER, VIP_SINCE_NEW_YEAR));

        assertThat(result.getException()).isNull();
        assertThat(sentFilter()).isEqualTo(
                "equals(email,\"jane+vip@example.com\"),greater-than(updated,2024-01-01T00:00:00Z)");
        assertThat(rawQuery()).contains("jane%2Bvip%40example.com");
    }

    @Test
    void aTypedFilterRenderedIntoTheEndpointOptionArrivesAsRendered() {
        KlaviyoFilter filter = KlaviyoFilter.any("email", List.of("a+b@example.com", "c,d(e)@example.com"));

        Exchange result = request("klaviyo:profiles/list?filter=RAW(" + filter + ")", Map.of());

        assertThat(result.getException()).isNull();
        assertThat(sentFilter()).isEqualTo(filter.toString());
    }

    @Test
    void aTypedFilterBeanCanBeTheEndpointOption() {
        context.getRegistry().bind("vips", VIP_SINCE_NEW_YEAR);

        Exchange result = request("klaviyo:profiles/list?filter=#bean:vips", Map.of());

        assertThat(result.getException()).isNull();
        assertThat(sentFilter()).isEqualTo(VIP_SINCE_NEW_YEAR.toString());
    }

    @Test
    void theDocumentedRoutesSendTheRenderedFilters() throws Exception {
        KlaviyoFilter sentEmails = KlaviyoFilter.and(
                KlaviyoFilter.equals("messages.channel", "email"),
                KlaviyoFilter.any("status", List.of("Sent", "Sending")));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:vips")
                        .setHeader("CamelKlaviyoFilter", constant(VIP_SINCE_NEW_YEAR))
                        .to("klaviyo:profiles/list");
                from("direct:campaigns")
                        .to("klaviyo:campaigns/list?filter=RAW(" + sentEmails + ")");
            }
        });

        template.sendBody("direct:vips", null);
        template.sendBody("direct:campaigns", null);

        assertThat(klaviyo.getAllServeEvents()).extracting(e -> e.getRequest().queryParameter("filter").firstValue())
                .containsExactlyInAnyOrder(VIP_SINCE_NEW_YEAR.toString(),
                        "equals(messages.channel,\"email\"),any(status,[\"Sent\",\"Sending\"])");
    }

    @Test
    void quotedParenthesesAndCommasDoNotConfuseTheCheck() {
        String filter = "equals(email,\"x),contains(first_name,(y\")";

        Exchange result = request("klaviyo:profiles/list", Map.of(KlaviyoConstants.FILTER, filter));

        assertThat(result.getException()).isNull();
        assertThat(sentFilter()).isEqualTo(filter);
    }

    @Test
    void aFieldInsideOrIsCheckedBeforeAnyHttpCall() {
        Exchange result = request("klaviyo:profiles/list", Map.of(KlaviyoConstants.FILTER,
                KlaviyoFilter.or(KlaviyoFilter.equals("email", "a@example.com"),
                        KlaviyoFilter.equals("first_name", "Jane"))));

        assertThat(result.getException()).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("profiles/list cannot filter on 'first_name'. Filterable fields:")
                .hasMessageContaining("email [any, equals]");
        assertThat(klaviyo.getAllServeEvents()).isEmpty();
    }

    @Test
    void anOperatorInsideNotIsCheckedBeforeAnyHttpCall() {
        Exchange result = request("klaviyo:profiles/list",
                Map.of(KlaviyoConstants.FILTER, "not(contains(email,\"example\"))"));

        assertThat(result.getException()).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("cannot filter 'email' with 'contains'. Allowed for email: any, equals");
        assertThat(klaviyo.getAllServeEvents()).isEmpty();
    }

    @Test
    void anyWithoutAListFailsBeforeAnyHttpCall() {
        Exchange result = request("klaviyo:profiles/list",
                Map.of(KlaviyoConstants.FILTER, "any(email,\"a@example.com\")"));

        assertThat(result.getException()).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("profiles/list: in any(email,\"a@example.com\"), 'any' takes a non-empty list");
        assertThat(klaviyo.getAllServeEvents()).isEmpty();
    }

    @Test
    void aQuotedDateTimeFailsBeforeAnyHttpCall() {
        Exchange result = request("klaviyo:campaigns/list", Map.of(KlaviyoConstants.FILTER,
                "and(equals(messages.channel,'email'),greater-or-equal(created_at,'2024-08-01T00:00:00-07:00'))"));

        assertThat(result.getException()).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("'greater-or-equal' takes a number or an unquoted ISO-8601 date-time")
                .hasMessageContaining("got the string \"2024-08-01T00:00:00-07:00\"");
        assertThat(klaviyo.getAllServeEvents()).isEmpty();
    }

    @Test
    void anUnquotedEmailFailsBeforeAnyHttpCallNamingTheIndex() {
        Exchange result = request("klaviyo:profiles/list",
                Map.of(KlaviyoConstants.FILTER, "equals(email,jane@example.com)"));

        assertThat(result.getException()).isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("profiles/list: Invalid filter at index 13")
                .hasMessageContaining("Klaviyo needs strings in quotes");
        assertThat(klaviyo.getAllServeEvents()).isEmpty();
    }

    @Test
    void aMalformedFilterOptionFailsWhenTheEndpointIsCreated() {
        assertThatThrownBy(() -> context.getEndpoint("klaviyo:profiles/list?filter=RAW(equals(email,\"a\")"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .rootCause().hasMessageContaining("Invalid filter at index")
                .hasMessageContaining("expected ')'");
    }

    @Test
    void hasAndDateTimeTermsPassOnEvents() {
        KlaviyoFilter filter = KlaviyoFilter.has("profile")
                .and(KlaviyoFilter.greaterOrEqual("datetime", Instant.parse("2024-05-01T00:00:00Z")));

        Exchange result = request("klaviyo:events/list", Map.of(KlaviyoConstants.FILTER, filter));

        assertThat(result.getException()).isNull();
        assertThat(sentFilter()).isEqualTo("has(profile),greater-or-equal(datetime,2024-05-01T00:00:00Z)");
    }

    private Exchange request(String uri, Map<String, Object> headers) {
        return template.request(uri, e -> e.getMessage().setHeaders(new HashMap<>(headers)));
    }

    private String rawQuery() {
        String url = klaviyo.getAllServeEvents().get(0).getRequest().getUrl();
        return url.substring(url.indexOf('?') + 1);
    }

    private String sentFilter() {
        assertThat(klaviyo.getAllServeEvents()).hasSize(1);
        return klaviyo.getAllServeEvents().get(0).getRequest().queryParameter("filter").firstValue();
    }
}
