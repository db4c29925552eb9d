package io.github.mlhighway.lifecycle.release;

import java.util.Objects;

/**
 * Where one request goes: the model version that answers it and the cohort it is counted in.
 *
 * @param version the serving version, e.g. {@code "rain@3"}
 * @param cohort  the cohort for SLIs and analysis, e.g. {@code "baseline"} or {@code "canary"}
 * @since 0.1
 */
public record Assignment(String version, String cohort) {

    /** Validates the components. */
    public Assignment {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(cohort, "cohort");
    }
}
