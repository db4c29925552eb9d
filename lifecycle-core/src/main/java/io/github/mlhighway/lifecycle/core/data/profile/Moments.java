package io.github.mlhighway.lifecycle.core.data.profile;

import org.jspecify.annotations.Nullable;

/**
 * Count, mean, sum of squared deviations, min and max of the finite values of a numeric column. Built by
 * Welford's update and merged by Chan et al.'s parallel formula, both numerically stable (no sum of squares is
 * ever formed), so the merge of two partitions equals the moments of their union up to floating-point rounding.
 *
 * @param count number of finite values, at least 1
 * @param mean  arithmetic mean
 * @param m2    sum of squared deviations from the mean
 * @param min   smallest value
 * @param max   largest value
 * @since 0.1
 */
public record Moments(long count, double mean, double m2, double min, double max) {

    /** Why moments can be absent although there are finite values. */
    static final String OVERFLOW = "the values are too large (beyond about 1e154) for a finite mean and variance";

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException for a count below 1, a negative or non-finite m2, non-finite numbers
     *                                  or min &gt; max
     */
    public Moments {
        if (count < 1) {
            throw new IllegalArgumentException("Moments need count >= 1, was " + count);
        }
        if (!Double.isFinite(mean) || !Double.isFinite(m2) || m2 < 0 || !Double.isFinite(min)
                || !Double.isFinite(max) || min > max) {
            throw new IllegalArgumentException("Moments must be finite with m2 >= 0 and min <= max: mean=" + mean
                    + " m2=" + m2 + " min=" + min + " max=" + max);
        }
    }

    /**
     * The moments of some finite values.
     *
     * @param values at least one finite value
     * @return the moments
     * @throws IllegalArgumentException if there are no values, or they are too large (beyond about 1e154) for a
     *                                  finite variance
     */
    public static Moments of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("Moments need at least one value");
        }
        MomentsAccumulator accumulator = new MomentsAccumulator();
        for (double value : values) {
            accumulator.add(value);
        }
        Moments moments = accumulator.toMoments();
        if (moments == null) {
            throw new IllegalArgumentException(OVERFLOW);
        }
        return moments;
    }

    /** @return the sample variance (n - 1 in the denominator); 0 for a single value */
    public double variance() {
        return count < 2 ? 0.0 : m2 / (count - 1);
    }

    /** @return the population variance (n in the denominator) */
    public double populationVariance() {
        return m2 / count;
    }

    /** @return the sample standard deviation */
    public double standardDeviation() {
        return Math.sqrt(variance());
    }

    /** @return the population standard deviation */
    public double populationStandardDeviation() {
        return Math.sqrt(populationVariance());
    }

    /**
     * The moments of the union of two sets of values (Chan, Golub and LeVeque's pairwise update).
     *
     * @param other the moments of the other values
     * @return the merged moments
     * @throws IllegalArgumentException if the merged mean or variance overflows a double
     */
    public Moments merge(Moments other) {
        long n = count + other.count;
        double delta = other.mean - mean;
        double mergedMean = mean + delta * ((double) other.count / n);
        double mergedM2 = m2 + other.m2 + delta * delta * ((double) count * other.count / n);
        return new Moments(n, mergedMean, mergedM2, Math.min(min, other.min), Math.max(max, other.max));
    }

    /**
     * Merges two possibly absent moments.
     *
     * @param a moments or null
     * @param b moments or null
     * @return the merge, or whichever is present, or null when both are absent or the merge overflows
     */
    static @Nullable Moments merge(@Nullable Moments a, @Nullable Moments b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        try {
            return a.merge(b);
        } catch (IllegalArgumentException overflow) {
            return null;
        }
    }
}
