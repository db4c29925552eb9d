package io.github.mlhighway.lifecycle.core.evaluation.internal;

import io.github.mlhighway.lifecycle.core.evaluation.BinaryData;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * McNemar's test of equal accuracy for paired predictions. With {@code b + c} discordant rows below
 * {@value #EXACT_BELOW} it uses the exact binomial test, {@code p = min(1, 2 P(X <= min(b, c)))} with
 * {@code X ~ Binomial(b + c, 1/2)}; otherwise the chi-squared statistic with continuity correction,
 * {@code (|b - c| - 1)^2 / (b + c)}, on one degree of freedom.
 *
 * @since 0.1
 */
public final class McNemar {

    /** Discordant counts below this use the exact binomial test (the usual rule of thumb). */
    public static final int EXACT_BELOW = 25;

    private McNemar() {
    }

    /**
     * Tests the discordant counts.
     *
     * @param b rows only the challenger gets right
     * @param c rows only the champion gets right
     * @return the result (p = 1 when there are no discordant rows)
     * @throws IllegalArgumentException for a negative count
     */
    public static McNemarResult test(int b, int c) {
        if (b < 0 || c < 0) {
            throw new IllegalArgumentException("Discordant counts must not be negative, got b=" + b + ", c=" + c);
        }
        int discordant = b + c;
        if (discordant < EXACT_BELOW) {
            double p = discordant == 0 ? 1.0
                    : Math.min(1.0, 2 * new BinomialDistribution(null, discordant, 0.5)
                            .cumulativeProbability(Math.min(b, c)));
            return new McNemarResult(b, c, Math.min(b, c), p, true);
        }
        double corrected = Math.max(0, Math.abs(b - c) - 1.0);
        double statistic = corrected * corrected / discordant;
        double p = 1 - new ChiSquaredDistribution(null, 1).cumulativeProbability(statistic);
        return new McNemarResult(b, c, statistic, p, false);
    }

    /**
     * Counts the discordant rows of two models at a threshold and tests them.
     *
     * @param challenger challenger data
     * @param champion   champion data with the same labels
     * @param mask       1 for each row to count
     * @param threshold  decision threshold
     * @return the result
     */
    public static McNemarResult test(BinaryData challenger, BinaryData champion, int[] mask, double threshold) {
        int b = 0;
        int c = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] == 0) {
                continue;
            }
            boolean challengerRight = (challenger.probability(i) >= threshold) == challenger.positive(i);
            boolean championRight = (champion.probability(i) >= threshold) == champion.positive(i);
            if (challengerRight && !championRight) {
                b += mask[i];
            } else if (championRight && !challengerRight) {
                c += mask[i];
            }
        }
        return test(b, c);
    }
}
