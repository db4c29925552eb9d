package io.github.mlhighway.lifecycle.evaluation;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One defined metric value.
 *
 * @param value    the point estimate on all rows; always finite
 * @param interval the bootstrap confidence interval, or {@code null} when none was computed or it was undefined
 *                 (the note says why)
 * @param n        number of rows the value was computed from
 * @param excluded rows left out by the metric's definition (MAPE leaves out rows whose actual value is 0), else 0
 * @param note     a sentence about exclusions or a missing interval; empty when there is nothing to say
 * @since 0.1
 */
public record MetricValue(double value, @Nullable ConfidenceInterval interval, int n, int excluded, String note) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if the value is NaN or infinite, or n or excluded is negative
     */
    public MetricValue {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("A metric value must be finite, got " + value);
        }
        if (n < 0 || excluded < 0) {
            throw new IllegalArgumentException("Row counts must not be negative, got n=" + n + ", excluded=" + excluded);
        }
        note = Objects.requireNonNullElse(note, "");
    }
}
