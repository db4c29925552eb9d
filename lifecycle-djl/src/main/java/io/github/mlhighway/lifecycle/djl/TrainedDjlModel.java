package io.github.mlhighway.lifecycle.djl;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A model trained by {@link DjlTrainer}, with its training history. Owns the DJL {@link Model}: close it when
 * done. {@link #predictProbabilities} is thread-safe (each call uses its own predictor).
 *
 * @since 0.1
 */
public final class TrainedDjlModel implements AutoCloseable {

    private final Model model;
    private final int width;
    private final @Nullable TrainingReport report;
    private final List<RuntimeException> listenerFailures;

    TrainedDjlModel(Model model, int width, @Nullable TrainingReport report, List<RuntimeException> listenerFailures) {
        this.model = model;
        this.width = width;
        this.report = report;
        this.listenerFailures = List.copyOf(listenerFailures);
    }

    /** @return the DJL model (owned by this object) */
    public Model model() {
        return model;
    }

    /** @return the number of features per row */
    public int width() {
        return width;
    }

    /** @return the mean training loss of each epoch, in order (empty for a model loaded from the registry) */
    public List<Double> epochLosses() {
        return report == null ? List.of() : report.epochLosses();
    }

    /** @return what training measured; empty for a model loaded from the registry */
    public Optional<TrainingReport> report() {
        return Optional.ofNullable(report);
    }

    /** @return the exceptions thrown by the user's training listeners (isolated, training went on) */
    public List<RuntimeException> listenerFailures() {
        return listenerFailures;
    }

    /**
     * @param features one row per example, each of {@link #width()} features
     * @return the predicted probability of the positive class, per row
     * @throws IllegalArgumentException when a row has the wrong width
     */
    public double[] predictProbabilities(float[][] features) {
        return predictProbabilities(model, features, width);
    }

    static double[] predictProbabilities(Model model, float[][] features, int width) {
        int actual = DjlTrainer.checkRows(features);
        if (actual != width) {
            throw new IllegalArgumentException("rows have " + actual + " features, the model expects " + width);
        }
        try (Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator());
             NDManager manager = model.getNDManager().newSubManager()) {
            NDList out = predictor.predict(new NDList(manager.create(features)));
            NDArray probabilities = ai.djl.nn.Activation.sigmoid(out.singletonOrThrow().reshape(-1));
            float[] values = probabilities.toFloatArray();
            double[] result = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                result[i] = values[i];
            }
            return result;
        } catch (TranslateException e) {
            throw new IllegalStateException("Prediction failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
