package io.github.mlhighway.lifecycle.core.data.drift;

import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.DoublesSortedView;
import org.jspecify.annotations.Nullable;

/**
 * Error bounds of the statistics computed from sketches, so that a decision is never flipped by sketch error:
 * each bound is how far the statistic from the sketches can be from the same statistic on the raw values, given
 * the sketches' guarantees (KLL: every quantile's true rank is within the normalized rank error ε of the rank asked
 * for, at 99% confidence per query; frequent items: every count within the sketch's maximum error).
 *
 * <ul>
 *   <li>KS: the two CDFs are each off by at most ε, so D is off by at most ε₁ + ε₂ ({@link KsTest}).</li>
 *   <li>Wasserstein: the true quantile Q(u) lies between the sketch's quantiles at u − ε and u + ε, so
 *       ∫|Q − Q̂| ≤ ∫ (Q̂(u + ε) − Q̂(u − ε)) du on each side ({@link #wassersteinSide}), computed exactly on the
 *       sketch's step quantile function.</li>
 *   <li>PSI, Jensen–Shannon, Hellinger over bins or categories: each bin's proportion is off by at most δ (2ε for
 *       a bin between two sketch CDF values; the count error over the rows for a frequent item). Each term of these
 *       divergences is a jointly convex function of (p, q), so its largest value over the box p ± δ, q ± δ is at a
 *       corner and its smallest is at least the tangent plane's minimum; summing gives an interval that holds the
 *       raw statistic ({@link #binned}).</li>
 * </ul>
 */
final class SketchErrorBounds {

    private SketchErrorBounds() {
    }

    /**
     * The Wasserstein distance between two KLL sketches' distributions, computed exactly on their step quantile
     * functions (no grid), and the bound on its error against the raw values.
     *
     * @return {distance, bound}
     */
    static double[] wasserstein(KllDoublesSketch a, KllDoublesSketch b) {
        Step qa = Step.of(a);
        Step qb = Step.of(b);
        double distance = 0;
        double u = 0;
        int i = 0;
        int j = 0;
        while (i < qa.values.length && j < qb.values.length) {
            double end = Math.min(qa.ends[i], qb.ends[j]);
            distance += (end - u) * Math.abs(qa.values[i] - qb.values[j]);
            u = end;
            if (qa.ends[i] <= end) {
                i++;
            }
            if (qb.ends[j] <= end) {
                j++;
            }
        }
        return new double[] {distance, wassersteinSide(qa, KsTest.rankError(a))
                + wassersteinSide(qb, KsTest.rankError(b))};
    }

    /** ∫₀¹ Q̂(min(1, u + ε)) − Q̂(max(0, u − ε)) du = I(1) − I(ε) + ε·max − ε·min − I(1 − ε), I(t) = ∫₀ᵗ Q̂. */
    private static double wassersteinSide(Step q, double eps) {
        if (eps == 0) {
            return 0.0;
        }
        double e = Math.min(1.0, eps);
        double min = q.values[0];
        double max = q.values[q.values.length - 1];
        double bound = q.integral(1.0) - q.integral(e) + e * max - e * min - q.integral(1.0 - e);
        return Math.max(0.0, bound);
    }

    /** A KLL sketch's quantile function: value i on ranks (ends[i-1], ends[i]]. */
    private static final class Step {
        final double[] values;
        final double[] ends;

        private Step(double[] values, double[] ends) {
            this.values = values;
            this.ends = ends;
        }

        static Step of(KllDoublesSketch sketch) {
            DoublesSortedView view = sketch.getSortedView();
            double[] values = view.getQuantiles();
            long[] weights = view.getCumulativeWeights();
            double n = view.getN();
            double[] ends = new double[values.length];
            for (int k = 0; k < ends.length; k++) {
                ends[k] = k == ends.length - 1 ? 1.0 : weights[k] / n;
            }
            return new Step(values, ends);
        }

        /** ∫₀ᵗ Q̂(u) du. */
        double integral(double t) {
            double sum = 0;
            double start = 0;
            for (int k = 0; k < values.length && start < t; k++) {
                double end = Math.min(ends[k], t);
                sum += (end - start) * values[k];
                start = ends[k];
            }
            return sum;
        }
    }

    /**
     * The error bound of a binned distance (PSI, Jensen–Shannon, Hellinger) whose proportions are each off by at
     * most the given amounts.
     *
     * @param test the distance
     * @param p    reference proportions
     * @param q    current proportions
     * @param dp   the largest error of each reference proportion
     * @param dq   the largest error of each current proportion
     * @return the largest distance between the stated value and any value inside the error box
     */
    static double binned(DriftTest test, double[] p, double[] q, double[] dp, double[] dq) {
        double value = 0;
        double low = 0;
        double high = 0;
        for (int i = 0; i < p.length; i++) {
            double floor = test == DriftTest.PSI ? Divergences.PSI_FLOOR : 0.0;
            double x = Math.max(p[i], floor);
            double y = Math.max(q[i], floor);
            double xl = Math.max(floor, p[i] - dp[i]);
            double xh = Math.max(floor, Math.min(1.0, p[i] + dp[i]));
            double yl = Math.max(floor, q[i] - dq[i]);
            double yh = Math.max(floor, Math.min(1.0, q[i] + dq[i]));
            double f = term(test, x, y);
            value += f;
            high += Math.max(Math.max(term(test, xl, yl), term(test, xl, yh)),
                    Math.max(term(test, xh, yl), term(test, xh, yh)));
            double[] gradient = gradient(test, x, y);
            double tangent = gradient == null ? 0.0 : f - Math.abs(gradient[0]) * Math.max(x - xl, xh - x)
                    - Math.abs(gradient[1]) * Math.max(y - yl, yh - y);
            low += Math.max(0.0, tangent);
        }
        if (test == DriftTest.PSI) {
            return Math.max(high - value, value - low);
        }
        // Jensen–Shannon and Hellinger distances are square roots of the summed divergence terms
        double v = Math.sqrt(Math.max(0, value));
        return Math.max(Math.sqrt(Math.max(0, high)) - v, v - Math.sqrt(Math.max(0, low)));
    }

    /** One bin's term: PSI (y − x) ln(y / x); JS divergence ½ Σ x ln(2x/(x+y)); Hellinger ½ (√x − √y)². */
    private static double term(DriftTest test, double x, double y) {
        return switch (test) {
            case PSI -> (y - x) * Math.log(y / x);
            case JENSEN_SHANNON -> (xlog(x, (x + y) / 2) + xlog(y, (x + y) / 2)) / 2;
            case HELLINGER -> (Math.sqrt(x) - Math.sqrt(y)) * (Math.sqrt(x) - Math.sqrt(y)) / 2;
            default -> throw new IllegalArgumentException(test.id() + " is not a binned distance");
        };
    }

    private static double xlog(double x, double m) {
        return x == 0 ? 0 : x * Math.log(x / m);
    }

    /** The term's gradient at (x, y), or null where it is infinite (a zero proportion). */
    private static double @Nullable [] gradient(DriftTest test, double x, double y) {
        if (x <= 0 || y <= 0) {
            return null;
        }
        return switch (test) {
            case PSI -> new double[] {Math.log(x / y) + 1 - y / x, Math.log(y / x) + 1 - x / y};
            case JENSEN_SHANNON -> new double[] {Math.log(2 * x / (x + y)) / 2, Math.log(2 * y / (x + y)) / 2};
            case HELLINGER -> new double[] {(1 - Math.sqrt(y / x)) / 2, (1 - Math.sqrt(x / y)) / 2};
            default -> throw new IllegalArgumentException(test.id() + " is not a binned distance");
        };
    }

    /**
     * The same error for every bin.
     *
     * @param bins the number of bins
     * @param error the error
     * @return the array
     */
    static double[] uniform(int bins, double error) {
        double[] errors = new double[bins];
        java.util.Arrays.fill(errors, error);
        return errors;
    }
}
