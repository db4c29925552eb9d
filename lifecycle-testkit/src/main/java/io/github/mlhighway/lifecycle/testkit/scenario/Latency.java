package io.github.mlhighway.lifecycle.testkit.scenario;

import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/**
 * A distribution of simulated call latencies, sampled from the scenario's seeded random source.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface Latency {

    /** The z-score of the 99th percentile of the standard normal distribution. */
    double Z_99 = 2.3263478740408408;

    /**
     * Draws one latency.
     *
     * @param random the scenario's random source
     * @return a non-negative latency
     */
    Duration sample(Random random);

    /**
     * Always the same latency.
     *
     * @param value not negative
     * @return the distribution
     */
    static Latency constant(Duration value) {
        requireNonNegative(value, "latency");
        return random -> value;
    }

    /**
     * Uniform between two latencies.
     *
     * @param min not negative
     * @param max at least {@code min}
     * @return the distribution
     */
    static Latency uniform(Duration min, Duration max) {
        requireNonNegative(min, "min");
        requireNonNegative(max, "max");
        if (max.compareTo(min) < 0) {
            throw new IllegalArgumentException("max " + max + " is shorter than min " + min);
        }
        long low = min.toNanos();
        long span = max.toNanos() - low;
        return random -> Duration.ofNanos(low + (long) (random.nextDouble() * span));
    }

    /**
     * Log-normal with the given median and 99th percentile: the usual shape of service latencies.
     *
     * @param median positive
     * @param p99    at least the median
     * @return the distribution
     */
    static Latency logNormal(Duration median, Duration p99) {
        requireNonNegative(median, "median");
        Objects.requireNonNull(p99, "p99");
        if (median.isZero() || p99.compareTo(median) < 0) {
            throw new IllegalArgumentException("Need 0 < median <= p99, were " + median + " and " + p99);
        }
        double mu = Math.log(median.toNanos());
        double sigma = (Math.log(p99.toNanos()) - mu) / Z_99;
        return random -> Duration.ofNanos((long) Math.exp(mu + sigma * random.nextGaussian()));
    }

    private static void requireNonNegative(Duration value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative, was " + value);
        }
    }
}
