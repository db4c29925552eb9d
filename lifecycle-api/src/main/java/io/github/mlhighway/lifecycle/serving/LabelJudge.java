package io.github.mlhighway.lifecycle.serving;

import java.util.Objects;

/**
 * Decides whether a prediction was correct, once its delayed label arrives: the quality SLI's good event.
 *
 * @param <O> prediction type
 * @param <L> label type
 * @since 0.1
 */
@FunctionalInterface
public interface LabelJudge<O, L> {

    /**
     * Whether the prediction was right.
     *
     * @param prediction what the model answered
     * @param actual     the ground truth
     * @return true when correct
     */
    boolean correct(O prediction, L actual);

    /**
     * Correct when the prediction equals the label ({@link Objects#equals}).
     *
     * @param <T> prediction and label type
     * @return the judge
     */
    static <T> LabelJudge<T, T> equality() {
        return Objects::equals;
    }

    /**
     * Correct when a numeric prediction is within an absolute error of the label (regression quality).
     *
     * @param maxAbsoluteError the largest error still counted as correct, at least 0
     * @return the judge
     * @throws IllegalArgumentException if the error is negative or NaN
     */
    static LabelJudge<Number, Number> withinAbsoluteError(double maxAbsoluteError) {
        if (!(maxAbsoluteError >= 0)) {
            throw new IllegalArgumentException("maxAbsoluteError must be at least 0, was " + maxAbsoluteError);
        }
        return (prediction, actual) -> prediction != null && actual != null
                && Math.abs(prediction.doubleValue() - actual.doubleValue()) <= maxAbsoluteError;
    }
}
