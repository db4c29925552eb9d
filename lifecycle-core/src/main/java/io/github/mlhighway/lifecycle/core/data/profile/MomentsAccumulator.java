package io.github.mlhighway.lifecycle.core.data.profile;

import org.jspecify.annotations.Nullable;

/**
 * Online update of {@link Moments}: Welford's update one value at a time, or a batch at a time (a two-pass
 * mean and M2 of the batch, merged in with Chan et al.'s pairwise formula, as {@link Moments} merges). The batch
 * path avoids Welford's division on the loop-carried dependency, which bounds one-at-a-time ingest.
 * Allocation-free. Not thread-safe.
 */
final class MomentsAccumulator {
    private long count;
    private double mean;
    private double m2;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    void add(double value) {
        long n = ++count;
        double delta = value - mean;
        mean += delta / n;
        m2 += delta * (value - mean);
        if (value < min) {
            min = value;
        }
        if (value > max) {
            max = value;
        }
    }

    /**
     * Adds {@code values[0..length)}, all finite.
     *
     * @param values the values
     * @param length how many, at least 0
     */
    void addAll(double[] values, int length) {
        if (length == 0) {
            return;
        }
        double sum = 0;
        double lo = min;
        double hi = max;
        for (int i = 0; i < length; i++) {
            double value = values[i];
            sum += value;
            lo = Math.min(lo, value);
            hi = Math.max(hi, value);
        }
        double batchMean = sum / length;
        double batchM2 = 0;
        for (int i = 0; i < length; i++) {
            double d = values[i] - batchMean;
            batchM2 += d * d;
        }
        long n = count + length;
        double delta = batchMean - mean;
        mean += delta * ((double) length / n);
        m2 += batchM2 + delta * delta * ((double) count * length / n);
        count = n;
        min = lo;
        max = hi;
    }

    /**
     * The moments so far.
     *
     * @return the moments; null when nothing was added, or when the values are so large (beyond about 1e154)
     *         that their mean or sum of squared deviations overflows a double
     */
    @Nullable Moments toMoments() {
        if (count == 0 || !Double.isFinite(mean) || !Double.isFinite(m2)) {
            return null;
        }
        return new Moments(count, mean, Math.max(m2, 0.0), min, max);
    }
}
