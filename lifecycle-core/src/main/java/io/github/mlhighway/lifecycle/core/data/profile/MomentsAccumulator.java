package io.github.mlhighway.lifecycle.core.data.profile;

/** Welford's online update of {@link Moments}; allocation-free. Not thread-safe. */
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

    Moments toMoments() {
        return count == 0 ? null : new Moments(count, mean, Math.max(m2, 0.0), min, max);
    }
}
