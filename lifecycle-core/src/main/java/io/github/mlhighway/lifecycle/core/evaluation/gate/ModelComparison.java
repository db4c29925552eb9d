package io.github.mlhighway.lifecycle.core.evaluation.gate;

import io.github.mlhighway.lifecycle.core.evaluation.BinaryData;
import io.github.mlhighway.lifecycle.core.evaluation.EvaluationData;
import io.github.mlhighway.lifecycle.core.evaluation.RegressionData;
import io.github.mlhighway.lifecycle.core.evaluation.SliceKeys;
import io.github.mlhighway.lifecycle.evaluation.Task;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.mlhighway.lifecycle.core.json.Json;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link ModelGate} judges: a challenger's predictions, optionally the champion's predictions on the very
 * same rows (for paired comparisons), and optionally a slice key per row. Immutable; inputs are validated and
 * copied, and an error names the array and the row. {@link #toJson()} and {@link #fromJson(String)} give it a
 * stable JSON form, so it can be the checkpointed output of a pipeline stage.
 *
 * @since 0.1
 */
public final class ModelComparison {

    private final EvaluationData challenger;
    private final @Nullable EvaluationData champion;
    private final @Nullable SliceKeys slices;

    private ModelComparison(EvaluationData challenger, @Nullable EvaluationData champion, @Nullable SliceKeys slices) {
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

    /**
     * This comparison as JSON: {@code {"task", "labels" (binary) or "actuals" (regression), "challenger",
     * "champion" (absent without a champion), "slices" (a key per row, absent without slices)}}. Numbers are
     * written so that {@link #fromJson(String)} reads back exactly the same values.
     *
     * @return compact JSON
     */
    public String toJson() {
        int rows = rows();
        String[] keys = null;
        if (slices != null) {
            keys = new String[rows];
            for (Map.Entry<String, int[]> slice : slices.masks().entrySet()) {
                for (int row = 0; row < rows; row++) {
                    if (slice.getValue()[row] > 0) {
                        keys[row] = slice.getKey();
                    }
                }
            }
        }
        if (challenger instanceof BinaryData binary) {
            int[] labels = new int[rows];
            for (int row = 0; row < rows; row++) {
                labels[row] = binary.positive(row) ? 1 : 0;
            }
            return Json.write(new Form(task(), labels, null, values(binary), values(champion), keys));
        }
        RegressionData regression = (RegressionData) challenger;
        double[] actuals = new double[rows];
        for (int row = 0; row < rows; row++) {
            actuals[row] = regression.actual(row);
        }
        return Json.write(new Form(task(), null, actuals, values(regression), values(champion), keys));
    }

    /**
     * Reads the form {@link #toJson()} writes, validating it like the factory methods.
     *
     * @param json the JSON text
     * @return the comparison
     * @throws IllegalArgumentException if the JSON is not a comparison or its values are invalid (naming them)
     */
    public static ModelComparison fromJson(String json) {
        Form form;
        try {
            form = Json.read(json, Form.class);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException("Not a model comparison: " + e.getMessage(), e);
        }
        if (form.task() == null || form.challenger() == null) {
            throw new IllegalArgumentException("Not a model comparison: 'task' and 'challenger' are required");
        }
        ModelComparison comparison;
        if (form.task() == Task.BINARY_CLASSIFICATION) {
            if (form.labels() == null) {
                throw new IllegalArgumentException("Binary model comparison without 'labels'");
            }
            comparison = form.champion() == null ? binary(form.labels(), form.challenger())
                    : binary(form.labels(), form.challenger(), form.champion());
        } else {
            if (form.actuals() == null) {
                throw new IllegalArgumentException("Regression model comparison without 'actuals'");
            }
            comparison = form.champion() == null ? regression(form.actuals(), form.challenger())
                    : regression(form.actuals(), form.challenger(), form.champion());
        }
        return form.slices() == null ? comparison : comparison.withSlices(form.slices());
    }

    private static double @Nullable [] values(@Nullable EvaluationData data) {
        if (data == null) {
            return null;
        }
        double[] values = new double[data.rows()];
        for (int row = 0; row < values.length; row++) {
            values[row] = data instanceof BinaryData binary ? binary.probability(row)
                    : ((RegressionData) data).predicted(row);
        }
        return values;
    }

    /** The JSON form. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Form(Task task, int @Nullable [] labels, double @Nullable [] actuals, double @Nullable [] challenger,
            double @Nullable [] champion,
            String @Nullable [] slices) {
    }
}
