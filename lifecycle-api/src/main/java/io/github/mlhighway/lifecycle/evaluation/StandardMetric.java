package io.github.mlhighway.lifecycle.evaluation;

import java.util.Locale;
import java.util.Optional;

/**
 * The built-in metrics, each with its name in results and gates, the task it applies to and its direction.
 *
 * @since 0.1
 */
public enum StandardMetric {
    /** Share of rows whose thresholded prediction equals the label. */
    ACCURACY("accuracy", Task.BINARY_CLASSIFICATION, Direction.HIGHER_IS_BETTER),
    /** TP / (TP + FP) at the threshold; undefined when nothing is predicted positive. */
    PRECISION("precision", Task.BINARY_CLASSIFICATION, Direction.HIGHER_IS_BETTER),
    /** TP / (TP + FN) at the threshold; undefined without positive labels. */
    RECALL("recall", Task.BINARY_CLASSIFICATION, Direction.HIGHER_IS_BETTER),
    /** 2TP / (2TP + FP + FN) at the threshold; undefined when there are no positives, labelled or predicted. */
    F1("f1", Task.BINARY_CLASSIFICATION, Direction.HIGHER_IS_BETTER),
    /** Area under the ROC curve (Mann–Whitney, ties count one half); undefined with one class. */
    AUC("auc", Task.BINARY_CLASSIFICATION, Direction.HIGHER_IS_BETTER),
    /** Average precision as scikit-learn defines it (step-wise, no interpolation); undefined without positives. */
    PR_AUC("pr_auc", Task.BINARY_CLASSIFICATION, Direction.HIGHER_IS_BETTER),
    /** Mean negative log-likelihood, probabilities clipped to [1e-15, 1 - 1e-15]. */
    LOG_LOSS("log_loss", Task.BINARY_CLASSIFICATION, Direction.LOWER_IS_BETTER),
    /** Mean squared difference between probability and label. */
    BRIER("brier", Task.BINARY_CLASSIFICATION, Direction.LOWER_IS_BETTER),
    /** Expected calibration error over 10 equal-width bins of the positive-class probability. */
    ECE("ece", Task.BINARY_CLASSIFICATION, Direction.LOWER_IS_BETTER),
    /** Root mean squared error. */
    RMSE("rmse", Task.REGRESSION, Direction.LOWER_IS_BETTER),
    /** Mean absolute error. */
    MAE("mae", Task.REGRESSION, Direction.LOWER_IS_BETTER),
    /** Coefficient of determination; undefined when the actual values do not vary. */
    R2("r2", Task.REGRESSION, Direction.HIGHER_IS_BETTER),
    /** Mean absolute percentage error (a fraction, not ×100) over rows whose actual value is not 0. */
    MAPE("mape", Task.REGRESSION, Direction.LOWER_IS_BETTER);

    private final String key;
    private final Task task;
    private final Direction direction;

    StandardMetric(String key, Task task, Direction direction) {
        this.key = key;
        this.task = task;
        this.direction = direction;
    }

    /** @return the metric's name in results and gates, e.g. {@code "pr_auc"} */
    public String key() {
        return key;
    }

    /** @return the task the metric applies to */
    public Task task() {
        return task;
    }

    /** @return the direction in which the metric improves */
    public Direction direction() {
        return direction;
    }

    /**
     * Looks a metric up by its key, ignoring case.
     *
     * @param key the name, e.g. {@code "auc"}
     * @return the metric, or empty for a name that is not built in
     */
    public static Optional<StandardMetric> forKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String wanted = key.toLowerCase(Locale.ROOT);
        for (StandardMetric metric : values()) {
            if (metric.key.equals(wanted)) {
                return Optional.of(metric);
            }
        }
        return Optional.empty();
    }
}
