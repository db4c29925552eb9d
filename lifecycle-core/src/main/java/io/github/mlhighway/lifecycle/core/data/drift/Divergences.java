package io.github.mlhighway.lifecycle.core.data.drift;

/**
 * Distances between two discrete distributions given as probability vectors over the same bins or categories.
 * Natural logarithms throughout, as Evidently and SciPy use by default.
 *
 * @since 0.1
 */
public final class Divergences {

    /** Proportions below this are raised to it in PSI, so an empty bin does not make PSI infinite. */
    public static final double PSI_FLOOR = 1e-4;

    private Divergences() {
    }

    /**
     * The Jensen–Shannon distance √JSD(p, q) with natural logarithms (as SciPy's
     * {@code scipy.spatial.distance.jensenshannon}), in [0, √ln 2 ≈ 0.833].
     *
     * @param p reference proportions
     * @param q current proportions
     * @return the distance
     */
    public static double jensenShannon(double[] p, double[] q) {
        double[] a = normalized(p, "p");
        double[] b = normalized(q, q == null ? "q" : "q");
        requireSameLength(a, b);
        double divergence = 0;
        for (int i = 0; i < a.length; i++) {
            double m = (a[i] + b[i]) / 2;
            divergence += term(a[i], m) + term(b[i], m);
        }
        return Math.sqrt(Math.max(0.0, divergence / 2));
    }

    private static double term(double x, double m) {
        return x == 0 ? 0 : x * Math.log(x / m);
    }

    /**
     * The Hellinger distance √(1 − Σ√(pᵢqᵢ)), in [0, 1].
     *
     * @param p reference proportions
     * @param q current proportions
     * @return the distance
     */
    public static double hellinger(double[] p, double[] q) {
        double[] a = normalized(p, "p");
        double[] b = normalized(q, "q");
        requireSameLength(a, b);
        double bhattacharyya = 0;
        for (int i = 0; i < a.length; i++) {
            bhattacharyya += Math.sqrt(a[i] * b[i]);
        }
        return Math.sqrt(Math.max(0.0, 1 - bhattacharyya));
    }

    /**
     * The population stability index Σ (qᵢ − pᵢ) ln(qᵢ / pᵢ), with proportions floored at {@link #PSI_FLOOR}.
     * Below 0.1 is usually read as stable, 0.1–0.25 as a moderate shift, above 0.25 as a major shift.
     *
     * @param p reference (expected) proportions
     * @param q current (actual) proportions
     * @return the PSI, at least 0
     */
    public static double psi(double[] p, double[] q) {
        double[] a = normalized(p, "p");
        double[] b = normalized(q, "q");
        requireSameLength(a, b);
        double psi = 0;
        for (int i = 0; i < a.length; i++) {
            double x = Math.max(a[i], PSI_FLOOR);
            double y = Math.max(b[i], PSI_FLOOR);
            psi += (y - x) * Math.log(y / x);
        }
        return psi;
    }

    /**
     * Counts turned into proportions.
     *
     * @param counts non-negative counts with a positive sum
     * @return the proportions
     */
    public static double[] proportions(long[] counts) {
        double[] out = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            out[i] = counts[i];
        }
        return normalized(out, "counts");
    }

    private static double[] normalized(double[] weights, String name) {
        double total = 0;
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException(name + " must hold finite non-negative weights, found " + w);
            }
            total += w;
        }
        if (total <= 0) {
            throw new IllegalArgumentException(name + " must have a positive total");
        }
        double[] out = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            out[i] = weights[i] / total;
        }
        return out;
    }

    private static void requireSameLength(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("Distributions differ in length: " + a.length + " vs " + b.length);
        }
    }
}
