package io.github.mlhighway.lifecycle.core.report;

import io.github.mlhighway.lifecycle.core.data.drift.DriftStatus;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The drift of one column. Numbers are null when the test has none (distance tests have no p-value) or the
 * column was inconclusive.
 *
 * @param column        column name
 * @param test          test id, or null when inconclusive before a test was chosen
 * @param statistic     the test statistic
 * @param pValue        the p-value deciding significance (the test's own, or its companion's)
 * @param effect        the effect size compared with the threshold
 * @param effectMeasure what the effect is, e.g. {@code wasserstein_over_std}
 * @param threshold     minimum effect for drift
 * @param drifted       whether the column drifted
 * @param status        the column decision
 * @since 0.1
 */
public record ColumnDriftPoint(String column, @Nullable String test, @Nullable Double statistic,
                               @Nullable Double pValue, @Nullable Double effect,
                               @Nullable String effectMeasure, @Nullable Double threshold, boolean drifted,
                               DriftStatus status) {

    /** Validates the components. */
    public ColumnDriftPoint {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(status, "status");
    }
}
