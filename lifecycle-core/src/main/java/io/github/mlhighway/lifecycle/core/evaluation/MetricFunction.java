package io.github.mlhighway.lifecycle.core.evaluation;

import io.github.mlhighway.lifecycle.core.evaluation.internal.StandardMetrics;
import io.github.mlhighway.lifecycle.evaluation.Direction;
import io.github.mlhighway.lifecycle.evaluation.Task;

/**
 * A metric as a function of weighted rows. Weight {@code w[i]} is how many times row {@code i} counts: 1 for the
 * point estimate, 0 for rows outside the slice, the draw count in a bootstrap resample. Implementations must be
 * pure and thread-safe; see {@link StandardMetrics} for the built-in ones.
 *
 * @since 0.1
 */
public interface MetricFunction {

    /** @return the metric's name in results and gates */
    String name();

    /** @return the task it applies to */
    Task task();

    /** @return which way it improves */
    Direction direction();

    /**
     * Computes the metric.
     *
     * @param data    the predictions, of this metric's task
     * @param weights non-negative weight per row, same length as the data
     * @return the value, or undefined with a reason
     */
    Score compute(EvaluationData data, int[] weights);
}
