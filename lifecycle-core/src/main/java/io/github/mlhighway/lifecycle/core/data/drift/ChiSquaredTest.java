package io.github.mlhighway.lifecycle.core.data.drift;

import org.apache.commons.math3.stat.inference.ChiSquareTest;

/**
 * Pearson's chi-squared test of homogeneity on a 2 × k contingency table (reference and current counts per
 * category), from Commons Math. The effect size is Cramér's V = √(χ² / N), which for a 2 × k table is in [0, 1].
 */
public final class ChiSquaredTest {

    private ChiSquaredTest() {
    }

    /**
     * The outcome of a chi-squared test.
     *
     * @param statistic        χ²
     * @param pValue           p-value with k − 1 degrees of freedom
     * @param degreesOfFreedom k − 1 over the categories seen on either side
     * @param cramersV         effect size √(χ² / N)
     */
    public record Result(double statistic, double pValue, int degreesOfFreedom, double cramersV) {
    }

    /**
     * Tests whether two sets of category counts come from the same distribution.
     *
     * @param reference counts per category
     * @param current   counts per category, same categories in the same order
     * @return the result; a single category seen gives χ² = 0 and p = 1
     * @throws IllegalArgumentException for different lengths, negative counts or an empty side
     */
    public static Result homogeneity(long[] reference, long[] current) {
        if (reference.length != current.length) {
            throw new IllegalArgumentException("Category counts differ in length: " + reference.length + " vs "
                    + current.length);
        }
        int seen = 0;
        long totalA = 0;
        long totalB = 0;
        for (int i = 0; i < reference.length; i++) {
            if (reference[i] < 0 || current[i] < 0) {
                throw new IllegalArgumentException("Category counts must be >= 0");
            }
            totalA += reference[i];
            totalB += current[i];
            if (reference[i] + current[i] > 0) {
                seen++;
            }
        }
        if (totalA == 0 || totalB == 0) {
            throw new IllegalArgumentException("Chi-squared test needs counts on both sides, got " + totalA + " and "
                    + totalB);
        }
        if (seen < 2) {
            return new Result(0.0, 1.0, 0, 0.0);
        }
        long[] a = new long[seen];
        long[] b = new long[seen];
        for (int i = 0, j = 0; i < reference.length; i++) {
            if (reference[i] + current[i] > 0) {
                a[j] = reference[i];
                b[j++] = current[i];
            }
        }
        ChiSquareTest test = new ChiSquareTest();
        double chi2 = test.chiSquareDataSetsComparison(a, b);
        double p = KsTest.clamp(test.chiSquareTestDataSetsComparison(a, b));
        double v = Math.min(1.0, Math.sqrt(chi2 / (double) (totalA + totalB)));
        return new Result(chi2, p, seen - 1, v);
    }
}
