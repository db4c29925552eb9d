package io.github.mlhighway.lifecycle.serving;

import java.util.Objects;

/**
 * Decides whether a shadow version's answer agrees with the primary's, for the shadow comparison.
 *
 * @param <O> output type
 * @since 0.1
 */
@FunctionalInterface
public interface OutputComparator<O> {

    /**
     * Whether two answers agree.
     *
     * @param primary the answer returned to the caller
     * @param shadow  the shadow version's answer to the same input
     * @return true when they agree
     */
    boolean agree(O primary, O shadow);

    /**
     * Agreement is {@link Objects#equals}.
     *
     * @param <T> output type
     * @return the comparator
     */
    static <T> OutputComparator<T> equality() {
        return Objects::equals;
    }

    /**
     * Numeric answers agree when they differ by at most {@code tolerance} (absolute).
     *
     * @param tolerance the largest difference that still agrees, at least 0
     * @param <T>       a number type
     * @return the comparator
     * @throws IllegalArgumentException if the tolerance is negative or NaN
     */
    static <T extends Number> OutputComparator<T> tolerance(double tolerance) {
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must be at least 0, was " + tolerance);
        }
        return (a, b) -> a != null && b != null && Math.abs(a.doubleValue() - b.doubleValue()) <= tolerance;
    }

    /**
     * Score vectors (one score per class) agree when their {@code k} highest-scoring classes are the same set;
     * order within the top k and ties broken by the lower index. Vectors of different lengths never agree.
     *
     * @param k how many top classes to compare, at least 1
     * @return the comparator
     * @throws IllegalArgumentException if k is less than 1
     */
    static OutputComparator<double[]> topK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, was " + k);
        }
        return (a, b) -> a != null && b != null && a.length == b.length && TopK.sameTopK(a, b, k);
    }
}
