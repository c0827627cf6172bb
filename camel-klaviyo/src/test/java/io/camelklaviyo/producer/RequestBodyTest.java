package io.camelklaviyo.producer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.Request;
import io.camelklaviyo.KlaviyoConstants;
import io.camelklaviyo.KlaviyoStandIn;
import io.camelklaviyo.request.InvalidRequestException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

class RequestBodyTest extends KlaviyoStandIn {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROFILE_DOCUMENT
            = "{\"data\":{\"type\":\"profile\",\"attributes\":{\"email\":\"jane@example.com\"}}}";

    /** A POJO, as a Java route would send it. */
    public record NewProfile(String email, String first_name) {
    }

    @BeforeEach
    void stub() {
        klaviyo.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201).withBody(PROFILE_DOCUMENT)));
    }

    @Test
    void aJsonStringDocumentIsSentAsItIs() throws Exception {
        send("klaviyo:profiles/create", PROFILE_DOCUMENT);

        assertThat(sentJson()).isEqualTo(JSON.readTree(PROFILE_DOCUMENT));
        assertThat(sent().getHeader("Content-Type")).startsWith("application/vnd.api+json");
    }

    @Test
    void aMapDocumentIsSentAsItIs() throws Exception {
        send("klaviyo:profiles/create", JSON.readValue(PROFILE_DOCUMENT, Map.class));

        assertThat(sentJson()).isEqualTo(JSON.readTree(PROFILE_DOCUMENT));
    }

    @Test
    void aJsonNodeDocumentIsSentAsItIs() throws Exception {
        send("klaviyo:profiles/create", JSON.readTree(PROFILE_DOCUMENT));

        assertThat(sentJson()).isEqualTo(JSON.readTree(PROFILE_DOCUMENT));
    }

    @Test
    void bareAttributesAreWrappedIntoADocumentOfTheOperationsType() throws Exception {
        send("klaviyo:profiles/create", Map.of("email", "jane@example.com"));

        assertThat(sentJson()).isEqualTo(JSON.readTree(PROFILE_DOCUMENT));
    }

    @Test
    void aBareAttributesJsonStringIsWrappedToo() throws Exception {
        send("klaviyo:profiles/create", "{\"email\":\"jane@example.com\"}");

        assertThat(sentJson()).isEqualTo(JSON.readTree(PROFILE_DOCUMENT));
    }

    @Test
    void aPojoIsSerialisedWithJacksonAndWrapped() throws Exception {
        send("klaviyo:profiles/create", new NewProfile("jane@example.com", "Jane"));

        assertThat(sentJson()).isEqualTo(JSON.readTree(
                "{\"data\":{\"type\":\"profile\",\"attributes\":{\"email\":\"jane@example.com\",\"first_name\":\"Jane\"}}}"));
    }

    @Test
    void anUpdateWrapsTheAttributesWithThePathId() throws Exception {
        Exchange result = template.request("klaviyo:profiles/update", e -> {
            e.getMessage().setHeader(KlaviyoConstants.ID, "01HPROFILE");
            e.getMessage().setBody(Map.of("first_name", "Janet"));
        });

        assertThat(result.getException()).isNull();
        assertThat(sent().getUrl()).isEqualTo("/api/profiles/01HPROFILE");
        assertThat(sentJson()).isEqualTo(JSON.readTree(
                "{\"data\":{\"type\":\"profile\",\"id\":\"01HPROFILE\",\"attributes\":{\"first_name\":\"Janet\"}}}"));
    }

    @Test
    void relationshipWritesTakeAListOfIds() throws Exception {
        send("klaviyo:lists/add-profiles?id=LIST1", List.of("P1", "P2"));

        assertThat(sent().getUrl()).isEqualTo("/api/lists/LIST1/relationships/profiles");
        assertThat(sentJson()).isEqualTo(JSON.readTree(
                "{\"data\":[{\"type\":\"profile\",\"id\":\"P1\"},{\"type\":\"profile\",\"id\":\"P2\"}]}"));
    }

    @Test
    void wholeResourcesAreCutDownToIdentifiersForRelationshipWrites() throws Exception {
        send("klaviyo:lists/add-profiles?id=LIST1", List.of(
                Map.of("type", "profile", "id", "P1", "attributes", Map.of("email", "a@example.com")),
                Map.of("id", "P2", "links", Map.of("self", "https://a.klaviyo.com/api/profiles/P2"))));

        assertThat(sentJson()).isEqualTo(JSON.readTree(
                "{\"data\":[{\"type\":\"profile\",\"id\":\"P1\"},{\"type\":\"profile\",\"id\":\"P2\"}]}"));
    }

    @Test
    void aToOneRelationshipWriteTakesOneId() throws Exception {
        send("klaviyo:campaign-messages/update-image-ids?id=M1", "IMG1");

        assertThat(sent().getUrl()).isEqualTo("/api/campaign-messages/M1/relationships/image");
        assertThat(sentJson()).isEqualTo(JSON.readTree("{\"data\":{\"type\":\"image\",\"id\":\"IMG1\"}}"));
    }

    @Test
    void aToOneRelationshipWriteTakesAOneElementListButNotALongerOne() throws Exception {
        send("klaviyo:campaign-messages/update-image-ids?id=M1", List.of("IMG1"));

        assertThat(sentJson()).isEqualTo(JSON.readTree("{\"data\":{\"type\":\"image\",\"id\":\"IMG1\"}}"));
        klaviyo.resetRequests();
        Exception failure = send("klaviyo:campaign-messages/update-image-ids?id=M1", List.of("A", "B")).getException();
        assertThat(failure).isInstanceOf(InvalidRequestException.class).hasMessageContaining("takes one image");
        assertThat(klaviyo.getAllServeEvents()).isEmpty();
    }

    @Test
    void anActionOnAnExistingResourceTakesItsIdAsTheBody() throws Exception {
        send("klaviyo:Create campaign send job", "01HCAMPAIGN");

        assertThat(sent().getUrl()).isEqualTo("/api/campaign-send-jobs");
        assertThat(sentJson()).isEqualTo(JSON.readTree(
                "{\"data\":{\"type\":\"campaign-send-job\",\"id\":\"01HCAMPAIGN\"}}"));
    }

    @Test
    void anActionOnAnExistingResourceTakesItsIdFromTheHeaderWithBareAttributes() throws Exception {
        Exchange result = template.request("klaviyo:campaign-clone/create", e -> {
            e.getMessage().setHeader(KlaviyoConstants.ID, "01HCAMPAIGN");
            e.getMessage().setBody(Map.of("new_name", "Copy"));
        });

        assertThat(result.getException()).isNull();
        assertThat(sentJson()).isEqualTo(JSON.readTree(
                "{\"data\":{\"type\":\"campaign\",\"id\":\"01HCAMPAIGN\",\"attributes\":{\"new_name\":\"Copy\"}}}"));
    }

    @Test
    void anActionOnAnExistingResourceWithoutAnIdFailsBeforeAnyHttpCall() {
        Exception failure = send("klaviyo:campaign-clone/create", Map.of("new_name", "Copy")).getException();

        assertThat(failure).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("campaign-clone/create needs the id of the campaign in data.id");
        assertThat(klaviyo.getAllServeEvents()).isEmpty();
    }

    @Test
    void aLoneResourceGetsItsDataWrapper() throws Exception {
        send("klaviyo:profiles/create", Map.of("type", "profile", "attributes", Map.of("email", "jane@example.com")));

        assertThat(sentJson()).isEqualTo(JSON.readTree(PROFILE_DOCUMENT));
    }

    @Test
    void blankNullAndMissingIdsFailBeforeAnyHttpCall() {
        assertInvalid("klaviyo:lists/add-profiles?id=L1", "", "blank or missing id");
        assertInvalid("klaviyo:lists/add-profiles?id=L1", "null", "ids or {\"type\",\"id\"} objects, got null");
        assertInvalid("klaviyo:lists/add-profiles?id=L1", Arrays.asList("P1", null), "got null");
        assertInvalid("klaviyo:lists/add-profiles?id=L1", List.of(), "takes at least one profile");
        assertInvalid("klaviyo:campaign-messages/update-image-ids?id=M1", "", "needs the id of the image");
        assertInvalid("klaviyo:Create campaign send job", " ", "needs the id of the campaign-send-job");
    }

    @Test
    void relationshipIdsOfTheWrongTypeFailBeforeAnyHttpCall() {
        assertInvalid("klaviyo:lists/add-profiles?id=L1", List.of(Map.of("type", "list", "id", "X")),
                "takes a 'profile' resource, got type 'list'");
    }

    @Test
    void anUpdateWhoseDocumentNamesAnotherIdFailsBeforeAnyHttpCall() {
        assertInvalid("klaviyo:profiles/update?id=P1",
                "{\"data\":{\"type\":\"profile\",\"id\":\"P2\",\"attributes\":{}}}",
                "updates P1 but the document's data.id is P2");
    }

    @Test
    void anUploadTakesNoStringAndNoUnknownField() {
        assertInvalid("klaviyo:image-upload/create", "/tmp/logo.png", "not a String");
        assertInvalid("klaviyo:image-upload/create", Map.of("file", new byte[] { 1 }, "colour", "red"),
                "has no form field 'colour'");
    }

    @Test
    void anImageUploadIsSentAsMultipartFormData() {
        Exchange result = template.request("klaviyo:image-upload/create", e -> {
            e.getMessage().setHeader(Exchange.FILE_NAME, "logo.png");
            e.getMessage().setBody(Map.of("file", "PNGDATA".getBytes(StandardCharsets.UTF_8), "name", "Logo"));
        });

        assertThat(result.getException()).isNull();
        assertThat(sent().getHeader("Content-Type")).startsWith("multipart/form-data;").contains("boundary=");
        String body = sent().getBodyAsString();
        assertThat(body).contains("name=\"file\"; filename=\"Logo\"").contains("PNGDATA")
                .contains("name=\"name\"").contains("Logo");
    }

    @Test
    void aMissingBodyFailsBeforeAnyHttpCall() {
        Exception failure = send("klaviyo:profiles/create", null).getException();

        assertThat(failure).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("profiles/create needs a request body");
        assertThat(klaviyo.getAllServeEvents()).isEmpty();
    }

    @Test
    void aDocumentOfTheWrongTypeFailsBeforeAnyHttpCall() {
        Exception failure = send("klaviyo:profiles/create",
                "{\"data\":{\"type\":\"list\",\"attributes\":{\"name\":\"x\"}}}").getException();

        assertThat(failure).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("takes a 'profile' resource, got type 'list'");
        assertThat(klaviyo.getAllServeEvents()).isEmpty();
    }

    @Test
    void aMissingRequiredAttributeFailsBeforeAnyHttpCall() {
        Exception failure = send("klaviyo:lists/create", Map.of("description", "no name")).getException();

        assertThat(failure).isInstanceOf(InvalidRequestException.class).hasMessageContaining("'name'");
        assertThat(klaviyo.getAllServeEvents()).isEmpty();
    }

    @Test
    void invalidJsonFailsBeforeAnyHttpCall() {
        Exception failure = send("klaviyo:profiles/create", "{not json").getException();

        assertThat(failure).isInstanceOf(InvalidRequestException.class).hasMessageContaining("not valid JSON");
        assertThat(klaviyo.getAllServeEvents()).isEmpty();
    }

    private void assertInvalid(String uri, Object body, String message) {
        Exception failure = send(uri, body).getException();

        assertThat(failure).isInstanceOf(InvalidRequestException.class).hasMessageContaining(message);
        assertThat(klaviyo.getAllServeEvents()).isEmpty();
    }

    private Exchange send(String uri, Object body) {
        return template.request(uri, e -> e.getMessage().setBody(body));
    }

    private Request sent() {
        assertThat(klaviyo.getAllServeEvents()).hasSize(1);
        return klaviyo.getAllServeEvents().get(0).getRequest();
    }

    private com.fasterxml.jackson.databind.JsonNode sentJson() throws Exception {
        return JSON.readTree(sent().getBodyAsString());
    }
}
