package io.camelklaviyo.producer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.camelklaviyo.KlaviyoConstants;
import io.camelklaviyo.KlaviyoStandIn;
import io.camelklaviyo.request.InvalidRequestException;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryParametersTest extends KlaviyoStandIn {

    @BeforeEach
    void stub() {
        klaviyo.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"data\":[]}")));
    }

    @Test
    void aQuotedFilterWithAPlusInTheEmailIsPercentEncoded() {
        String filter = "equals(email,\"jane+vip@example.com\")";

        request("klaviyo:profiles/list", Map.of(KlaviyoConstants.FILTER, filter));

        assertThat(rawQuery()).isEqualTo("filter=equals%28email,%22jane%2Bvip%40example.com%22%29");
        assertThat(sentQueryParam("filter")).isEqualTo(filter);
    }

    @Test
    void aFilterInTheUriSurvivesWhenWrappedInRaw() {
        request("klaviyo:profiles/list?filter=RAW(equals(email,\"jane+vip@example.com\"))", Map.of());

        assertThat(sentQueryParam("filter")).isEqualTo("equals(email,\"jane+vip@example.com\")");
    }

    @Test
    void listValuesKeepTheirCommas() {
        String filter = "any(email,[\"a@example.com\",\"b@example.com\"]),greater-than(updated,2024-01-01T00:00:00Z)";

        request("klaviyo:profiles/list?fields.profile=email,first_name&additionalFields.profile=subscriptions"
                + "&sort=-updated&pageSize=50",
                Map.of(KlaviyoConstants.FILTER, filter));

        assertThat(rawQuery()).contains("fields%5Bprofile%5D=email,first_name")
                .contains("additional-fields%5Bprofile%5D=subscriptions")
                .contains("page%5Bsize%5D=50").contains("sort=-updated");
        assertThat(sentQueryParam("filter")).isEqualTo(filter);
    }

    @Test
    void thePageCursorIsTakenFromAFullNextLink() {
        request("klaviyo:profiles/list", Map.of(KlaviyoConstants.PAGE_CURSOR,
                "https://a.klaviyo.com/api/profiles?page%5Bcursor%5D=bmV4dA%3D%3D&page%5Bsize%5D=20"));

        assertThat(sentQueryParam("page[cursor]")).isEqualTo("bmV4dA==");
    }

    @Test
    void headersAddFurtherQueryParameters() {
        request("klaviyo:profiles/list", Map.of(KlaviyoConstants.QUERY_PARAMETERS,
                Map.of("fields[profile]", List.of("email", "phone_number"))));

        assertThat(sentQueryParam("fields[profile]")).isEqualTo("email,phone_number");
    }

    @Test
    void anUnknownQueryParameterFailsWhenTheEndpointIsCreated() {
        assertThatThrownBy(() -> context.getEndpoint("klaviyo:profiles/list?query.colour=red"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .rootCause().hasMessageContaining("does not accept the query parameter 'colour'")
                .hasMessageContaining("page[size]");
    }

    @Test
    void anInvalidSortNamesTheAllowedValues() {
        assertThatThrownBy(() -> context.getEndpoint("klaviyo:profiles/list?sort=colour"))
                .rootCause().hasMessageContaining("'colour' is not a valid sort value")
                .hasMessageContaining("-updated");
    }

    @Test
    void aFilterOnAnUnfilterableFieldNamesTheFilterableOnes() {
        assertThatThrownBy(() -> context.getEndpoint("klaviyo:profiles/list?filter=equals(first_name,\"Jane\")"))
                .rootCause().hasMessageContaining("cannot filter on 'first_name'")
                .hasMessageContaining("email [any, equals]");
    }

    @Test
    void aFilterWithADisallowedOperatorNamesTheAllowedOnes() {
        Exchange result = request("klaviyo:profiles/list",
                Map.of(KlaviyoConstants.FILTER, "contains(email,\"example\")"));

        assertThat(result.getException()).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("cannot filter 'email' with 'contains'")
                .hasMessageContaining("any, equals");
        assertThat(klaviyo.getAllServeEvents()).isEmpty();
    }

    @Test
    void aPageSizeAboveTheMaximumFails() {
        assertThatThrownBy(() -> context.getEndpoint("klaviyo:profiles/list?pageSize=500"))
                .rootCause().hasMessageContaining("page size must be between 1 and 100");
    }

    @Test
    void aMissingRequiredQueryParameterFailsBeforeAnyHttpCall() {
        Exchange result = request("klaviyo:campaigns/list", Map.of());

        assertThat(result.getException()).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("requires the query parameter 'filter'");
        assertThat(klaviyo.getAllServeEvents()).isEmpty();
    }

    @Test
    void aMissingPathIdFailsBeforeAnyHttpCall() {
        Exchange result = request("klaviyo:profiles/get", Map.of());

        assertThat(result.getException()).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("needs the id").hasMessageContaining(KlaviyoConstants.ID);
        assertThat(klaviyo.getAllServeEvents()).isEmpty();
    }

    @Test
    void companyIdIsReservedForThePublicKey() {
        assertThatThrownBy(() -> context.getEndpoint("klaviyo:client-events/create?query.company_id=OTHER"))
                .rootCause().hasMessageContaining("company_id is the public key");
    }

    @Test
    void aQueryParametersHeaderThatIsNoMapFailsBeforeAnyHttpCall() {
        Exchange result = request("klaviyo:profiles/list", Map.of(KlaviyoConstants.QUERY_PARAMETERS, "sort=colour"));

        assertThat(result.getException()).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("must be a Map");
        assertThat(klaviyo.getAllServeEvents()).isEmpty();
    }

    @Test
    void listValuesAreSentWithoutTheBlanksTheyWereCheckedWithout() {
        request("klaviyo:profiles/get?id=P1", Map.of(KlaviyoConstants.INCLUDE, " lists , segments "));

        assertThat(sentQueryParam("include")).isEqualTo("lists,segments");
    }

    @Test
    void aDotSegmentIdFailsBeforeAnyHttpCall() {
        Exchange result = request("klaviyo:lists/get", Map.of(KlaviyoConstants.ID, ".."));

        assertThat(result.getException()).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("'..' is not a valid id");
        assertThat(klaviyo.getAllServeEvents()).isEmpty();
    }

    @Test
    void anIdOptionTheOperationCannotUseFailsWhenTheEndpointIsCreated() {
        assertThatThrownBy(() -> context.getEndpoint("klaviyo:profiles/create?id=P1"))
                .rootCause().hasMessageContaining("The option id has no use for profiles/create");
    }

    @Test
    void aMalformedRevisionFailsWhenTheEndpointIsCreated() {
        assertThatThrownBy(() -> context.getEndpoint("klaviyo:profiles/list?revision=latest"))
                .rootCause().hasMessageContaining("The revision must look like YYYY-MM-DD");
    }

    @Test
    void thePathIdIsEncoded() {
        request("klaviyo:profiles/get", Map.of(KlaviyoConstants.ID, "a b/c"));

        assertThat(klaviyo.getAllServeEvents().get(0).getRequest().getUrl()).isEqualTo("/api/profiles/a%20b%2Fc");
    }

    private Exchange request(String uri, Map<String, Object> headers) {
        return template.request(uri, e -> e.getMessage().setHeaders(new HashMap<>(headers)));
    }

    private String rawQuery() {
        String url = klaviyo.getAllServeEvents().get(0).getRequest().getUrl();
        return url.substring(url.indexOf('?') + 1);
    }

    private String sentQueryParam(String name) {
        assertThat(klaviyo.getAllServeEvents()).hasSize(1);
        return klaviyo.getAllServeEvents().get(0).getRequest().queryParameter(name).firstValue();
    }
}
