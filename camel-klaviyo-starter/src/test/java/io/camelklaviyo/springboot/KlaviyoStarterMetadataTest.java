package io.camelklaviyo.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.util.StringHelper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the starter in step with the component: every option in the component's descriptor ({@code klaviyo.json},
 * {@code componentProperties}) has a {@code camel.component.klaviyo.*} property with a description and the same
 * default in the IDE metadata that spring-boot-configuration-processor wrote, and there is no property the component
 * does not know. A new component option fails this test until the starter has it.
 */
class KlaviyoStarterMetadataTest {

    private static final String PREFIX = "camel.component.klaviyo.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode componentProperties;
    private static Map<String, JsonNode> metadata;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = KlaviyoStarterMetadataTest.class.getResourceAsStream("/META-INF/io/camelklaviyo/klaviyo.json")) {
            assertThat(in).as("klaviyo.json of camel-klaviyo on the class path").isNotNull();
            componentProperties = JSON.readTree(in).get("componentProperties");
        }
        metadata = new LinkedHashMap<>();
        for (URL url : Collections.list(KlaviyoStarterMetadataTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                for (JsonNode property : JSON.readTree(in).path("properties")) {
                    String name = property.get("name").asText();
                    if (name.startsWith(PREFIX)) {
                        metadata.put(name, property);
                    }
                }
            }
        }
    }

    @Test
    void everyComponentOptionHasADocumentedPropertyWithTheSameDefault() {
        assertThat(componentProperties.size()).isPositive();
        componentProperties.fields().forEachRemaining(option -> {
            String name = PREFIX + StringHelper.camelCaseToDash(option.getKey());
            JsonNode descriptor = option.getValue();
            assertThat(metadata).as("IDE metadata for component option %s", option.getKey()).containsKey(name);
            JsonNode property = metadata.get(name);
            assertThat(property.path("description").asText()).as("description of %s", name).isNotBlank();
            assertThat(property.path("sourceType").asText()).as("source of %s", name)
                    .isEqualTo(KlaviyoComponentConfiguration.class.getName());

            JsonNode expected = descriptor.get("defaultValue");
            JsonNode actual = property.get("defaultValue");
            if (expected == null) {
                assertThat(actual).as("default of %s", name).isNull();
            } else if ("duration".equals(descriptor.path("type").asText())) {
                assertThat(actual).as("default of %s", name).isNotNull();
                assertThat(DurationStyle.detectAndParse(actual.asText()))
                        .as("default of %s", name).isEqualTo(Duration.ofMillis(expected.asLong()));
            } else {
                assertThat(actual).as("default of %s", name).isNotNull();
                assertThat(actual.asText()).as("default of %s", name).isEqualToIgnoringCase(expected.asText());
            }
        });
    }

    @Test
    void noPropertyTheComponentDoesNotKnow() {
        Set<String> known = new HashSet<>(Set.of(PREFIX + "enabled", PREFIX + "customizer.enabled"));
        componentProperties.fieldNames().forEachRemaining(option -> known.add(PREFIX + StringHelper.camelCaseToDash(option)));

        assertThat(metadata.keySet()).containsAll(Set.of(PREFIX + "enabled", PREFIX + "customizer.enabled"));
        assertThat(known).containsAll(metadata.keySet());
        assertThat(metadata.get(PREFIX + "enabled").path("description").asText()).isNotBlank();
        assertThat(metadata.get(PREFIX + "customizer.enabled").path("description").asText()).isNotBlank();
    }
}
