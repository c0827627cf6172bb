package io.camelklaviyo.operation.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import io.camelklaviyo.operation.Operation;
import io.camelklaviyo.operation.generator.OpenApiSpec.SpecOperation;

/**
 * Generates the operation catalogue ({@code klaviyo-operations.json}) and its documentation table
 * ({@code docs/operations.md}) from Klaviyo's OpenAPI spec and the product's action list.
 * <p>
 * Usage: {@code CatalogGenerator <openapi-spec.json> <action-list.tsv> <catalogue-out.json> <docs-table-out.md>}.
 * The output is deterministic, so regenerating from the same inputs reproduces the committed files byte for byte.
 */
public final class CatalogGenerator {

    /** The two generated files' contents. */
    public record Output(String revision, int operationCount, String catalogueJson, String operationsTable) {
    }

    private CatalogGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            throw new IllegalArgumentException("Usage: CatalogGenerator <openapi-spec.json> <action-list.tsv>"
                    + " <catalogue-out.json> <docs-table-out.md>");
        }
        for (int i = 0; i < 2; i++) {
            if (!Files.isRegularFile(Path.of(args[i]))) {
                throw new IllegalArgumentException("No such file: " + Path.of(args[i]).toAbsolutePath().normalize());
            }
        }
        Output output = generate(Path.of(args[0]), Path.of(args[1]));
        Path catalogue = Path.of(args[2]).toAbsolutePath().normalize();
        Path table = Path.of(args[3]).toAbsolutePath().normalize();
        write(catalogue, output.catalogueJson());
        write(table, output.operationsTable());
        System.out.println("Klaviyo revision " + output.revision() + ": " + output.operationCount()
                + " operations written to " + catalogue + " and " + table);
    }

    /**
     * Generates both files in memory.
     *
     * @param spec       Klaviyo's OpenAPI document ({@code openapi/stable.json})
     * @param actionList the action-list TSV ({@code action_name} and {@code operationId} columns)
     * @throws IllegalStateException when names are ambiguous or the action list names an unknown operation
     */
    public static Output generate(Path spec, Path actionList) throws IOException {
        OpenApiSpec openApi = OpenApiSpec.read(spec);
        Map<String, List<String>> actions = ActionListReader.read(actionList);
        List<Operation> operations = operations(openApi, actions);
        CatalogValidator.validate(operations, actions);
        String revision = openApi.revision();
        return new Output(revision, operations.size(), CatalogJsonWriter.write(revision, operations),
                OperationsTableWriter.write(revision, operations));
    }

    /** Every operation of the spec, sorted by canonical name. */
    static List<Operation> operations(OpenApiSpec spec, Map<String, List<String>> actions) {
        List<SpecOperation> specOperations = spec.operations();
        SortedMap<String, String> getsByPath = new TreeMap<>();
        for (SpecOperation operation : specOperations) {
            if ("GET".equals(operation.method())) {
                getsByPath.put(operation.path(), CanonicalNames.of(operation.method(), operation.path()));
            }
        }
        OperationExtractor extractor = new OperationExtractor(spec, actionsByOperationId(specOperations, actions),
                getsByPath);
        List<Operation> operations = new ArrayList<>();
        for (SpecOperation operation : specOperations) {
            operations.add(extractor.extract(operation));
        }
        operations.sort(Comparator.comparing(Operation::name));
        return operations;
    }

    /**
     * operationId to the sorted names of the actions that map to it. The action list may name an operation by its
     * current operationId or by an older one (an alias); naming none of the spec's operations is an error.
     */
    static Map<String, List<String>> actionsByOperationId(List<SpecOperation> operations,
            Map<String, List<String>> actions) {
        Map<String, String> currentIds = new HashMap<>();
        for (SpecOperation operation : operations) {
            for (String id : operation.ids()) {
                String previous = currentIds.putIfAbsent(id, operation.operationId());
                if (previous != null && !previous.equals(operation.operationId())) {
                    throw new IllegalStateException("operationId or alias " + id + " belongs to both " + previous
                            + " and " + operation.operationId());
                }
            }
        }
        Map<String, TreeSet<String>> byOperation = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        actions.forEach((action, ids) -> {
            for (String id : ids) {
                String current = currentIds.get(id);
                if (current == null) {
                    unknown.add(action + " -> " + id);
                } else {
                    byOperation.computeIfAbsent(current, k -> new TreeSet<>()).add(action);
                }
            }
        });
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("The action list names operations the spec does not have: " + unknown);
        }
        Map<String, List<String>> sorted = new HashMap<>();
        byOperation.forEach((id, names) -> sorted.put(id, List.copyOf(names)));
        return sorted;
    }

    private static void write(Path file, String content) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
