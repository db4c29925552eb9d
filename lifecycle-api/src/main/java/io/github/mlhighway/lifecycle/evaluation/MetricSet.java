package io.github.mlhighway.lifecycle.evaluation;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The metrics computed on one set of rows (the whole evaluation set or one slice).
 *
 * @param rows      number of rows
 * @param values    defined metrics by name
 * @param undefined metrics that could not be computed, by name, with the reason
 * @since 0.1
 */
public record MetricSet(int rows, Map<String, MetricValue> values, Map<String, String> undefined) {

    /**
     * Validates and copies the components into sorted, unmodifiable maps.
     *
     * @throws IllegalArgumentException if rows is negative or a metric is both defined and undefined
     */
    public MetricSet {
        if (rows < 0) {
            throw new IllegalArgumentException("Rows must not be negative, got " + rows);
        }
        values = Map.copyOf(new TreeMap<>(Objects.requireNonNull(values, "values")));
        undefined = Map.copyOf(new TreeMap<>(Objects.requireNonNull(undefined, "undefined")));
        for (String name : values.keySet()) {
            if (undefined.containsKey(name)) {
                throw new IllegalArgumentException("Metric '" + name + "' is both defined and undefined");
            }
        }
    }

    /**
     * A defined metric.
     *
     * @param name the metric name, e.g. {@code "auc"}
     * @return the value, or empty when it is undefined or was not computed
     */
    public Optional<MetricValue> get(String name) {
        return Optional.ofNullable(values.get(name));
    }
}
