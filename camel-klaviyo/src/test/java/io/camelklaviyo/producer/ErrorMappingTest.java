package io.camelklaviyo.producer;

import java.net.ConnectException;
import java.util.Map;

import io.camelklaviyo.KlaviyoApiException;
import io.camelklaviyo.KlaviyoApiException.KlaviyoError;
import io.camelklaviyo.KlaviyoConnectionException;
import io.camelklaviyo.KlaviyoStandIn;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

class ErrorMappingTest extends KlaviyoStandIn {

    @Test
    void everyJsonApiErrorIsCarriedWithItsSource() {
        klaviyo.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(409).withBody("""
                {"errors":[
                  {"id":"e1","status":409,"code":"duplicate_profile",
                   "title":"Conflict.","detail":"A profile already exists with one of these identifiers.",
                   "source":{"pointer":"/data/attributes"},"meta":{"duplicate_profile_id":"01HDUP"}},
                  {"id":"e2","status":400,"code":"invalid","title":"Invalid input.","detail":"Bad sort.",
                   "source":{"parameter":"sort"}}]}""")));

        KlaviyoApiException failure = failure("klaviyo:profiles/create", Map.of("email", "jane@example.com"));

        assertThat(failure.getStatusCode()).isEqualTo(409);
        assertThat(failure.getOperation()).isEqualTo("profiles/create");
        assertThat(failure.hasErrorCode("duplicate_profile")).isTrue();
        assertThat(failure.getErrors()).hasSize(2);
        KlaviyoError duplicate = failure.getErrors().get(0);
        assertThat(duplicate.id()).isEqualTo("e1");
        assertThat(duplicate.title()).isEqualTo("Conflict.");
        assertThat(duplicate.pointer()).isEqualTo("/data/attributes");
        assertThat(duplicate.meta()).containsEntry("duplicate_profile_id", "01HDUP");
        assertThat(failure.getErrors().get(1).parameter()).isEqualTo("sort");
        assertThat(failure.getMessage()).isEqualTo("Klaviyo profiles/create failed with HTTP 409: duplicate_profile"
                                                   + " - A profile already exists with one of these identifiers."
                                                   + " (at /data/attributes); invalid - Bad sort. (parameter sort)");
    }

    @Test
    void aThrottledResponseCarriesRetryAfter() {
        klaviyo.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")
                .withBody("{\"errors\":[{\"id\":\"t\",\"status\":429,\"code\":\"throttled\","
                          + "\"title\":\"Request was throttled.\",\"detail\":\"Expected available in 7 seconds.\"}]}")));

        // maxRetries=0: the 429 itself, not three 7-second waits for it (retries are in io.camelklaviyo.retry)
        KlaviyoApiException failure = failure("klaviyo:profiles/list?maxRetries=0", null);

        assertThat(failure.getStatusCode()).isEqualTo(429);
        assertThat(failure.getRetryAfterSeconds()).isEqualTo(7L);
        assertThat(failure.hasErrorCode("throttled")).isTrue();
    }

    @Test
    void anHtmlErrorPageIsSummarised() {
        klaviyo.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(502)
                .withBody("<html>\n<body><h1>502 Bad Gateway</h1></body>\n</html>")));

        KlaviyoApiException failure = failure("klaviyo:profiles/list", null);

        assertThat(failure.getErrors()).isEmpty();
        assertThat(failure.getRetryAfterSeconds()).isNull();
        assertThat(failure.getMessage())
                .isEqualTo("Klaviyo profiles/list failed with HTTP 502: <html> <body><h1>502 Bad Gateway</h1></body> </html>");
    }

    @Test
    void errorsWithNullMembersAreReadLeniently() {
        klaviyo.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(400)
                .withBody("{\"errors\":[{\"id\":null,\"code\":null,\"title\":null,\"detail\":\"Row 3 is invalid\"}]}")));

        KlaviyoApiException failure = failure("klaviyo:profiles/list", null);

        assertThat(failure.getErrors().get(0).id()).isNull();
        assertThat(failure.getMessage()).endsWith("HTTP 400: error - Row 3 is invalid");
    }

    @Test
    void aMalformedSuccessBodyIsAClearFailure() {
        klaviyo.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"data\":[{\"id\":")));

        KlaviyoApiException failure = failure("klaviyo:profiles/list", null);

        assertThat(failure.getStatusCode()).isEqualTo(200);
        assertThat(failure.getMessage()).contains("the response is not a JSON document");
    }

    @Test
    void aRefusedConnectionFailsTheExchange() {
        component.getConfiguration().setBaseUrl("http://127.0.0.1:1");

        Exchange result = template.request("klaviyo:profiles/list", e -> {
        });

        assertThat(result.getException()).isInstanceOf(KlaviyoConnectionException.class)
                .hasMessageStartingWith("Klaviyo profiles/list failed without a response: ")
                .hasCauseInstanceOf(ConnectException.class);
    }

    private KlaviyoApiException failure(String uri, Object body) {
        Exchange result = template.request(uri, e -> e.getMessage().setBody(body));
        assertThat(result.getException()).isInstanceOf(KlaviyoApiException.class);
        return (KlaviyoApiException) result.getException();
    }
}
