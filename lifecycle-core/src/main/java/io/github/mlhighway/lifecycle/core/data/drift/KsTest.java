package io.github.mlhighway.lifecycle.core.data.drift;

import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.KolmogorovSmirnov;

/**
 * The two-sample Kolmogorov–Smirnov test: the largest distance D between the two empirical CDFs.
 *
 * <p>{@code -0.0} and {@code 0.0} are one value (as in SciPy), although Commons Math tells them apart.
 * From raw values, D is Commons Math's {@code kolmogorovSmirnovStatistic} (ties are kept, not jittered) and the
 * p-value P(D' &gt;= D) belongs to that same D: Commons Math's exact distribution while n·m &lt; {@value
 * #EXACT_PRODUCT_LIMIT}, the asymptotic Kolmogorov distribution beyond. Both assume continuous data; with ties
 * the true null distribution of D is stochastically smaller, so the p-value is conservative (it never overstates
 * significance). Commons Math's own {@code kolmogorovSmirnovTest} is not used because below 10,000 it breaks
 * ties with random jitter and so returns the p-value of a different D. From two KLL sketches,
 * D is DataSketches' {@code computeKSDelta} over the sketches' sorted views; each sketch's CDF is off by at most
 * its normalized rank error ε (99% confidence), so the true D is within ε₁ + ε₂ of the sketch D. The p-value is
 * therefore computed at {@code max(0, D − ε₁ − ε₂)}: a rejection at level α then holds for the true D too —
 * the same widened threshold as DataSketches' {@code kolmogorovSmirnovTest}, expressed as a conservative
 * p-value.
 *
 * @since 0.1
 */
public final class KsTest {

    /** Below this n·m the p-value is exact (Commons Math's limit); at or above it, asymptotic. */
    public static final int EXACT_PRODUCT_LIMIT = 10_000;

    private KsTest() {
    }

    /**
     * The outcome of a KS test.
     *
     * @param statistic the KS statistic D in [0, 1]
     * @param pValue    the two-sided p-value
     * @param rankError the total rank error ε₁ + ε₂ that widened the test (0 from raw values)
     */
    public record Result(double statistic, double pValue, double rankError) {
    }

    /**
     * The exact test from raw values.
     *
     * @param reference reference values, finite, at least one
     * @param current   current values, finite, at least one
     * @return D and the p-value P(D' &gt;= D) of that same D (conservative with ties; see the class comment)
     * @throws IllegalArgumentException for an empty sample
     */
    public static Result exact(double[] reference, double[] current) {
        requireValues(reference.length, current.length);
        KolmogorovSmirnovTest test = new KolmogorovSmirnovTest();
        // kolmogorovSmirnovStatistic does not jitter ties, unlike kolmogorovSmirnovTest(x, y, strict); it groups
        // ties with Double.compare, for which -0.0 < 0.0, so signed zeros are made one value first
        double d = test.kolmogorovSmirnovStatistic(withoutNegativeZero(reference), withoutNegativeZero(current));
        int n = reference.length;
        int m = current.length;
        double p;
        if (d == 0.0) {
            p = 1.0;
        } else if ((long) n * m < EXACT_PRODUCT_LIMIT) {
            // strict = false: p = P(D >= d), the usual p-value (strict = true would compute P(D > d))
            p = test.exactP(d, n, m, false);
        } else {
            p = test.approximateP(d, n, m);
        }
        return new Result(d, clamp(p), 0.0);
    }

    /**
     * The test from two KLL sketches, widened by their rank errors (see the class comment).
     *
     * @param reference reference sketch, not empty
     * @param current   current sketch, not empty
     * @return sketch D, conservative p-value and the rank error used
     * @throws IllegalArgumentException for an empty sketch
     */
    public static Result fromSketches(KllDoublesSketch reference, KllDoublesSketch current) {
        requireValues(reference.getN(), current.getN());
        double d = KolmogorovSmirnov.computeKSDelta(reference, current);
        double eps = rankError(reference) + rankError(current);
        int n = (int) Math.min(Integer.MAX_VALUE, reference.getN());
        int m = (int) Math.min(Integer.MAX_VALUE, current.getN());
        double widened = Math.max(0.0, d - eps);
        double p = widened == 0.0 ? 1.0 : clamp(new KolmogorovSmirnovTest().approximateP(widened, n, m));
        return new Result(d, p, eps);
    }

    /**
     * A sketch's normalized single-rank error, or 0 while it still holds every value.
     *
     * @param sketch the sketch
     * @return the rank error
     */
    public static double rankError(KllDoublesSketch sketch) {
        return sketch.isEstimationMode() ? sketch.getNormalizedRankError(false) : 0.0;
    }

    /**
     * The values with every {@code -0.0} replaced by {@code 0.0}: numerically equal, they must be one value for a
     * test (Commons Math and {@link java.util.Arrays#sort(double[])} order them with {@code Double.compare}).
     *
     * @param values any values; not changed
     * @return the same array when it holds no {@code -0.0}, else a corrected copy
     */
    static double[] withoutNegativeZero(double[] values) {
        double[] result = values;
        for (int i = 0; i < values.length; i++) {
            if (values[i] == 0.0 && Double.doubleToRawLongBits(values[i]) != 0L) {
                if (result == values) {
                    result = values.clone();
                }
                result[i] = 0.0;
            }
        }
        return result;
    }

    private static void requireValues(long n, long m) {
        if (n == 0 || m == 0) {
            throw new IllegalArgumentException("KS test needs values on both sides, got " + n + " and " + m);
        }
    }

    static double clamp(double p) {
        if (Double.isNaN(p)) {
            throw new ArithmeticException("p-value is NaN");
        }
        return Math.max(0.0, Math.min(1.0, p));
    }
}
