package io.github.mlhighway.lifecycle.core.data.drift;

import java.util.Arrays;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;

/**
 * The first Wasserstein (earth mover's) distance W₁ = ∫|F(x) − G(x)| dx between two one-dimensional
 * distributions, exact from values (as SciPy's {@code wasserstein_distance}) or approximate from quantile
 * sketches via W₁ = ∫₀¹ |F⁻¹(u) − G⁻¹(u)| du on a midpoint grid.
 *
 * @since 0.1
 */
public final class Wasserstein {

    /** Grid points for the sketch-based integral. */
    public static final int SKETCH_GRID_POINTS = 1_000;

    private Wasserstein() {
    }

    /**
     * The exact distance between two samples.
     *
     * @param a finite values, at least one
     * @param b finite values, at least one
     * @return W₁
     */
    public static double exact(double[] a, double[] b) {
        if (a.length == 0 || b.length == 0) {
            throw new IllegalArgumentException("Wasserstein distance needs values on both sides");
        }
        double[] x = a.clone();
        double[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        return exactSorted(x, y);
    }

    static double exactSorted(double[] x, double[] y) {
        int i = 0;
        int j = 0;
        double previous = Math.min(x[0], y[0]);
        double area = 0;
        while (i < x.length || j < y.length) {
            double next = j >= y.length || (i < x.length && x[i] <= y[j]) ? x[i] : y[j];
            area += Math.abs((double) i / x.length - (double) j / y.length) * (next - previous);
            while (i < x.length && x[i] == next) {
                i++;
            }
            while (j < y.length && y[j] == next) {
                j++;
            }
            previous = next;
        }
        return area;
    }

    /**
     * The approximate distance between two KLL sketches: the mean absolute difference of their quantiles on
     * {@link #SKETCH_GRID_POINTS} midpoint ranks.
     *
     * @param a a non-empty sketch
     * @param b a non-empty sketch
     * @return approximate W₁
     */
    public static double fromSketches(KllDoublesSketch a, KllDoublesSketch b) {
        if (a.isEmpty() || b.isEmpty()) {
            throw new IllegalArgumentException("Wasserstein distance needs values on both sides");
        }
        double[] ranks = new double[SKETCH_GRID_POINTS];
        for (int k = 0; k < ranks.length; k++) {
            ranks[k] = (k + 0.5) / ranks.length;
        }
        double[] qa = a.getQuantiles(ranks, QuantileSearchCriteria.INCLUSIVE);
        double[] qb = b.getQuantiles(ranks, QuantileSearchCriteria.INCLUSIVE);
        double sum = 0;
        for (int k = 0; k < ranks.length; k++) {
            sum += Math.abs(qa[k] - qb[k]);
        }
        return sum / ranks.length;
    }
}
