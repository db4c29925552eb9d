package io.github.mlhighway.lifecycle.core.data.drift;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Multiple-testing corrections of the columns' p-values at data-set level.
 *
 * @since 0.1
 */
public enum Correction {
    /** Benjamini–Hochberg step-up adjustment (controls the false discovery rate). */
    BENJAMINI_HOCHBERG,
    /** Bonferroni adjustment (controls the family-wise error rate): p·m capped at 1. */
    BONFERRONI,
    /** No adjustment. */
    NONE;

    /**
     * Adjusted p-values, in the input order.
     *
     * @param pValues raw p-values in [0, 1]
     * @return adjusted p-values in [0, 1]
     */
    public double[] adjust(double[] pValues) {
        int m = pValues.length;
        double[] adjusted = new double[m];
        switch (this) {
            case NONE -> System.arraycopy(pValues, 0, adjusted, 0, m);
            case BONFERRONI -> {
                for (int i = 0; i < m; i++) {
                    adjusted[i] = Math.min(1.0, pValues[i] * m);
                }
            }
            case BENJAMINI_HOCHBERG -> {
                Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
                Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
                double running = 1.0;
                for (int rank = m; rank >= 1; rank--) {
                    int i = order[rank - 1];
                    running = Math.min(running, pValues[i] * m / rank);
                    adjusted[i] = Math.min(1.0, running);
                }
            }
            default -> throw new IllegalStateException("unknown correction " + this);
        }
        return adjusted;
    }
}
