package io.github.mlhighway.lifecycle.core.evaluation.gate;

import io.github.mlhighway.lifecycle.core.evaluation.EvaluationData;
import io.github.mlhighway.lifecycle.core.evaluation.MetricFunction;
import io.github.mlhighway.lifecycle.core.evaluation.internal.Resampler;
import io.github.mlhighway.lifecycle.core.evaluation.Score;
import io.github.mlhighway.lifecycle.evaluation.Direction;

/**
 * The paired bootstrap of a metric difference: each resample draws row indexes once and computes both models'
 * metric on those same rows, so the variation the two models share cancels out.
 */
final class PairedBootstrap {

    private PairedBootstrap() {
    }

    /**
     * Resampled improvements.
     *
     * @param absolute          {@code d_b} per resample (unfilled where undefined)
     * @param relative          {@code d_b / |champion_b|} per resample
     * @param undefined         resamples on which either model's metric was undefined
     * @param relativeUndefined resamples on which the relative change was undefined (including champion = 0)
     */
    record Draws(double[] absolute, double[] relative, int undefined, int relativeUndefined) {
    }

    static Draws run(MetricFunction metric, Direction direction, EvaluationData challenger,
                     EvaluationData champion, int[] mask, int resamples, boolean stratified, long seed) {
        Resampler resampler = new Resampler(challenger, mask, stratified, seed);
        int[] weights = new int[challenger.rows()];
        double[] absolute = new double[resamples];
        double[] relative = new double[resamples];
        int undefined = 0;
        int relativeUndefined = 0;
        for (int b = 0; b < resamples; b++) {
            resampler.next(weights);
            Score mine = metric.compute(challenger, weights);
            Score theirs = metric.compute(champion, weights);
            if (!mine.usable() || !theirs.usable()) {
                undefined++;
                relativeUndefined++;
                continue;
            }
            absolute[b] = direction.improvement(mine.value(), theirs.value());
            if (theirs.value() == 0) {
                relativeUndefined++;
            } else {
                relative[b] = absolute[b] / Math.abs(theirs.value());
            }
        }
        return new Draws(absolute, relative, undefined, relativeUndefined);
    }
}
