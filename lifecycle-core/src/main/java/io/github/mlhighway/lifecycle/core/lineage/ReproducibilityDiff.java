package io.github.mlhighway.lifecycle.core.lineage;

import java.util.List;

/**
 * Why two runs may not produce the same result: every difference in code version, parameters, environment,
 * input data and profiles.
 *
 * @param leftRun     the first run id
 * @param rightRun    the second run id
 * @param differences the differences, by aspect then key
 * @since 0.1
 */
public record ReproducibilityDiff(String leftRun, String rightRun, List<Difference> differences) {

    /** Copies the list. */
    public ReproducibilityDiff {
        differences = List.copyOf(differences);
    }

    /** @return true when nothing recorded differs */
    public boolean identical() {
        return differences.isEmpty();
    }
}
