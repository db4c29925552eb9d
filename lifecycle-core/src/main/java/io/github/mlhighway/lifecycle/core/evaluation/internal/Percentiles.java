package io.github.mlhighway.lifecycle.core.evaluation.internal;

import io.github.mlhighway.lifecycle.evaluation.ConfidenceInterval;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Percentile-bootstrap intervals: the (1 - level) / 2 and (1 + level) / 2 quantiles of the resampled values,
 * with linear interpolation between order statistics (R type 7, numpy's default).
 *
 * @since 0.1
 */
public final class Percentiles {

    private Percentiles() {
    }

    /**
     * The two-sided interval.
     *
     * @param values resampled values, all finite, at least one
     * @param level  confidence level in (0, 1)
     * @return the interval
     */
    public static ConfidenceInterval interval(double[] values, double level) {
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        percentile.setData(values);
        double tail = (1 - level) / 2;
        double low = percentile.evaluate(100 * tail);
        double high = percentile.evaluate(100 * (1 - tail));
        return new ConfidenceInterval(low, Math.max(low, high), level, values.length);
    }
}
