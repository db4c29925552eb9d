package io.github.mlhighway.lifecycle.spark;

import io.github.mlhighway.lifecycle.core.data.profile.DatasetProfile;
import io.github.mlhighway.lifecycle.gate.Verdict;
import java.util.Objects;

/**
 * What one scan of a Dataset gives a {@link SparkDataGate}: the gate's verdict and the profile of the rows.
 *
 * @param verdict the verdict, as {@code DataGate.evaluate} gives it on the same rows in one process
 * @param profile the profile of the same rows, computed in the same scan
 * @since 0.1
 */
public record SparkGateResult(Verdict verdict, DatasetProfile profile) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException when a component is null
     */
    public SparkGateResult {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(profile, "profile");
    }
}
