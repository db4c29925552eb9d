package io.github.mlhighway.lifecycle.djl;

import ai.djl.nn.Block;
import io.github.mlhighway.lifecycle.core.evaluation.gate.ModelComparison;
import io.github.mlhighway.lifecycle.pipeline.Stage;
import io.github.mlhighway.lifecycle.pipeline.StageContext;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates trained parameters on a held-out data set, as a pipeline {@link Stage}: rebuilds the model, predicts
 * the holdout rows and outputs an {@link EvaluatedModel} holding the parameters and a {@link ModelComparison}
 * (against the champion's predictions on the same rows, when given), ready for a
 * {@link io.github.mlhighway.lifecycle.core.evaluation.gate.ModelGate} through {@link EvaluatedModel#gate}.
 *
 * <pre>{@code
 * DjlEvaluationStage evaluate = DjlEvaluationStage.builder(() -> DjlTrainer.mlp(16), holdoutX, holdoutY)
 *     .champion(championProbabilities)
 *     .build();
 * }</pre>
 *
 * Immutable and thread-safe; the holdout arrays are copied.
 *
 * @since 0.1
 */
public final class DjlEvaluationStage implements Stage<TrainedParameters, EvaluatedModel> {

    private final Supplier<Block> blockFactory;
    private final float[][] features;
    private final int[] labels;
    private final double @Nullable [] champion;

    private DjlEvaluationStage(Builder builder) {
        this.blockFactory = builder.blockFactory;
        this.features = builder.features;
        this.labels = builder.labels;
        this.champion = builder.champion;
    }

    /**
     * @param blockFactory makes the same (uninitialized) block the model is trained with
     * @param features     the holdout rows
     * @param labels       0 or 1 per holdout row
     * @return a builder
     * @throws IllegalArgumentException when the rows are empty or ragged, or the labels do not match them
     */
    public static Builder builder(Supplier<Block> blockFactory, float[][] features, int[] labels) {
        return new Builder(blockFactory, features, labels);
    }

    /**
     * Predicts the holdout rows with the trained model.
     *
     * @param input   the trained parameters
     * @param context the stage context (the check for cancellation is made before predicting)
     * @return the parameters with the comparison
     * @throws IllegalArgumentException when the model's width does not match the holdout rows
     */
    @Override
    public EvaluatedModel apply(TrainedParameters input, StageContext context) {
        context.checkCancelled();
        return evaluate(input);
    }

    /**
     * Predicts the holdout rows with the trained model, outside a pipeline.
     *
     * @param trained the trained parameters
     * @return the parameters with the comparison
     */
    public EvaluatedModel evaluate(TrainedParameters trained) {
        Objects.requireNonNull(trained, "trained");
        try (TrainedDjlModel model = trained.toModel(blockFactory)) {
            double[] probabilities = model.predictProbabilities(features);
            ModelComparison comparison = champion == null ? ModelComparison.binary(labels, probabilities)
                    : ModelComparison.binary(labels, probabilities, champion);
            return new EvaluatedModel(trained, comparison);
        }
    }

    /** Builds a {@link DjlEvaluationStage}. */
    public static final class Builder {
        private final Supplier<Block> blockFactory;
        private final float[][] features;
        private final int[] labels;
        private double @Nullable [] champion;

        private Builder(Supplier<Block> blockFactory, float[][] features, int[] labels) {
            this.blockFactory = Objects.requireNonNull(blockFactory, "blockFactory");
            DjlTrainer.checkRows(features);
            if (labels == null || labels.length != features.length) {
                throw new IllegalArgumentException("labels must have one value per holdout row (" + features.length
                        + "), got " + (labels == null ? "null" : labels.length));
            }
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] != 0 && labels[i] != 1) {
                    throw new IllegalArgumentException("label of holdout row " + i + " must be 0 or 1: " + labels[i]);
                }
            }
            this.features = copy(features);
            this.labels = labels.clone();
        }

        /**
         * The champion's probabilities on the same holdout rows, for paired comparisons in the gate.
         *
         * @param probabilities one probability per holdout row
         * @return this builder
         * @throws IllegalArgumentException when the length differs from the holdout or a value is not in [0, 1]
         */
        public Builder champion(double[] probabilities) {
            Objects.requireNonNull(probabilities, "probabilities");
            if (probabilities.length != labels.length) {
                throw new IllegalArgumentException("champion probabilities must have one value per holdout row ("
                        + labels.length + "), got " + probabilities.length);
            }
            for (int i = 0; i < probabilities.length; i++) {
                if (!(probabilities[i] >= 0 && probabilities[i] <= 1)) {
                    throw new IllegalArgumentException("champion probability of row " + i + " must be in [0, 1]: "
                            + probabilities[i]);
                }
            }
            this.champion = probabilities.clone();
            return this;
        }

        /** @return the stage */
        public DjlEvaluationStage build() {
            return new DjlEvaluationStage(this);
        }

        private static float[][] copy(float[][] rows) {
            float[][] copy = new float[rows.length][];
            for (int i = 0; i < rows.length; i++) {
                copy[i] = rows[i].clone();
            }
            return copy;
        }
    }
}
