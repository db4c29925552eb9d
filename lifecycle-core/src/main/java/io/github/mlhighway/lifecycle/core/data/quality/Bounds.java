package io.github.mlhighway.lifecycle.core.data.quality;

import java.util.Locale;

/**
 * A closed interval {@code [lower, upper]} for a statistic; one side may be infinite (unbounded), not both.
 *
 * @param lower the smallest allowed value, or {@link Double#NEGATIVE_INFINITY} for none
 * @param upper the largest allowed value, or {@link Double#POSITIVE_INFINITY} for none
 * @since 0.1
 */
public record Bounds(double lower, double upper) {

    /**
     * Validates the interval.
     *
     * @throws IllegalArgumentException for NaN, lower greater than upper, or no finite side
     */
    public Bounds {
        if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
            throw new IllegalArgumentException("Bounds [" + lower + ", " + upper + "] are not an interval");
        }
        if (Double.isInfinite(lower) && Double.isInfinite(upper)) {
            throw new IllegalArgumentException("Bounds need at least one finite side, were [" + lower + ", " + upper
                    + "]");
        }
    }

    /**
     * Both sides, inclusive.
     *
     * @param lower smallest allowed value
     * @param upper largest allowed value
     * @return the bounds
     */
    public static Bounds between(double lower, double upper) {
        return new Bounds(lower, upper);
    }

    /**
     * A lower bound only.
     *
     * @param lower smallest allowed value
     * @return the bounds
     */
    public static Bounds atLeast(double lower) {
        return new Bounds(lower, Double.POSITIVE_INFINITY);
    }

    /**
     * An upper bound only.
     *
     * @param upper largest allowed value
     * @return the bounds
     */
    public static Bounds atMost(double upper) {
        return new Bounds(Double.NEGATIVE_INFINITY, upper);
    }

    /**
     * Whether a value lies within; NaN never does.
     *
     * @param value the value
     * @return true when {@code lower <= value <= upper}
     */
    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }

    /**
     * The bound a finding reports as its threshold: the violated side, else the nearer finite side.
     *
     * @param value the observed value
     * @return a finite bound
     */
    public double thresholdFor(double value) {
        if (Double.isInfinite(lower)) {
            return upper;
        }
        if (Double.isInfinite(upper) || value < lower) {
            return lower;
        }
        if (value > upper) {
            return upper;
        }
        return value - lower <= upper - value ? lower : upper;
    }

    /** @return e.g. {@code in [2.0, 5.0]}, {@code at least 2.0} or {@code at most 5.0} */
    public String describe() {
        if (Double.isInfinite(upper)) {
            return "at least " + number(lower);
        }
        if (Double.isInfinite(lower)) {
            return "at most " + number(upper);
        }
        return "in [" + number(lower) + ", " + number(upper) + "]";
    }

    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) value);
        }
        return String.valueOf(value);
    }
}
