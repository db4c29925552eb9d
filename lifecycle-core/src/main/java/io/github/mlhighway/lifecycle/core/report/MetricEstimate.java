package io.github.mlhighway.lifecycle.core.report;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A metric value with its confidence interval.
 *
 * @param name  metric name, e.g. {@code auc}
 * @param value the point estimate
 * @param low   lower bound of the interval, or null when none was computed
 * @param high  upper bound of the interval, or null when none was computed
 * @param level confidence level of the interval, e.g. 0.95, or null
 * @param n     rows the value was computed from
 * @param note  why there is no interval, or other remarks; empty when none
 * @since 0.1
 */
public record MetricEstimate(String name, double value, @Nullable Double low, @Nullable Double high,
        @Nullable Double level, int n, String note) {

    /** Validates the components. */
    public MetricEstimate {
        Objects.requireNonNull(name, "name");
        note = note == null ? "" : note;
    }

    /** @return whether the estimate has a confidence interval */
    public boolean hasInterval() {
        return low != null && high != null;
    }
}
