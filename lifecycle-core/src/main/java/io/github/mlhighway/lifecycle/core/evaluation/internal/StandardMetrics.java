package io.github.mlhighway.lifecycle.core.evaluation.internal;

import io.github.mlhighway.lifecycle.core.evaluation.BinaryData;
import io.github.mlhighway.lifecycle.core.evaluation.BinaryMetrics;
import io.github.mlhighway.lifecycle.core.evaluation.EvaluationData;
import io.github.mlhighway.lifecycle.core.evaluation.MetricFunction;
import io.github.mlhighway.lifecycle.core.evaluation.RegressionData;
import io.github.mlhighway.lifecycle.core.evaluation.RegressionMetrics;
import io.github.mlhighway.lifecycle.core.evaluation.Score;
import io.github.mlhighway.lifecycle.evaluation.Direction;
import io.github.mlhighway.lifecycle.evaluation.StandardMetric;
import io.github.mlhighway.lifecycle.evaluation.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The built-in {@link MetricFunction}s, one per {@link StandardMetric}.
 *
 * @since 0.1
 */
public final class StandardMetrics {

    /** Default decision threshold of the threshold metrics (accuracy, precision, recall, F1). */
    public static final double DEFAULT_THRESHOLD = 0.5;

    private StandardMetrics() {
    }

    /**
     * The function for a built-in metric.
     *
     * @param metric    the metric
     * @param threshold decision threshold for accuracy, precision, recall and F1 (ignored by the others)
     * @return the function
     * @throws IllegalArgumentException for a threshold outside [0, 1]
     */
    public static MetricFunction of(StandardMetric metric, double threshold) {
        Objects.requireNonNull(metric, "metric");
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("Threshold must be in [0, 1], got " + threshold);
        }
        return new Builtin(metric, threshold);
    }

    /**
     * Every built-in metric of a task.
     *
     * @param task      the task
     * @param threshold decision threshold for classification
     * @return the functions in {@link StandardMetric} order
     */
    public static List<MetricFunction> forTask(Task task, double threshold) {
        List<MetricFunction> all = new ArrayList<>();
        for (StandardMetric metric : StandardMetric.values()) {
            if (metric.task() == task) {
                all.add(of(metric, threshold));
            }
        }
        return List.copyOf(all);
    }

    private record Builtin(StandardMetric metric, double threshold) implements MetricFunction {

        @Override
        public String name() {
            return metric.key();
        }

        @Override
        public Task task() {
            return metric.task();
        }

        @Override
        public Direction direction() {
            return metric.direction();
        }

        @Override
        public Score compute(EvaluationData data, int[] weights) {
            if (data.task() != metric.task()) {
                return Score.undefined(metric.key() + " applies to " + metric.task() + ", not " + data.task());
            }
            if (data instanceof BinaryData d) {
                return switch (metric) {
                    case ACCURACY -> BinaryMetrics.accuracy(d, weights, threshold);
                    case PRECISION -> BinaryMetrics.precision(d, weights, threshold);
                    case RECALL -> BinaryMetrics.recall(d, weights, threshold);
                    case F1 -> BinaryMetrics.f1(d, weights, threshold);
                    case AUC -> BinaryMetrics.rocAuc(d, weights);
                    case PR_AUC -> BinaryMetrics.averagePrecision(d, weights);
                    case LOG_LOSS -> BinaryMetrics.logLoss(d, weights);
                    case BRIER -> BinaryMetrics.brier(d, weights);
                    case ECE -> BinaryMetrics.expectedCalibrationError(d, weights);
                    default -> throw new IllegalStateException("not a classification metric: " + metric);
                };
            }
            RegressionData d = (RegressionData) data;
            return switch (metric) {
                case RMSE -> RegressionMetrics.rmse(d, weights);
                case MAE -> RegressionMetrics.mae(d, weights);
                case R2 -> RegressionMetrics.r2(d, weights);
                case MAPE -> RegressionMetrics.mape(d, weights);
                default -> throw new IllegalStateException("not a regression metric: " + metric);
            };
        }
    }
}
