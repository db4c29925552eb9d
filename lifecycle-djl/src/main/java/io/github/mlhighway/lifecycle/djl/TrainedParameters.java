package io.github.mlhighway.lifecycle.djl;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A trained model as a value: its block parameters (DJL's parameter format), their SHA-256, the input width and
 * the training report. This is what {@link DjlTrainingStage} outputs, because a pipeline checkpoints every stage
 * output through a codec: as a record of bytes and numbers it is stored as JSON (the parameters base64-encoded)
 * with no extra codec, a resumed pipeline gets it back without retraining, and the next stages (evaluation, a
 * gate, registration) can rebuild the model from it. Meant for small and medium models (the JSON holds every
 * parameter); register the model ({@link DjlArtifacts}) once it passed its gates.
 *
 * <p>DJL stores parameters, not the block's structure: {@link #toModel} needs a factory for the same block.
 *
 * @param width      the number of input features
 * @param parameters the block's parameters, as {@code Block.saveParameters} writes them
 * @param sha256     the lowercase hex SHA-256 of {@code parameters}
 * @param report     what training measured
 * @since 0.1
 */
public record TrainedParameters(int width, byte[] parameters, String sha256, TrainingReport report) {

    /**
     * @throws IllegalArgumentException when the width is not positive or the digest does not match the parameters
     */
    public TrainedParameters {
        if (width <= 0) {
            throw new IllegalArgumentException("width must be positive: " + width);
        }
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(report, "report");
        String actual = Checkpoints.sha256(parameters);
        if (!actual.equals(sha256)) {
            throw new IllegalArgumentException("the parameters do not match their SHA-256: " + actual + ", expected "
                    + sha256);
        }
    }

    /**
     * Captures a trained model's parameters and report.
     *
     * @param model a model trained by {@link DjlTrainer} (not closed by this method)
     * @return its parameters
     * @throws IllegalArgumentException when the model has no training report (it was loaded, not trained)
     */
    public static TrainedParameters of(TrainedDjlModel model) {
        TrainingReport report = model.report().orElseThrow(() -> new IllegalArgumentException(
                "the model has no training report; TrainedParameters captures models trained by DjlTrainer"));
        byte[] bytes = TrainingLoop.saveParameters(model.model().getBlock());
        return new TrainedParameters(model.width(), bytes, Checkpoints.sha256(bytes), report);
    }

    /**
     * Rebuilds the model on the offline PyTorch engine.
     *
     * @param blockFactory makes the same (uninitialized) block the model was trained with
     * @return the model, ready to predict; the caller closes it
     * @throws CheckpointIntegrityException when the parameters do not fit the block
     */
    public TrainedDjlModel toModel(Supplier<Block> blockFactory) {
        Objects.requireNonNull(blockFactory, "blockFactory");
        DjlEngine.requireOfflinePyTorch();
        Model model = Model.newInstance("djl-trainer", Device.cpu(), DjlEngine.ENGINE_NAME);
        try {
            Block block = Objects.requireNonNull(blockFactory.get(), "the block factory returned null");
            model.setBlock(block);
            TrainingLoop.loadParameters(model, block, new Shape(1, width), parameters);
            return new TrainedDjlModel(model, width, report, java.util.List.of());
        } catch (RuntimeException | Error e) {
            model.close();
            throw e;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TrainedParameters that && width == that.width && sha256.equals(that.sha256)
                && Arrays.equals(parameters, that.parameters) && report.equals(that.report);
    }

    @Override
    public int hashCode() {
        return Objects.hash(width, sha256, report);
    }

    @Override
    public String toString() {
        return "TrainedParameters[width=" + width + ", " + parameters.length + " bytes, sha256=" + sha256 + ", "
                + report.epochsCompleted() + "/" + report.epochs() + " epochs, final loss " + report.finalLoss() + "]";
    }
}
