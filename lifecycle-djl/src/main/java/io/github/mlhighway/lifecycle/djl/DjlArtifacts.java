package io.github.mlhighway.lifecycle.djl;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import io.github.mlhighway.lifecycle.registry.LoadedModel;
import io.github.mlhighway.lifecycle.registry.ModelRef;
import io.github.mlhighway.lifecycle.registry.ModelRegistry;
import io.github.mlhighway.lifecycle.registry.ModelVersion;
import io.github.mlhighway.lifecycle.registry.NewModelVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Moves DJL models in and out of the model registry. A model is saved as DJL saves it (a directory of parameter
 * files), registered with every file and its digest, and loaded back through DJL {@link Criteria} from a local,
 * digest-verified copy only ({@link LoadedModel#copyTo}) — never from a URL or a model zoo.
 *
 * <p>DJL stores parameters, not the block's structure: loading needs a factory for the same block. The version's
 * parameters record {@value #WIDTH_PARAMETER} and {@value #NAME_PARAMETER}.
 *
 * @since 0.1
 */
public final class DjlArtifacts {

    /** Version parameter: the number of input features. */
    public static final String WIDTH_PARAMETER = "djl.width";
    /** Version parameter: the DJL model name (the prefix of its parameter files). */
    public static final String NAME_PARAMETER = "djl.modelName";
    /** Version parameter: the DJL engine. */
    public static final String ENGINE_PARAMETER = "djl.engine";

    private DjlArtifacts() {
    }

    /**
     * Saves a trained model into {@code workDir} and registers it as a new version of {@code modelName}.
     *
     * @param registry  the registry
     * @param model     the trained model
     * @param modelName the registry model name (also the DJL file prefix)
     * @param workDir   an empty or absent directory to save the files into before registering
     * @param metrics   metrics to record with the version (e.g. the holdout AUC)
     * @return the registered version
     * @throws UncheckedIOException when the model cannot be saved
     */
    public static ModelVersion register(ModelRegistry registry, TrainedDjlModel model, String modelName,
                                        Path workDir, Map<String, Double> metrics) {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(modelName, "modelName");
        try {
            Files.createDirectories(workDir);
            model.model().save(workDir, modelName);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save DJL model " + modelName + " into " + workDir, e);
        }
        NewModelVersion.Builder draft = NewModelVersion.of(modelName)
                .parameter(WIDTH_PARAMETER, Integer.toString(model.width()))
                .parameter(NAME_PARAMETER, modelName)
                .parameter(ENGINE_PARAMETER, DjlEngine.ENGINE_NAME)
                .directory(workDir);
        metrics.forEach(draft::metric);
        List<Double> losses = model.epochLosses();
        if (!losses.isEmpty() && Double.isFinite(losses.get(losses.size() - 1))) {
            draft.metric("train_loss", losses.get(losses.size() - 1));
        }
        return registry.register(draft.build());
    }

    /**
     * Loads a registered DJL model by version or alias: copies its files, digest-verified, into
     * {@code localDir}, then loads them with DJL {@link Criteria} from that directory on the offline PyTorch
     * engine.
     *
     * @param registry     the registry
     * @param ref          the version or alias
     * @param localDir     an empty or absent directory for the verified copy
     * @param blockFactory makes the same (uninitialized) block the model was trained with
     * @return the model, ready to predict; the caller closes it
     * @throws io.github.mlhighway.lifecycle.registry.ArtifactIntegrityException when a file does not match its
     *                                                                         digest
     * @throws IllegalStateException when DJL cannot load the files
     */
    public static TrainedDjlModel load(ModelRegistry registry, ModelRef ref, Path localDir,
                                       Supplier<Block> blockFactory) {
        DjlEngine.requireOfflinePyTorch();
        LoadedModel local = registry.load(ref).copyTo(localDir);
        Map<String, String> parameters = local.version().parameters();
        String name = require(parameters, NAME_PARAMETER, ref);
        int width = Integer.parseInt(require(parameters, WIDTH_PARAMETER, ref));
        Criteria<NDList, NDList> criteria = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelPath(localDir.toAbsolutePath())
                .optModelName(name)
                .optEngine(DjlEngine.ENGINE_NAME)
                .optBlock(blockFactory.get())
                .optTranslator(new NoopTranslator())
                .build();
        try {
            ZooModel<NDList, NDList> model = criteria.loadModel();
            return new TrainedDjlModel(model, width, null, List.of());
        } catch (IOException | ModelNotFoundException | MalformedModelException e) {
            throw new IllegalStateException("DJL cannot load " + ref + " from " + localDir + ": " + e.getMessage(), e);
        }
    }

    private static String require(Map<String, String> parameters, String key, ModelRef ref) {
        String value = parameters.get(key);
        if (value == null) {
            throw new IllegalStateException(ref + " is not a DJL model registered by DjlArtifacts (no parameter "
                    + key + ")");
        }
        return value;
    }
}
