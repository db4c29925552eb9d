package io.github.mlhighway.lifecycle.core.evaluation.gate;

import io.github.mlhighway.lifecycle.core.evaluation.MetricFunction;
import io.github.mlhighway.lifecycle.evaluation.Direction;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The thresholds a {@link ModelGate} holds one metric to.
 *
 * @param metric     how to compute the metric
 * @param direction  which way it improves (the built-in table's, unless overridden)
 * @param atLeast    absolute lower bound on the challenger's value, or null
 * @param atMost     absolute upper bound on the challenger's value, or null
 * @param changes    change thresholds against the champion, possibly empty
 * @param confidence confidence level of the paired comparisons
 * @since 0.1
 */
public record MetricRule(@Nullable MetricFunction metric, Direction direction, @Nullable Double atLeast,
                         @Nullable Double atMost,
                         List<ChangeThreshold> changes, double confidence) {

    /** Copies the change list. */
    public MetricRule {
        changes = List.copyOf(changes);
    }

    /** @return the metric's name */
    public String name() {
        return Objects.requireNonNull(metric).name();
    }
}
