package io.github.mlhighway.lifecycle.evaluation;

/**
 * Which way a metric improves.
 *
 * @since 0.1
 */
public enum Direction {
    /** Larger values are better (accuracy, AUC, R²). */
    HIGHER_IS_BETTER,
    /** Smaller values are better (log loss, RMSE, calibration error). */
    LOWER_IS_BETTER;

    /**
     * The improvement of a challenger over a baseline, signed so that a positive number is always better:
     * {@code challenger - baseline} when higher is better, {@code baseline - challenger} when lower is better.
     *
     * @param challenger the challenger's value
     * @param baseline   the baseline's (champion's) value
     * @return the signed improvement
     */
    public double improvement(double challenger, double baseline) {
        return this == HIGHER_IS_BETTER ? challenger - baseline : baseline - challenger;
    }
}
