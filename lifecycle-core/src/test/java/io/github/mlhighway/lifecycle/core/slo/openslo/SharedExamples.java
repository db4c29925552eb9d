package io.github.mlhighway.lifecycle.core.slo.openslo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** Finds the shared OpenSLO examples ({@code shared/data/openslo-examples}) by walking up from the working dir. */
public final class SharedExamples {

    private SharedExamples() {
    }

    /**
     * The examples folder, or a skipped test when it is absent.
     *
     * @return the folder
     */
    public static Path folder() {
        Optional<Path> found = find();
        Assumptions.assumeTrue(found.isPresent(), "Skipped: no shared/data/openslo-examples folder above "
                + Path.of("").toAbsolutePath() + " (it sits beside the repository clone in CI, not in a user's clone)");
        return found.get();
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

    private static Optional<Path> find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data/openslo-examples");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
