package io.github.mlhighway.lifecycle.core.evaluation;

import org.jspecify.annotations.Nullable;

/**
 * The binary-classification formulas on weighted rows. A row is predicted positive when its probability is at
 * or above the threshold.
 *
 * @since 0.1
 */
public final class BinaryMetrics {

    /** Probabilities are clipped to [EPS, 1 - EPS] before taking logarithms. */
    public static final double LOG_LOSS_EPS = 1e-15;
    /** Number of equal-width probability bins of the expected calibration error. */
    public static final int ECE_BINS = 10;

    private BinaryMetrics() {
    }

    /** Weighted confusion counts at a threshold. */
    private record Confusion(int tp, int fp, int tn, int fn) {
        int n() {
            return tp + fp + tn + fn;
        }
    }

    private static Confusion confusion(BinaryData d, int[] w, double threshold) {
        int tp = 0;
        int fp = 0;
        int tn = 0;
        int fn = 0;
        for (int i = 0; i < w.length; i++) {
            if (w[i] == 0) {
                continue;
            }
            boolean predicted = d.probability(i) >= threshold;
            if (d.positive(i)) {
                if (predicted) {
                    tp += w[i];
                } else {
                    fn += w[i];
                }
            } else if (predicted) {
                fp += w[i];
            } else {
                tn += w[i];
            }
        }
        return new Confusion(tp, fp, tn, fn);
    }

    /**
     * (TP + TN) / n.
     *
     * @param d data
     * @param w row weights
     * @param threshold decision threshold
     * @return the score; undefined without rows
     */
    public static Score accuracy(BinaryData d, int[] w, double threshold) {
        Confusion c = confusion(d, w, threshold);
        return c.n() == 0 ? Score.undefined("no rows") : Score.of((double) (c.tp + c.tn) / c.n(), c.n());
    }

    /**
     * TP / (TP + FP).
     *
     * @param d data
     * @param w row weights
     * @param threshold decision threshold
     * @return the score; undefined when no row is predicted positive
     */
    public static Score precision(BinaryData d, int[] w, double threshold) {
        Confusion c = confusion(d, w, threshold);
        return c.tp + c.fp == 0 ? Score.undefined("no row is predicted positive at threshold " + threshold)
                : Score.of((double) c.tp / (c.tp + c.fp), c.n());
    }

    /**
     * TP / (TP + FN).
     *
     * @param d data
     * @param w row weights
     * @param threshold decision threshold
     * @return the score; undefined without positive labels
     */
    public static Score recall(BinaryData d, int[] w, double threshold) {
        Confusion c = confusion(d, w, threshold);
        return c.tp + c.fn == 0 ? Score.undefined("no positive labels")
                : Score.of((double) c.tp / (c.tp + c.fn), c.n());
    }

    /**
     * 2TP / (2TP + FP + FN), the harmonic mean of precision and recall (0 when one of them is 0 or undefined
     * while the other is defined, as scikit-learn's {@code zero_division=0} gives).
     *
     * @param d data
     * @param w row weights
     * @param threshold decision threshold
     * @return the score; undefined when there is no positive, labelled or predicted
     */
    public static Score f1(BinaryData d, int[] w, double threshold) {
        Confusion c = confusion(d, w, threshold);
        int denominator = 2 * c.tp + c.fp + c.fn;
        return denominator == 0 ? Score.undefined("no positive labels and no positive predictions")
                : Score.of(2.0 * c.tp / denominator, c.n());
    }

    /**
     * ROC AUC as the Mann–Whitney statistic: the share of (positive, negative) pairs in which the positive has the
     * higher probability, ties counting one half.
     *
     * @param d data
     * @param w row weights
     * @return the score; undefined unless both classes are present
     */
    public static Score rocAuc(BinaryData d, int[] w) {
        int[] order = d.descendingOrder();
        double positivesAbove = 0;
        double pairs = 0;
        long positives = 0;
        long negatives = 0;
        int i = 0;
        while (i < order.length) {
            double score = d.probability(order[i]);
            long groupPositives = 0;
            long groupNegatives = 0;
            while (i < order.length && d.probability(order[i]) == score) {
                int row = order[i++];
                if (d.positive(row)) {
                    groupPositives += w[row];
                } else {
                    groupNegatives += w[row];
                }
            }
            pairs += groupNegatives * (positivesAbove + 0.5 * groupPositives);
            positivesAbove += groupPositives;
            positives += groupPositives;
            negatives += groupNegatives;
        }
        String missing = missingClass(positives, negatives);
        return missing != null ? Score.undefined(missing)
                : Score.of(pairs / ((double) positives * negatives), (int) (positives + negatives));
    }

    /**
     * Average precision as scikit-learn's {@code average_precision_score}: {@code sum_k (R_k - R_(k-1)) P_k} over
     * the distinct probabilities taken as thresholds from high to low, tied rows entering together, without
     * interpolation.
     *
     * @param d data
     * @param w row weights
     * @return the score; undefined without positive labels
     */
    public static Score averagePrecision(BinaryData d, int[] w) {
        int[] order = d.descendingOrder();
        long positives = 0;
        long n = 0;
        for (int row : order) {
            if (d.positive(row)) {
                positives += w[row];
            }
            n += w[row];
        }
        if (positives == 0) {
            return Score.undefined(n == 0 ? "no rows" : "no positive labels");
        }
        double sum = 0;
        long tp = 0;
        long predicted = 0;
        int i = 0;
        while (i < order.length) {
            double score = d.probability(order[i]);
            long groupPositives = 0;
            long groupRows = 0;
            while (i < order.length && d.probability(order[i]) == score) {
                int row = order[i++];
                groupRows += w[row];
                if (d.positive(row)) {
                    groupPositives += w[row];
                }
            }
            tp += groupPositives;
            predicted += groupRows;
            if (groupPositives > 0) {
                sum += ((double) groupPositives / positives) * ((double) tp / predicted);
            }
        }
        return Score.of(sum, (int) n);
    }

    /**
     * Mean negative log-likelihood, {@code -mean(y ln p + (1 - y) ln(1 - p))} with p clipped to
     * [{@value #LOG_LOSS_EPS}, 1 - {@value #LOG_LOSS_EPS}].
     *
     * @param d data
     * @param w row weights
     * @return the score; undefined without rows
     */
    public static Score logLoss(BinaryData d, int[] w) {
        double sum = 0;
        long n = 0;
        for (int i = 0; i < w.length; i++) {
            if (w[i] == 0) {
                continue;
            }
            double p = Math.min(Math.max(d.probability(i), LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
            sum -= w[i] * (d.positive(i) ? Math.log(p) : Math.log1p(-p));
            n += w[i];
        }
        return n == 0 ? Score.undefined("no rows") : Score.of(sum / n, (int) n);
    }

    /**
     * Brier score, {@code mean((p - y)^2)}.
     *
     * @param d data
     * @param w row weights
     * @return the score; undefined without rows
     */
    public static Score brier(BinaryData d, int[] w) {
        double sum = 0;
        long n = 0;
        for (int i = 0; i < w.length; i++) {
            if (w[i] == 0) {
                continue;
            }
            double error = d.probability(i) - (d.positive(i) ? 1 : 0);
            sum += w[i] * error * error;
            n += w[i];
        }
        return n == 0 ? Score.undefined("no rows") : Score.of(sum / n, (int) n);
    }

    /**
     * Expected calibration error of the positive-class probability, as torchmetrics' {@code BinaryCalibrationError}
     * (L1 norm) defines it: rows go to bin {@code min(floor(10 p), 9)}, i.e. [0, 0.1), [0.1, 0.2), ... [0.9, 1.0];
     * ECE = {@code sum_b (n_b / n) |mean label_b - mean p_b|}, empty bins contributing nothing.
     *
     * @param d data
     * @param w row weights
     * @return the score; undefined without rows
     */
    public static Score expectedCalibrationError(BinaryData d, int[] w) {
        double[] probabilitySum = new double[ECE_BINS];
        double[] labelSum = new double[ECE_BINS];
        long n = 0;
        for (int i = 0; i < w.length; i++) {
            if (w[i] == 0) {
                continue;
            }
            int bin = Math.min((int) Math.floor(d.probability(i) * ECE_BINS), ECE_BINS - 1);
            probabilitySum[bin] += w[i] * d.probability(i);
            labelSum[bin] += d.positive(i) ? w[i] : 0;
            n += w[i];
        }
        if (n == 0) {
            return Score.undefined("no rows");
        }
        double sum = 0;
        for (int bin = 0; bin < ECE_BINS; bin++) {
            sum += Math.abs(labelSum[bin] - probabilitySum[bin]);
        }
        return Score.of(sum / n, (int) n);
    }

    private static @Nullable String missingClass(long positives, long negatives) {
        if (positives == 0 && negatives == 0) {
            return "no rows";
        }
        if (positives == 0) {
            return "needs both classes, got only negatives";
        }
        return negatives == 0 ? "needs both classes, got only positives" : null;
    }
}
