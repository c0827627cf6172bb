package io.camelklaviyo.contract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelklaviyo.operation.OperationCatalog;
import io.camelklaviyo.operation.SharedKlaviyoFiles;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the contract test's own tools, so that {@link OperationContractTest} cannot pass by validating nothing: the
 * sliced-spec validator catches a missing {@code Authorization}, unknown and missing query parameters and bad bodies,
 * and both documented spec defects are real and fixed by {@link SpecDefects}.
 */
class ContractToolingTest {

    private static KlaviyoSpec spec;
    private static SpecRequestValidator validator;
    private static OperationInputFactory inputs;
    private static MinimalInstanceGenerator generator;

    @BeforeAll
    static void readSpec() throws IOException {
        if (Files.isRegularFile(SharedKlaviyoFiles.spec())) {
            spec = KlaviyoSpec.read(SharedKlaviyoFiles.spec());
            validator = new SpecRequestValidator(spec);
            inputs = new OperationInputFactory(spec);
            generator = new MinimalInstanceGenerator(spec);
        }
    }

    @BeforeEach
    void assumeSpec() {
        Assumptions.assumeTrue(spec != null, "SKIPPED ContractToolingTest: it needs Klaviyo's OpenAPI spec at "
                                             + SharedKlaviyoFiles.spec() + ", which does not exist. Point"
                                             + " -Dklaviyo.shared.dir at the folder holding openapi-stable.json.");
    }

    @Test
    void anApiRequestWithoutAuthorizationFails() {
        JsonNode body = generator.generate(spec.operation("create_profile").requestSchema("application/vnd.api+json"));

        assertThat(validate("create_profile", Map.of(), jsonHeaders(true), body)).isEmpty();
        assertThat(validate("create_profile", Map.of(), jsonHeaders(false), body))
                .anyMatch(message -> message.startsWith("validation.request.security.missing"));
    }

    @Test
    void unknownAndMissingQueryParametersFail() {
        assertThat(validate("get_campaigns", Map.of(), jsonHeaders(true), null))
                .anyMatch(message -> message.startsWith("validation.request.parameter.query.missing"));
        assertThat(validate("get_campaigns", Map.of("filter", "equals(messages.channel,'email')",
                "fields[catalog-item-bulk-create-job]", "status"), jsonHeaders(true), null))
                .containsExactly("query parameter 'fields[catalog-item-bulk-create-job]' is not declared for GET"
                                 + " /api/campaigns");
    }

    @Test
    void aBodyThatBreaksTheSchemaFails() {
        ObjectNode body = (ObjectNode) generator.generate(
                spec.operation("create_profile").requestSchema("application/vnd.api+json"));
        ((ObjectNode) body.get("data")).put("type", "profiles");
        ((ObjectNode) body.get("data").get("attributes")).put("email", 3);

        assertThat(validate("create_profile", Map.of(), jsonHeaders(true), body))
                .anyMatch(message -> message.startsWith("validation.request.body.schema.enum"))
                .anyMatch(message -> message.startsWith("validation.request.body.schema.type"));
    }

    @Test
    void aClientOperationNeedsCompanyIdAndNoKey() {
        JsonNode body = generator.generate(
                spec.operation("create_client_subscription").requestSchema("application/vnd.api+json"));

        assertThat(validate("create_client_subscription", Map.of("company_id", "AbC123"), jsonHeaders(false), body))
                .isEmpty();
        assertThat(validate("create_client_subscription", Map.of(), jsonHeaders(false), body))
                .anyMatch(message -> message.contains("'company_id' is required"));
    }

    @Test
    void campaignSendOptionsCannotBeSentAsTheSpecStands() {
        ObjectNode body = (ObjectNode) inputs.inputs(OperationCatalog.bundled().byName("campaigns/create"), 0)
                .expectedDocument().deepCopy();
        ((ObjectNode) body.at("/data/attributes")).putObject(SpecDefects.SEND_OPTIONS).put("use_smart_sending", true);

        assertThat(validate("create_campaign", Map.of(), jsonHeaders(true), body))
                .anyMatch(message -> message.startsWith("validation.request.body.schema.oneOf"));
        assertThat(SpecDefects.apply(body)).containsExactly("removed /data/attributes/send_options");
        assertThat(validate("create_campaign", Map.of(), jsonHeaders(true), body)).isEmpty();
    }

    @Test
    void aWholeMeasurementFilterValueMatchesBothAlternatives() {
        JsonNode body = generator.generate(spec.operation("create_segment").requestSchema("application/vnd.api+json"));
        assertThat(DefectPathBodies.grow("create_segment", body, generator)).isTrue();
        JsonNode filter = body.at("/data/attributes/definition/condition_groups/0/conditions/0/"
                                  + SpecDefects.MEASUREMENT_FILTER);
        ((ObjectNode) filter).put("value", 1);

        assertThat(validate("create_segment", Map.of(), jsonHeaders(true), body))
                .anyMatch(message -> message.startsWith("validation.request.body.schema.oneOf"));
        assertThat(SpecDefects.apply(body)).hasSize(1);
        assertThat(filter.get("value").isDouble()).isTrue();
        assertThat(validate("create_segment", Map.of(), jsonHeaders(true), body)).isEmpty();
    }

    @Test
    void aMultipartBodyWithoutItsFileFails() {
        String boundary = "contractBoundary";
        byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nlogo\r\n--"
                       + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1);
        JsonNode schema = spec.resolve(spec.operation("upload_image_from_file").requestSchema("multipart/form-data"));

        assertThat(MultipartFormCheck.check(schema, "multipart/form-data; boundary=" + boundary, body, Map.of()))
                .containsExactly("multipart body: the required form field 'file' is missing");
    }

    private static List<String> validate(String operationId, Map<String, String> query,
                                         Map<String, List<String>> headers, JsonNode body) {
        KlaviyoSpec.SpecOperation operation = spec.operation(operationId);
        Map<String, List<String>> queryLists = new LinkedHashMap<>();
        query.forEach((name, value) -> queryLists.put(name, List.of(value)));
        RecordedRequest request = new RecordedRequest(operation.method(), operation.path(), queryLists, headers,
                body == null ? new byte[0] : body.toString().getBytes(StandardCharsets.UTF_8));
        return validator.validate(operation, request, Map.of());
    }

    private static Map<String, List<String>> jsonHeaders(boolean withKey) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("revision", List.of(OperationContractTest.REVISION));
        headers.put("accept", List.of("application/vnd.api+json"));
        headers.put("content-type", List.of("application/vnd.api+json"));
        if (withKey) {
            headers.put("authorization", List.of("Klaviyo-API-Key " + OperationContractTest.API_KEY));
        }
        return headers;
    }
}
