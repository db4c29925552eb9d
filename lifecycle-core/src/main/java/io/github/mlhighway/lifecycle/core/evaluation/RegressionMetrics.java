package io.github.mlhighway.lifecycle.core.evaluation;

/**
 * The regression formulas on weighted rows.
 *
 * @since 0.1
 */
public final class RegressionMetrics {

    private RegressionMetrics() {
    }

    /**
     * Root mean squared error.
     *
     * @param d data
     * @param w row weights
     * @return the score; undefined without rows
     */
    public static Score rmse(RegressionData d, int[] w) {
        double sum = 0;
        long n = 0;
        for (int i = 0; i < w.length; i++) {
            double error = d.predicted(i) - d.actual(i);
            sum += w[i] * error * error;
            n += w[i];
        }
        return n == 0 ? Score.undefined("no rows") : Score.of(Math.sqrt(sum / n), (int) n);
    }

    /**
     * Mean absolute error.
     *
     * @param d data
     * @param w row weights
     * @return the score; undefined without rows
     */
    public static Score mae(RegressionData d, int[] w) {
        double sum = 0;
        long n = 0;
        for (int i = 0; i < w.length; i++) {
            sum += w[i] * Math.abs(d.predicted(i) - d.actual(i));
            n += w[i];
        }
        return n == 0 ? Score.undefined("no rows") : Score.of(sum / n, (int) n);
    }

    /**
     * Coefficient of determination, {@code 1 - SS_res / SS_tot}.
     *
     * @param d data
     * @param w row weights
     * @return the score; undefined without rows or when every actual value is the same (SS_tot = 0; scikit-learn
     *         would report 0 or 1 there)
     */
    public static Score r2(RegressionData d, int[] w) {
        double sum = 0;
        long n = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < w.length; i++) {
            if (w[i] > 0) {
                sum += w[i] * d.actual(i);
                n += w[i];
                min = Math.min(min, d.actual(i));
                max = Math.max(max, d.actual(i));
            }
        }
        if (n == 0) {
            return Score.undefined("no rows");
        }
        if (min == max) {
            return Score.undefined("every actual value is " + min + ", so the total variance is 0");
        }
        double mean = sum / n;
        double residual = 0;
        double total = 0;
        for (int i = 0; i < w.length; i++) {
            double error = d.actual(i) - d.predicted(i);
            double spread = d.actual(i) - mean;
            residual += w[i] * error * error;
            total += w[i] * spread * spread;
        }
        return Score.of(1 - residual / total, (int) n);
    }

    /**
     * Mean absolute percentage error as a fraction, {@code mean(|actual - predicted| / |actual|)} over the rows
     * whose actual value is not 0; those rows are left out and counted in {@link Score#excluded()} (scikit-learn
     * instead divides by a tiny epsilon, which makes such rows dominate).
     *
     * @param d data
     * @param w row weights
     * @return the score; undefined when no row has a non-zero actual value
     */
    public static Score mape(RegressionData d, int[] w) {
        double sum = 0;
        long n = 0;
        long excluded = 0;
        for (int i = 0; i < w.length; i++) {
            if (w[i] == 0) {
                continue;
            }
            if (d.actual(i) == 0) {
                excluded += w[i];
            } else {
                sum += w[i] * Math.abs((d.actual(i) - d.predicted(i)) / d.actual(i));
                n += w[i];
            }
        }
        if (n == 0) {
            return Score.undefined(excluded == 0 ? "no rows" : "every one of " + excluded
                    + " rows has actual value 0");
        }
        return Score.of(sum / n, (int) n, (int) excluded);
    }
}
