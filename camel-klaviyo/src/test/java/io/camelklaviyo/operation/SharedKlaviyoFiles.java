package io.camelklaviyo.operation;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * Where the tests find Klaviyo's spec and the action list ({@code ../shared/klaviyo}, never committed here), and the
 * committed files they check.
 */
public final class SharedKlaviyoFiles {

    private SharedKlaviyoFiles() {
    }

    /** The module directory: surefire's {@code basedir}, else the working directory. */
    public static Path moduleDir() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath().normalize();
    }

    /** System property {@code klaviyo.shared.dir} (set by the pom), else {@code ../../shared/klaviyo}. */
    public static Path sharedDir() {
        String configured = System.getProperty("klaviyo.shared.dir");
        Path dir = configured == null || configured.isBlank()
                ? moduleDir().resolve("../../shared/klaviyo")
                : Path.of(configured);
        return dir.toAbsolutePath().normalize();
    }

    public static Path spec() {
        return sharedDir().resolve("openapi-stable.json");
    }

    public static Path actionList() {
        return sharedDir().resolve("action-list.tsv");
    }

    /** The committed catalogue resource. */
    public static Path committedCatalogue() {
        return moduleDir().resolve("src/main/resources" + OperationCatalog.RESOURCE);
    }

    /** The committed operations table. */
    public static Path committedOperationsTable() {
        return moduleDir().resolve("../docs/operations.md").normalize();
    }

    /** Skips the calling test, saying so and why, when {@code file} is absent. */
    public static void assumePresent(Path file, String test) {
        if (!Files.isRegularFile(file)) {
            String message = "SKIPPED " + test + ": it needs " + file + ", which does not exist."
                    + " Point -Dklaviyo.shared.dir at the folder holding Klaviyo's openapi-stable.json and"
                    + " action-list.tsv to run it.";
            System.err.println(message);
            Assumptions.assumeTrue(false, message);
        }
    }
}
