package io.camelklaviyo.operation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every name of the product's action list reaches exactly the operations the action list maps it to. */
class ActionListResolutionTest {

    private static final int ACTIONS = 255;

    private final OperationCatalog catalog = OperationCatalog.bundled();

    @Test
    void everyActionOfTheActionListResolvesToItsOperations() throws IOException {
        SharedKlaviyoFiles.assumePresent(SharedKlaviyoFiles.actionList(),
                "ActionListResolutionTest.everyActionOfTheActionListResolvesToItsOperations");
        Map<String, Set<String>> actions = readActionList();

        assertThat(actions).hasSize(ACTIONS);
        actions.forEach((action, operationIds) -> assertThat(
                catalog.resolve(action).stream().map(Operation::operationId).collect(Collectors.toSet()))
                .as("operations that \"%s\" resolves to", action)
                .isEqualTo(operationIds));
    }

    @Test
    void bundledCatalogueCarriesEveryActionName() {
        List<String> actionNames = catalog.operations().stream()
                .flatMap(operation -> operation.actions().stream())
                .distinct()
                .toList();

        assertThat(catalog.operations()).hasSize(345);
        assertThat(actionNames).hasSize(ACTIONS);
        for (String action : actionNames) {
            assertThat(catalog.resolve(action))
                    .as("operations that \"%s\" resolves to", action)
                    .isNotEmpty()
                    .allSatisfy(operation -> assertThat(operation.actions()).contains(action));
        }
    }

    @Test
    void actionNamesResolveWhateverTheirSpelling() {
        assertThat(catalog.resolve("add profile to list")).extracting(Operation::name)
                .containsExactly("lists/add-profiles");
        assertThat(catalog.resolve("get_tag_relationships")).extracting(Operation::name)
                .containsExactlyInAnyOrder("tags/get-campaigns-ids", "tags/get-flows-ids", "tags/get-lists-ids",
                        "tags/get-segments-ids", "tags/get-tag-group-ids");
    }

    /** Action name to the operationIds of its row; a generic action's are joined with {@code |}. */
    private static Map<String, Set<String>> readActionList() throws IOException {
        List<String> lines = Files.readAllLines(SharedKlaviyoFiles.actionList(), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("action_name\toperationId\t");
        Map<String, Set<String>> actions = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            Set<String> ids = Arrays.stream(cells[1].split("\\|")).map(String::trim).collect(Collectors.toSet());
            assertThat(actions.put(cells[0].trim(), ids)).as("action %s listed once", cells[0]).isNull();
        }
        return actions;
    }
}
