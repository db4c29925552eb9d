package io.github.mlhighway.lifecycle.core.evaluation.gate;

import io.github.mlhighway.lifecycle.core.evaluation.BinaryData;
import io.github.mlhighway.lifecycle.core.evaluation.EvaluationData;
import io.github.mlhighway.lifecycle.core.evaluation.RegressionData;
import io.github.mlhighway.lifecycle.core.evaluation.SliceKeys;
import io.github.mlhighway.lifecycle.evaluation.Task;
import java.util.Optional;

/**
 * What a {@link ModelGate} judges: a challenger's predictions, optionally the champion's predictions on the very
 * same rows (for paired comparisons), and optionally a slice key per row. Immutable; inputs are validated and
 * copied, and an error names the array and the row.
 */
public final class ModelComparison {

    private final EvaluationData challenger;
    private final EvaluationData champion;
    private final SliceKeys slices;

    private ModelComparison(EvaluationData challenger, EvaluationData champion, SliceKeys slices) {
        this.challenger = challenger;
        this.champion = champion;
        this.slices = slices;
    }

    /**
     * A binary classifier against the champion.
     *
     * @param labels     0/1 per row
     * @param challenger the challenger's probability of class 1 per row
     * @param champion   the champion's probability of class 1 on the same rows
     * @return the comparison
     * @throws IllegalArgumentException for a bad label, a NaN, infinite or out-of-range probability, or lengths
     *                                  that differ
     */
    public static ModelComparison binary(int[] labels, double[] challenger, double[] champion) {
        BinaryData mine = BinaryData.of(labels, challenger, "challenger");
        return new ModelComparison(mine, mine.withProbabilities(champion, "champion"), null);
    }

    /**
     * A binary classifier with no champion yet (change thresholds are then reported as not applied).
     *
     * @param labels     0/1 per row
     * @param challenger the challenger's probability of class 1 per row
     * @return the comparison
     */
    public static ModelComparison binary(int[] labels, double[] challenger) {
        return new ModelComparison(BinaryData.of(labels, challenger, "challenger"), null, null);
    }

    /**
     * A regression model against the champion.
     *
     * @param actual     true values
     * @param challenger the challenger's predictions
     * @param champion   the champion's predictions on the same rows
     * @return the comparison
     * @throws IllegalArgumentException for a NaN or infinite value, or lengths that differ
     */
    public static ModelComparison regression(double[] actual, double[] challenger, double[] champion) {
        RegressionData mine = RegressionData.of(actual, challenger, "challenger");
        return new ModelComparison(mine, mine.withPredictions(champion, "champion"), null);
    }

    /**
     * A regression model with no champion yet.
     *
     * @param actual     true values
     * @param challenger the challenger's predictions
     * @return the comparison
     */
    public static ModelComparison regression(double[] actual, double[] challenger) {
        return new ModelComparison(RegressionData.of(actual, challenger, "challenger"), null, null);
    }

    /**
     * The same comparison with a slice key per row.
     *
     * @param keys one non-null key per row
     * @return a new comparison
     * @throws IllegalArgumentException for a null key (naming the row) or the wrong length
     */
    public ModelComparison withSlices(String[] keys) {
        return new ModelComparison(challenger, champion, SliceKeys.of(keys, challenger.rows()));
    }

    /** @return the kind of model */
    public Task task() {
        return challenger.task();
    }

    /** @return the number of rows */
    public int rows() {
        return challenger.rows();
    }

    /** @return the challenger's predictions */
    public EvaluationData challenger() {
        return challenger;
    }

    /** @return the champion's predictions on the same rows, if there is a champion */
    public Optional<EvaluationData> champion() {
        return Optional.ofNullable(champion);
    }

    /** @return the slices, if keys were given */
    public Optional<SliceKeys> slices() {
        return Optional.ofNullable(slices);
    }
}
