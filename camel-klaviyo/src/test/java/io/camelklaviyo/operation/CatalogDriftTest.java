package io.camelklaviyo.operation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.camelklaviyo.operation.generator.CatalogGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Regenerates the catalogue and docs/operations.md in memory from Klaviyo's spec and the action list, and fails when
 * the committed files differ. Skipped, saying so, when the spec is not on this machine.
 */
class CatalogDriftTest {

    private static final String REGENERATE = "./mvnw -pl camel-klaviyo -Pregenerate-catalog process-test-classes";

    private static CatalogGenerator.Output generated;

    @BeforeAll
    static void regenerate() throws IOException {
        if (Files.isRegularFile(SharedKlaviyoFiles.spec()) && Files.isRegularFile(SharedKlaviyoFiles.actionList())) {
            generated = CatalogGenerator.generate(SharedKlaviyoFiles.spec(), SharedKlaviyoFiles.actionList());
        }
    }

    private static void assumeInputs(String test) {
        SharedKlaviyoFiles.assumePresent(SharedKlaviyoFiles.spec(), "CatalogDriftTest." + test);
        SharedKlaviyoFiles.assumePresent(SharedKlaviyoFiles.actionList(), "CatalogDriftTest." + test);
    }

    @Test
    void committedCatalogueMatchesTheSpec() throws IOException {
        assumeInputs("committedCatalogueMatchesTheSpec");
        assertSame(SharedKlaviyoFiles.committedCatalogue(), generated.catalogueJson());
    }

    @Test
    void committedOperationsTableMatchesTheSpec() throws IOException {
        assumeInputs("committedOperationsTableMatchesTheSpec");
        assertSame(SharedKlaviyoFiles.committedOperationsTable(), generated.operationsTable());
    }

    @Test
    void bundledCatalogueReadsBackAsTheGeneratedOperations() throws IOException {
        assumeInputs("bundledCatalogueReadsBackAsTheGeneratedOperations");
        OperationCatalog regenerated = OperationCatalog.read(
                new ByteArrayInputStream(generated.catalogueJson().getBytes(StandardCharsets.UTF_8)));

        assertThat(regenerated.revision()).isEqualTo(generated.revision()).isEqualTo("2026-07-15");
        assertThat(regenerated.operations()).hasSize(generated.operationCount());
        assertThat(OperationCatalog.bundled().revision()).isEqualTo(regenerated.revision());
        assertThat(OperationCatalog.bundled().operations()).isEqualTo(regenerated.operations());
    }

    @Test
    void generationIsDeterministic() throws IOException {
        assumeInputs("generationIsDeterministic");
        CatalogGenerator.Output again = CatalogGenerator.generate(SharedKlaviyoFiles.spec(),
                SharedKlaviyoFiles.actionList());

        assertThat(again.catalogueJson()).isEqualTo(generated.catalogueJson()).endsWith("}\n");
        assertThat(again.operationsTable()).isEqualTo(generated.operationsTable());
    }

    /** Compares without dumping two large files: reports the first line that differs. */
    private static void assertSame(Path committed, String regenerated) throws IOException {
        if (!Files.isRegularFile(committed)) {
            fail(committed + " is missing; generate it with " + REGENERATE);
        }
        String actual = Files.readString(committed, StandardCharsets.UTF_8);
        if (!actual.equals(regenerated)) {
            fail(committed + " is out of date with " + SharedKlaviyoFiles.spec() + " ("
                    + firstDifference(actual, regenerated) + "). Regenerate it with " + REGENERATE);
        }
    }

    static String firstDifference(String committed, String regenerated) {
        String[] a = committed.split("\n", -1);
        String[] b = regenerated.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String left = i < a.length ? a[i] : "<end of file>";
            String right = i < b.length ? b[i] : "<end of file>";
            if (!left.equals(right)) {
                return "line " + (i + 1) + ": committed \"" + left + "\", regenerated \"" + right + "\"";
            }
        }
        return "line endings differ";
    }
}
