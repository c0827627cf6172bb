package io.camelklaviyo.filter;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelklaviyo.operation.Operation;
import io.camelklaviyo.operation.OperationCatalog;
import io.camelklaviyo.operation.SharedKlaviyoFiles;
import io.camelklaviyo.request.QueryOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filter check over the whole catalogue: every example filter of the spec parses and passes, and a typed filter
 * for every allowed field and operator passes, so the check has no false positives on any filterable operation.
 */
class CatalogueFilterTest {

    private final OperationCatalog catalog = OperationCatalog.bundled();

    @Test
    void everyExampleFilterOfTheSpecParsesAndPasses() throws IOException {
        SharedKlaviyoFiles.assumePresent(SharedKlaviyoFiles.spec(), "everyExampleFilterOfTheSpecParsesAndPasses");
        JsonNode spec = new ObjectMapper().readTree(SharedKlaviyoFiles.spec().toFile());
        List<String> checked = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        spec.path("paths").forEach(path -> path.forEach(method -> {
            for (JsonNode parameter : method.path("parameters")) {
                JsonNode example = parameter.path("schema").path("example");
                if (!"filter".equals(parameter.path("name").asText()) || !example.isTextual()) {
                    continue;
                }
                String operationId = method.path("operationId").asText();
                Collection<Operation> operations = catalog.resolve(operationId);
                assertThat(operations).as("catalogue operation for %s", operationId).hasSize(1);
                Operation operation = operations.iterator().next();
                try {
                    FilterExpression.parse(example.asText());
                    validate(operation, example.asText());
                    checked.add(operation.name());
                } catch (IllegalArgumentException e) {
                    failures.add(operationId + " " + example.asText() + ": " + e.getMessage());
                }
            }
        }));

        assertThat(failures).isEmpty();
        long filterable = catalog.operations().stream().filter(o -> !o.filters().isEmpty()).count();
        assertThat(filterable).isEqualTo(56);
        assertThat(checked).as("operations with an example filter").hasSizeGreaterThan(50);
    }

    @Test
    void aTypedFilterOnEveryAllowedFieldAndOperatorPasses() {
        int checked = 0;
        for (Operation operation : catalog.operations()) {
            for (Map.Entry<String, List<String>> field : operation.filters().entrySet()) {
                for (String operator : field.getValue()) {
                    KlaviyoFilter filter = typed(operator, field.getKey());
                    validate(operation, filter.toString());
                    assertThat(FilterExpression.parse(filter.toString())).isEqualTo(filter);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(200);
    }

    private static KlaviyoFilter typed(String operator, String field) {
        Instant moment = Instant.parse("2024-01-01T00:00:00Z");
        return switch (operator) {
            case "equals" -> KlaviyoFilter.equals(field, "x");
            case "any" -> KlaviyoFilter.any(field, List.of("x", "y"));
            case "greater-than" -> KlaviyoFilter.greaterThan(field, moment);
            case "greater-or-equal" -> KlaviyoFilter.greaterOrEqual(field, moment);
            case "less-than" -> KlaviyoFilter.lessThan(field, moment);
            case "less-or-equal" -> KlaviyoFilter.lessOrEqual(field, moment);
            case "contains" -> KlaviyoFilter.contains(field, "x");
            case "starts-with" -> KlaviyoFilter.startsWith(field, "x");
            case "ends-with" -> KlaviyoFilter.endsWith(field, "x");
            case "has" -> KlaviyoFilter.has(field);
            default -> throw new AssertionError("the catalogue has an operator the typed API lacks: " + operator);
        };
    }

    private static void validate(Operation operation, String filter) {
        new QueryOptions(filter, null, null, null, null, Map.of(), Map.of(), Map.of()).validate(operation);
    }
}
