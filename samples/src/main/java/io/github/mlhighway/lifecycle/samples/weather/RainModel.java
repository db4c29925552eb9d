package io.github.mlhighway.lifecycle.samples.weather;

import io.github.mlhighway.lifecycle.djl.DjlArtifacts;
import io.github.mlhighway.lifecycle.djl.DjlTrainer;
import io.github.mlhighway.lifecycle.djl.PredictorPool;
import io.github.mlhighway.lifecycle.djl.TrainedDjlModel;
import io.github.mlhighway.lifecycle.registry.ModelRef;
import io.github.mlhighway.lifecycle.registry.ModelRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * A registered rain model loaded for serving: the DJL model (digest-verified copy from the registry) behind a
 * predictor pool, as a {@code Function} a {@link io.github.mlhighway.lifecycle.core.serving.GuardedModel} can wrap.
 */
final class RainModel implements Function<WeatherDay, Double>, AutoCloseable {

    /** Hidden layer width of the MLP. */
    static final int HIDDEN = 16;

    private final String version;
    private final TrainedDjlModel model;
    private final PredictorPool<WeatherDay, Double> pool;

    private RainModel(String version, TrainedDjlModel model) {
        this.version = version;
        this.model = model;
        this.pool = PredictorPool.builder(model.model(), new RainTranslator()).name(version).size(2).build();
    }

    /**
     * Loads a version from the registry through a verified local copy.
     *
     * @param registry the registry
     * @param ref      the version, e.g. {@code rain-tomorrow@1}
     * @param localDir where the verified copy goes (must not exist or be empty)
     * @return the model; the caller closes it
     */
    static RainModel load(ModelRegistry registry, ModelRef ref, Path localDir) {
        TrainedDjlModel model = DjlArtifacts.load(registry, ref, localDir, () -> DjlTrainer.mlp(HIDDEN));
        return new RainModel(ref.toString(), model);
    }

    /** @return the registry reference this model was loaded from */
    String version() {
        return version;
    }

    /**
     * @param examples labelled examples
     * @return the probability of rain tomorrow for each
     */
    double[] probabilities(List<Example> examples) {
        return model.predictProbabilities(RainFeatures.rows(examples));
    }

    @Override
    public Double apply(WeatherDay day) {
        return pool.apply(day);
    }

    @Override
    public void close() {
        pool.close();
        model.close();
    }
}
