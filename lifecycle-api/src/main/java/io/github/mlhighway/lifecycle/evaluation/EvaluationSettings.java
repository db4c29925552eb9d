package io.github.mlhighway.lifecycle.evaluation;

/**
 * How an {@link Evaluation} was computed, kept with it so that it can be reproduced.
 *
 * @param threshold  probability at or above which a row is predicted positive (classification; a regression
 *                   evaluation records the default 0.5 and does not use it)
 * @param resamples  bootstrap resamples per interval (0 = no intervals)
 * @param confidence confidence level of the intervals
 * @param seed       seed of the resampling random generator
 * @param stratified whether resamples keep each class's row count (classification)
 * @since 0.1
 */
public record EvaluationSettings(double threshold, int resamples, double confidence, long seed, boolean stratified) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException for a threshold outside [0, 1], negative resamples or a level outside (0, 1)
     */
    public EvaluationSettings {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("Threshold must be in [0, 1], got " + threshold);
        }
        if (resamples < 0) {
            throw new IllegalArgumentException("Resamples must not be negative, got " + resamples);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("Confidence must be in (0, 1), got " + confidence);
        }
    }
}
