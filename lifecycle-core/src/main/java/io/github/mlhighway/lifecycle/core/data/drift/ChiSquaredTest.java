package io.github.mlhighway.lifecycle.core.data.drift;

import org.apache.commons.math3.stat.inference.ChiSquareTest;

/**
 * Pearson's chi-squared test of homogeneity on a 2 × k contingency table (reference and current counts per
 * category), from Commons Math. The effect size is Cramér's V = √(χ² / N), which for a 2 × k table is in [0, 1].
 *
 * <p>The χ² approximation needs enough observations per cell (Cochran's rule: every expected count at least 1 and
 * at least 80% of them at least 5). Categories whose smaller expected count is below {@value #MIN_EXPECTED} are
 * therefore pooled into one "other" cell; if that cell is still below {@value #MIN_EXPECTED} it is merged into the
 * smallest remaining category. When fewer than two cells remain, or Cochran's rule still fails, the test is refused
 * with an {@link IllegalArgumentException} saying why, rather than returning a meaningless p-value (with all-unique
 * values χ² ≈ N on N − 1 degrees of freedom gives p ≈ 0.5 whatever the data). Memory is O(k).
 *
 * @since 0.1
 */
public final class ChiSquaredTest {

    /** Smallest expected count for a category to keep its own cell. */
    public static final double MIN_EXPECTED = 5.0;

    private ChiSquaredTest() {
    }

    /**
     * The outcome of a chi-squared test.
     *
     * @param statistic        χ² over the cells after pooling
     * @param pValue           p-value with {@code degreesOfFreedom} degrees of freedom
     * @param degreesOfFreedom cells − 1 after pooling (categories seen on either side, minus pooled ones)
     * @param cramersV         effect size √(χ² / N)
     * @param pooledCategories how many categories were merged with others because their expected counts were too
     *                         small (0 when every category has its own cell)
     */
    public record Result(double statistic, double pValue, int degreesOfFreedom, double cramersV,
            int pooledCategories) {
    }

    /**
     * Tests whether two sets of category counts come from the same distribution, pooling sparse categories (see
     * the class comment).
     *
     * @param reference counts per category
     * @param current   counts per category, same categories in the same order
     * @return the result; a single category seen gives χ² = 0 and p = 1
     * @throws IllegalArgumentException for different lengths, negative counts or an empty side, or when the
     *                                  expected counts are too small for the test even after pooling
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
            return new Result(0.0, 1.0, 0, 0.0, 0);
        }
        double total = (double) totalA + totalB;
        double smallerShare = Math.min(totalA, totalB) / total;
        // keep categories whose smaller expected count is >= MIN_EXPECTED; pool the rest into one "other" cell
        long[] a = new long[seen + 1];
        long[] b = new long[seen + 1];
        int kept = 0;
        int pooled = 0;
        long otherA = 0;
        long otherB = 0;
        for (int i = 0; i < reference.length; i++) {
            long column = reference[i] + current[i];
            if (column == 0) {
                continue;
            }
            if (column * smallerShare >= MIN_EXPECTED) {
                a[kept] = reference[i];
                b[kept++] = current[i];
            } else {
                otherA += reference[i];
                otherB += current[i];
                pooled++;
            }
        }
        if (pooled > 0) {
            if ((otherA + otherB) * smallerShare >= MIN_EXPECTED || kept == 0) {
                a[kept] = otherA;
                b[kept++] = otherB;
            } else {
                int smallest = 0;
                for (int j = 1; j < kept; j++) {
                    if (a[j] + b[j] < a[smallest] + b[smallest]) {
                        smallest = j;
                    }
                }
                a[smallest] += otherA;
                b[smallest] += otherB;
                pooled++;
            }
        }
        if (kept < 2) {
            throw new IllegalArgumentException("too few observations per category: after pooling the " + pooled
                    + " categories with an expected count below " + (int) MIN_EXPECTED + ", fewer than 2 cells "
                    + "remain (N = " + (totalA + totalB) + "); chi-squared needs repeated values");
        }
        a = java.util.Arrays.copyOf(a, kept);
        b = java.util.Arrays.copyOf(b, kept);
        requireCochran(a, b, totalA, totalB);
        ChiSquareTest test = new ChiSquareTest();
        double chi2 = test.chiSquareDataSetsComparison(a, b);
        double p = KsTest.clamp(test.chiSquareTestDataSetsComparison(a, b));
        double v = Math.min(1.0, Math.sqrt(chi2 / total));
        return new Result(chi2, p, kept - 1, v, pooled);
    }

    /** Cochran's rule: no expected count below 1 and at least 80% of them at least {@value #MIN_EXPECTED}. */
    private static void requireCochran(long[] a, long[] b, long totalA, long totalB) {
        double total = (double) totalA + totalB;
        int small = 0;
        for (int j = 0; j < a.length; j++) {
            double column = a[j] + b[j];
            for (double expected : new double[] {column * totalA / total, column * totalB / total}) {
                if (expected < 1) {
                    throw new IllegalArgumentException("an expected count is " + ColumnDriftEvaluator.format(
                            expected) + " < 1 after pooling (Cochran's rule); chi-squared is not valid here");
                }
                small += expected < MIN_EXPECTED ? 1 : 0;
            }
        }
        if (small > 0.2 * 2 * a.length) {
            throw new IllegalArgumentException(small + " of " + 2 * a.length + " expected counts are below "
                    + (int) MIN_EXPECTED + " after pooling (Cochran's rule allows 20%); chi-squared is not valid "
                    + "here");
        }
    }
}
