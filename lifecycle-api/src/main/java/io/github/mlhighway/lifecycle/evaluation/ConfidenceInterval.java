package io.github.mlhighway.lifecycle.evaluation;

/**
 * A two-sided percentile-bootstrap confidence interval.
 *
 * @param low       lower bound
 * @param high      upper bound
 * @param level     confidence level, e.g. 0.95
 * @param resamples number of bootstrap resamples it was computed from
 * @since 0.1
 */
public record ConfidenceInterval(double low, double high, double level, int resamples) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a bound is not finite, low &gt; high, the level is not in (0, 1) or
     *                                  resamples &lt; 1
     */
    public ConfidenceInterval {
        if (!Double.isFinite(low) || !Double.isFinite(high) || low > high) {
            throw new IllegalArgumentException("Confidence interval bounds must be finite with low <= high, got ["
                    + low + ", " + high + "]");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("Confidence level must be in (0, 1), got " + level);
        }
        if (resamples < 1) {
            throw new IllegalArgumentException("Resamples must be at least 1, got " + resamples);
        }
    }
}
