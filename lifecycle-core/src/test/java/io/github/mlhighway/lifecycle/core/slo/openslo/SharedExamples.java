package io.github.mlhighway.lifecycle.core.slo.openslo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The OpenSLO examples of the OpenSLO and Sloth projects, copied from {@code shared/data/openslo-examples} into this
 * module's test resources ({@code src/test/resources/openslo-examples}, provenance in its README).
 */
public final class SharedExamples {

    private static final Path FOLDER = Path.of("src/test/resources/openslo-examples");

    private SharedExamples() {
    }

    /**
     * The examples folder.
     *
     * @return the folder
     * @throws IllegalStateException when the folder is missing (the test runs outside the module directory)
     */
    public static Path folder() {
        if (!Files.isDirectory(FOLDER)) {
            throw new IllegalStateException("No " + FOLDER.toAbsolutePath() + ": run the tests from the module");
        }
        return FOLDER;
    }

    /**
     * The OpenSLO specs in the folder (not the generated rules).
     *
     * @return the spec files, sorted
     */
    public static List<Path> specs() {
        try (Stream<Path> files = Files.list(folder())) {
            return files.filter(file -> file.toString().matches(".*\\.ya?ml") && !file.toString().contains(".rules."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
