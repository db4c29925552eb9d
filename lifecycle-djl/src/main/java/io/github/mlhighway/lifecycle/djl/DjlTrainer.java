package io.github.mlhighway.lifecycle.djl;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Trains a binary classifier (one logit output) on in-memory rows with DJL on the offline PyTorch CPU engine:
 * Adam, sigmoid binary cross-entropy, shuffled mini-batches, a fixed seed.
 *
 * <p>Every run installs a {@link LifecycleTrainingListener}: the mean loss of each epoch is recorded, a NaN or
 * infinite loss fails the run with a {@link TrainingDivergedException}, and the user's listeners are called with
 * their exceptions isolated. Nothing is logged; DJL's default (logging) listeners are not installed.
 *
 * <pre>{@code
 * DjlTrainer trainer = DjlTrainer.builder(() -> DjlTrainer.mlp(16)).epochs(20).batchSize(32).seed(7).build();
 * try (TrainedDjlModel model = trainer.train(features, labels)) {
 *     double[] p = model.predictProbabilities(holdoutFeatures);
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe; each {@link #train} call builds its own model. Note that the seed is the
 * engine-wide DJL seed, so two trainings running at once in one JVM are not reproducible.
 */
public final class DjlTrainer {

    /** Default number of epochs. */
    public static final int DEFAULT_EPOCHS = 20;
    /** Default mini-batch size. */
    public static final int DEFAULT_BATCH_SIZE = 32;
    /** Default Adam learning rate. */
    public static final float DEFAULT_LEARNING_RATE = 0.01f;
    /** Default seed. */
    public static final int DEFAULT_SEED = 42;

    private final Supplier<Block> blockFactory;
    private final int epochs;
    private final int batchSize;
    private final float learningRate;
    private final int seed;
    private final List<TrainingListener> listeners;

    private DjlTrainer(Builder builder) {
        this.blockFactory = builder.blockFactory;
        this.epochs = builder.epochs;
        this.batchSize = builder.batchSize;
        this.learningRate = builder.learningRate;
        this.seed = builder.seed;
        this.listeners = List.copyOf(builder.listeners);
    }

    /**
     * @param blockFactory makes a fresh, uninitialized block with one output (a logit) per row
     * @return a builder
     */
    public static Builder builder(Supplier<Block> blockFactory) {
        return new Builder(blockFactory);
    }

    /**
     * A multilayer perceptron for binary classification: ReLU hidden layers of the given widths and one linear
     * output (a logit; apply a sigmoid for a probability).
     *
     * @param hidden the widths of the hidden layers, each positive
     * @return a new, uninitialized block
     */
    public static Block mlp(int... hidden) {
        ai.djl.nn.SequentialBlock block = new ai.djl.nn.SequentialBlock();
        for (int width : hidden) {
            if (width <= 0) {
                throw new IllegalArgumentException("hidden layer width must be positive: " + width);
            }
            block.add(ai.djl.nn.core.Linear.builder().setUnits(width).build());
            block.add(ai.djl.nn.Activation::relu);
        }
        block.add(ai.djl.nn.core.Linear.builder().setUnits(1).build());
        return block;
    }

    /**
     * Trains a new model.
     *
     * @param features one row per example, all rows of the same positive width
     * @param labels   0 or 1 per row
     * @return the trained model with its loss history; the caller closes it
     * @throws IllegalArgumentException   when the rows are empty, ragged, or do not match the labels
     * @throws TrainingDivergedException  when the loss becomes NaN or infinite
     * @throws IllegalStateException      when the offline PyTorch engine is not available
     */
    public TrainedDjlModel train(float[][] features, float[] labels) {
        int width = checkRows(features);
        if (labels == null || labels.length != features.length) {
            throw new IllegalArgumentException("labels must have one value per row (" + features.length + ")");
        }
        Engine engine = DjlEngine.requireOfflinePyTorch();
        engine.setRandomSeed(seed);
        Model model = Model.newInstance("djl-trainer", Device.cpu(), DjlEngine.ENGINE_NAME);
        try {
            model.setBlock(blockFactory.get());
            LifecycleTrainingListener recorder = new LifecycleTrainingListener(listeners);
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.sigmoidBinaryCrossEntropyLoss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(learningRate)).build())
                    .optDevices(new Device[] {Device.cpu()})
                    .addTrainingListeners(recorder);
            try (NDManager data = model.getNDManager().newSubManager();
                 Trainer trainer = model.newTrainer(config)) {
                NDArray x = data.create(features);
                NDArray y = data.create(labels).reshape(labels.length, 1);
                ArrayDataset dataset = new ArrayDataset.Builder().setData(x).optLabels(y)
                        .setSampling(batchSize, true).build();
                trainer.initialize(new Shape(batchSize, width));
                trainer.notifyListeners(l -> l.onTrainingBegin(trainer));
                for (int epoch = 0; epoch < epochs; epoch++) {
                    for (Batch batch : trainer.iterateDataset(dataset)) {
                        try (batch) {
                            EasyTrain.trainBatch(trainer, batch);
                            trainer.step();
                        }
                    }
                    trainer.notifyListeners(l -> l.onEpoch(trainer));
                }
                trainer.notifyListeners(l -> l.onTrainingEnd(trainer));
            } catch (IOException | TranslateException e) {
                throw new IllegalStateException("Reading the training batches failed: " + e.getMessage(), e);
            }
            return new TrainedDjlModel(model, width, recorder.epochLosses(), recorder.listenerFailures());
        } catch (RuntimeException | Error e) {
            model.close();
            throw e;
        }
    }

    static int checkRows(float[][] features) {
        if (features == null || features.length == 0) {
            throw new IllegalArgumentException("features must have at least one row");
        }
        int width = features[0] == null ? 0 : features[0].length;
        if (width == 0) {
            throw new IllegalArgumentException("rows must have at least one feature");
        }
        for (int i = 0; i < features.length; i++) {
            if (features[i] == null || features[i].length != width) {
                throw new IllegalArgumentException("row " + i + " does not have " + width + " features");
            }
        }
        return width;
    }

    /** Builds a {@link DjlTrainer}; each setter validates its argument at once. */
    public static final class Builder {
        private final Supplier<Block> blockFactory;
        private int epochs = DEFAULT_EPOCHS;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private float learningRate = DEFAULT_LEARNING_RATE;
        private int seed = DEFAULT_SEED;
        private final List<TrainingListener> listeners = new ArrayList<>();

        private Builder(Supplier<Block> blockFactory) {
            this.blockFactory = Objects.requireNonNull(blockFactory, "blockFactory");
        }

        /**
         * @param value number of passes over the data, positive
         * @return this builder
         */
        public Builder epochs(int value) {
            if (value <= 0) {
                throw new IllegalArgumentException("epochs must be positive: " + value);
            }
            this.epochs = value;
            return this;
        }

        /**
         * @param value rows per mini-batch, positive
         * @return this builder
         */
        public Builder batchSize(int value) {
            if (value <= 0) {
                throw new IllegalArgumentException("batchSize must be positive: " + value);
            }
            this.batchSize = value;
            return this;
        }

        /**
         * @param value Adam learning rate, positive and finite
         * @return this builder
         */
        public Builder learningRate(float value) {
            if (!(value > 0) || !Float.isFinite(value)) {
                throw new IllegalArgumentException("learningRate must be positive and finite: " + value);
            }
            this.learningRate = value;
            return this;
        }

        /**
         * @param value the DJL random seed (initial weights and shuffling)
         * @return this builder
         */
        public Builder seed(int value) {
            this.seed = value;
            return this;
        }

        /**
         * @param listener a listener called on every training event; its exceptions are recorded, not thrown
         * @return this builder
         */
        public Builder listener(TrainingListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** @return the trainer */
        public DjlTrainer build() {
            return new DjlTrainer(this);
        }
    }
}
