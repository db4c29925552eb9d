package io.github.mlhighway.lifecycle.evaluation;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The result of evaluating one model on one evaluation set: metrics overall and per slice, with the settings
 * that produced them. Immutable and JSON-serializable; never holds NaN.
 *
 * @param task     the kind of model
 * @param overall  metrics on every row
 * @param slices   metrics per slice key (empty when no slices were given)
 * @param settings how the values and intervals were computed
 * @since 0.1
 */
public record Evaluation(Task task, MetricSet overall, Map<String, MetricSet> slices, EvaluationSettings settings) {

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException if a component is null
     */
    public Evaluation {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(overall, "overall");
        Objects.requireNonNull(settings, "settings");
        slices = Map.copyOf(new TreeMap<>(Objects.requireNonNull(slices, "slices")));
    }

    /**
     * A metric on every row.
     *
     * @param name metric name
     * @return the value, or empty when undefined
     */
    public Optional<MetricValue> metric(String name) {
        return overall.get(name);
    }

    /**
     * A metric on one slice.
     *
     * @param slice slice key
     * @param name  metric name
     * @return the value, or empty when the slice is unknown or the metric is undefined on it
     */
    public Optional<MetricValue> metric(String slice, String name) {
        MetricSet set = slices.get(slice);
        return set == null ? Optional.empty() : set.get(name);
    }
}
