package io.camelklaviyo;

import java.io.InputStream;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelklaviyo.operation.OperationCatalog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component descriptor that camel-package-maven-plugin generates from the annotations: tooling (Karavan, JBang,
 * IDEs, the Spring Boot starter) reads options from it.
 */
class ComponentMetadataTest {

    private static JsonNode descriptor() throws Exception {
        try (InputStream in = ComponentMetadataTest.class.getResourceAsStream("/META-INF/io/camelklaviyo/klaviyo.json")) {
            assertThat(in).as("generated component descriptor").isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void describesAnAsyncProducerComponent() throws Exception {
        JsonNode component = descriptor().get("component");

        assertThat(component.get("scheme").asText()).isEqualTo("klaviyo");
        assertThat(component.get("syntax").asText()).isEqualTo("klaviyo:operation");
        assertThat(component.get("async").asBoolean()).isTrue();
        assertThat(component.get("groupId").asText()).isEqualTo("io.camelklaviyo");
    }

    @Test
    void componentOptionsAreDocumentedAndCredentialsAreSecret() throws Exception {
        JsonNode options = descriptor().get("componentProperties");

        for (String option : new String[] { "apiKey", "publicKey", "baseUrl", "revision", "responseFormat",
                "responseTimeout", "connectTimeout", "maxConnections", "workerPoolSize" }) {
            assertThat(options.has(option)).as(option).isTrue();
            assertThat(options.get(option).get("description").asText()).as(option).isNotBlank();
        }
        assertThat(options.get("apiKey").get("secret").asBoolean()).isTrue();
        // the site ID is public by design: masking it would only hide it from its owner's tooling
        assertThat(options.get("publicKey").get("secret").asBoolean()).isFalse();
        assertThat(options.get("revision").get("defaultValue").asText()).isEqualTo("2026-07-15");
        assertThat(options.get("baseUrl").get("defaultValue").asText()).isEqualTo("https://a.klaviyo.com");
    }

    @Test
    void theDefaultRevisionIsTheOneTheBundledCatalogueDescribes() {
        // after regenerating the catalogue for a new Klaviyo revision, this names the constant to update
        assertThat(KlaviyoConfiguration.DEFAULT_REVISION).isEqualTo(OperationCatalog.bundled().revision());
    }

    @Test
    void endpointOptionsAndHeadersArePresent() throws Exception {
        JsonNode root = descriptor();

        assertThat(root.get("properties").get("operationName").get("required").asBoolean()).isTrue();
        for (String option : new String[] { "id", "filter", "sort", "include", "fields", "additionalFields",
                "pageSize", "pageCursor", "queryParameters", "relationship" }) {
            assertThat(root.get("properties").has(option)).as(option).isTrue();
        }
        assertThat(root.get("properties").get("fields").get("prefix").asText()).isEqualTo("fields.");
        Map<String, Object> headers = new ObjectMapper().convertValue(root.get("headers"), new TypeReference<Map<String, Object>>() {
        });
        assertThat(headers).containsKeys(KlaviyoConstants.ID, KlaviyoConstants.FILTER, KlaviyoConstants.HTTP_STATUS,
                KlaviyoConstants.NEXT_PAGE_CURSOR, KlaviyoConstants.RATE_LIMIT_REMAINING);
    }
}
