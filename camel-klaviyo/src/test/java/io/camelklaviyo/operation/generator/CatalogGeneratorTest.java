package io.camelklaviyo.operation.generator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelklaviyo.operation.Operation;
import io.camelklaviyo.operation.OperationCatalog;
import io.camelklaviyo.operation.Operation.SlowPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The generator on small hand-written specs: naming, $ref resolution, and refusing ambiguous names. */
class CatalogGeneratorTest {

    @TempDir
    Path dir;

    @Test
    void canonicalNamesFollowTheDocumentedRule() {
        assertThat(CanonicalNames.of("GET", "/api/profiles")).isEqualTo("profiles/list");
        assertThat(CanonicalNames.of("POST", "/api/profiles")).isEqualTo("profiles/create");
        assertThat(CanonicalNames.of("GET", "/api/profiles/{id}")).isEqualTo("profiles/get");
        assertThat(CanonicalNames.of("PATCH", "/api/profiles/{id}")).isEqualTo("profiles/update");
        assertThat(CanonicalNames.of("DELETE", "/api/tags/{id}")).isEqualTo("tags/delete");
        assertThat(CanonicalNames.of("GET", "/api/profiles/{id}/lists")).isEqualTo("profiles/get-lists");
        assertThat(CanonicalNames.of("GET", "/api/tags/{id}/relationships/flows")).isEqualTo("tags/get-flows-ids");
        assertThat(CanonicalNames.of("POST", "/api/lists/{id}/relationships/profiles")).isEqualTo("lists/add-profiles");
        assertThat(CanonicalNames.of("PATCH", "/api/catalog-items/{id}/relationships/categories"))
                .isEqualTo("catalog-items/update-categories-ids");
        assertThat(CanonicalNames.of("DELETE", "/api/tags/{id}/relationships/lists")).isEqualTo("tags/remove-lists");
        assertThat(CanonicalNames.of("POST", "/client/subscriptions")).isEqualTo("client-subscriptions/create");
    }

    @Test
    void shapesOutsideTheRuleFailLoudly() {
        assertThatThrownBy(() -> CanonicalNames.of("GET", "/api/a/{id}/b/{other}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("naming rule");
        assertThatThrownBy(() -> CanonicalNames.of("PUT", "/api/a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalNames.of("GET", "/v1/a")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void slowPathsAreParsedFromTheDescription() {
        String description = "Get a thing.<br><br>*Rate limits*:<br>Burst: `75/s`<br>Steady: `750/m`<br><br>"
                + "Rate limits when using the `include=list` parameter in your API request:<br>Burst: `1/s`<br>"
                + "Steady: `15/m`<br><br>Rate limits when using the `additional-fields[x]=y_z` parameter in your"
                + " API request:<br>Burst: `10/s`<br>Steady: `150/m`";

        assertThat(RateLimitExtractor.slowPaths(description)).containsExactly(new SlowPath("include", "list", 1, 15),
                new SlowPath("additional-fields[x]", "y_z", 10, 150));
        assertThat(RateLimitExtractor.tier(75, 700)).isEqualTo("L");
        assertThat(RateLimitExtractor.tier(3, 100)).isNull();
    }

    @Test
    void generatesFromASmallSpecFollowingRefs() throws IOException {
        CatalogGenerator.Output output = CatalogGenerator.generate(spec(WIDGETS), actions(
                "Add widget parts\tadd_parts_to_widget",
                "Get Widget Relationships\tget_part_ids_for_widget|get_maker_id_for_widget"));
        Operation add = read(output).byName("widgets/add-parts");

        assertThat(output.revision()).isEqualTo("2099-01-15");
        assertThat(add.operationId()).isEqualTo("add_parts_to_widget");
        assertThat(add.actions()).containsExactly("Add widget parts");
        assertThat(add.body().type()).isEqualTo("part");
        assertThat(add.body().many()).isTrue();
        assertThat(add.rateLimit().tier()).isEqualTo("S");
        assertThat(read(output).resolve("get widget relationships")).extracting(Operation::name)
                .containsExactlyInAnyOrder("widgets/get-parts-ids", "widgets/get-maker-ids");
        assertThat(output.catalogueJson()).endsWith("\n");
        assertThat(output.operationsTable()).contains("| `widgets/add-parts` | `add_parts_to_widget` | POST |")
                .contains("`klaviyo:Get Widget Relationships?relationship=maker`");
    }

    @Test
    void refusesTwoOperationsWithOneCanonicalName() throws IOException {
        String spec = WIDGETS.replace("'/api/widgets/{id}/relationships/maker'",
                "'/api/widgets/{widget_id}/relationships/parts'");

        assertThatThrownBy(() -> CatalogGenerator.generate(spec(spec), actions()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("canonical name widgets/get-parts-ids");
    }

    @Test
    void refusesALookupKeyNamingTwoOperations() throws IOException {
        // a single-operation action whose key is another operation's operationId
        assertThatThrownBy(() -> CatalogGenerator.generate(spec(WIDGETS),
                actions("Get Part IDs for Widget\tget_maker_id_for_widget")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("get-part-ids-for-widget");
    }

    @Test
    void refusesAnActionNamingAnUnknownOperation() throws IOException {
        assertThatThrownBy(() -> CatalogGenerator.generate(spec(WIDGETS), actions("Fly\tfly_widget")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Fly -> fly_widget");
    }

    private Path spec(String json) throws IOException {
        return Files.writeString(dir.resolve("spec.json"), json.replace('\'', '"'));
    }

    private Path actions(String... rows) throws IOException {
        StringBuilder tsv = new StringBuilder("action_name\toperationId\tmethod\n");
        for (String row : rows) {
            tsv.append(row).append("\t\n");
        }
        return Files.writeString(dir.resolve("actions.tsv"), tsv);
    }

    private static OperationCatalog read(CatalogGenerator.Output output) throws IOException {
        return OperationCatalog.read(new ByteArrayInputStream(output.catalogueJson().getBytes(StandardCharsets.UTF_8)));
    }

    private static final String RATE = "'x-klaviyo-ratelimit': {'burst': '3/s', 'steady': '60/m'}";

    private static final String WIDGETS = """
            {'openapi': '3.0.2', 'info': {'version': '2099-01-15'},
             'paths': {
              '/api/widgets/{id}/relationships/parts': {
                'get': {'operationId': 'get_part_ids_for_widget', 'responses': {'200': {}}, %1$s},
                'post': {'operationId': 'add_parts_to_widget', %1$s,
                  'requestBody': {'$ref': '#/components/requestBodies/Parts'},
                  'responses': {'204': {}}}},
              '/api/widgets/{id}/relationships/maker': {
                'get': {'operationId': 'get_maker_id_for_widget', 'responses': {'200': {}}, %1$s}}},
             'components': {
              'requestBodies': {'Parts': {'required': true, 'content': {'application/vnd.api+json':
                {'schema': {'type': 'object', 'properties': {'data': {'type': 'array',
                  'items': {'$ref': '#/components/schemas/PartIdentifier'}}}}}}}},
              'schemas': {
               'PartIdentifier': {'type': 'object', 'properties': {'type': {'$ref': '#/components/schemas/PartEnum'},
                 'id': {'type': 'string'}}},
               'PartEnum': {'type': 'string', 'enum': ['part']}}}}
            """.formatted(RATE);

}
