package io.github.mlhighway.lifecycle.djl;

import ai.djl.nn.Block;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.tracker.Tracker;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Trains a binary classifier (one logit output) on in-memory rows with DJL on the offline PyTorch CPU engine:
 * Adam, sigmoid binary cross-entropy, mini-batches in a seeded shuffle per epoch, a fixed seed.
 *
 * <p>Every run installs a {@link LifecycleTrainingListener}: the mean loss of each epoch is recorded, a NaN or
 * infinite loss fails the run with a {@link TrainingDivergedException}, and the user's listeners are called with
 * their exceptions isolated. Each run measures its SLIs with the injected {@link Builder#nanoTime nano-time source}
 * into a {@link TrainingReport} (per-epoch loss, time and samples/s; batch-time percentiles), optionally records
 * batch times and the training time into threshold {@link SloTracker}s, and optionally prints one line per epoch
 * to a {@link Builder#progress PrintStream}. Nothing is logged; DJL's default (logging) listeners are not
 * installed.
 *
 * <h2>Checkpoints and resume</h2>
 * {@link #train(TrainingData, Checkpoints, BooleanSupplier)} writes a checkpoint ({@link Checkpoints}) after every
 * epoch, every {@link Builder#checkpointEverySteps N steps} if asked, and when it stops on request. Started again
 * with the same directory, settings and data, it resumes at the checkpoint's epoch and batch: epoch numbering,
 * the step count (and so the {@link Builder#learningRateTracker learning-rate schedule}) and the epoch losses
 * continue, and since epoch {@code e} always visits the rows in the same seeded order, the batches already
 * trained are skipped exactly. A checkpoint whose parameter file does not match its digest, or that was written
 * for other settings or data, is refused with a {@link CheckpointIntegrityException}. The schedule is compared by
 * its learning rates at steps 0, 1, 2, 4, ..., 2<sup>20</sup> (so two factor schedules with other base values
 * differ), the fixed learning rate only when no schedule is set. The block's architecture is not part of that
 * comparison: a checkpoint of another block is refused only when its parameters do not load into this one.
 *
 * <p><b>Optimizer state is not checkpointed.</b> DJL cannot save Adam's moment estimates, so a resumed run starts
 * them (and Adam's bias correction) afresh from the restored parameters, as at the start of training, while the
 * learning-rate schedule continues at the restored step. The first updates after a resume are therefore
 * slightly different from those of an uninterrupted run: the resumed model is close to, not bit-identical with,
 * the uninterrupted one.
 *
 * <pre>{@code
 * DjlTrainer trainer = DjlTrainer.builder(() -> DjlTrainer.mlp(16)).epochs(20).batchSize(32).seed(7).build();
 * double[] p;
 * try (TrainedDjlModel model = trainer.train(features, labels)) {   // closing frees the model's native memory
 *     p = model.predictProbabilities(holdoutFeatures);
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe; each {@code train} call builds its own model. Note that the seed is also the
 * engine-wide DJL seed (initial weights), so two trainings running at once in one JVM are not reproducible.
 *
 * @since 0.1
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
    private final @Nullable Supplier<Tracker> learningRateSchedule;
    private final boolean scheduleFromFactory;
    private final int checkpointEverySteps;
    private final List<TrainingListener> listeners;
    private final LongSupplier nanoTime;
    private final @Nullable PrintStream progress;
    private final @Nullable SloTracker batchTimeSlo;
    private final @Nullable SloTracker trainingTimeSlo;

    private DjlTrainer(Builder builder) {
        this.blockFactory = builder.blockFactory;
        this.epochs = builder.epochs;
        this.batchSize = builder.batchSize;
        this.learningRate = builder.learningRate;
        this.seed = builder.seed;
        this.learningRateSchedule = builder.learningRateSchedule;
        this.scheduleFromFactory = builder.scheduleFromFactory;
        this.checkpointEverySteps = builder.checkpointEverySteps;
        this.listeners = List.copyOf(builder.listeners);
        this.nanoTime = builder.nanoTime;
        this.progress = builder.progress;
        this.batchTimeSlo = builder.batchTimeSlo;
        this.trainingTimeSlo = builder.trainingTimeSlo;
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
     * Trains a new model, without checkpoints and without stopping early.
     *
     * @param features one row per example, all rows of the same positive width
     * @param labels   0 or 1 per row
     * @return the trained model with its report; the caller closes it
     * @throws IllegalArgumentException   when the rows are empty or ragged, or the labels do not match them or
     *                                    are not 0 or 1
     * @throws TrainingDivergedException  when the loss becomes NaN or infinite
     * @throws IllegalStateException      when the offline PyTorch engine is not available
     */
    public TrainedDjlModel train(float[][] features, float[] labels) {
        return new TrainingLoop(this, TrainingData.of(features, labels), null, () -> false).run();
    }

    /**
     * Trains a model with checkpoints, resuming from the directory's checkpoint when there is one, and stopping
     * cooperatively: {@code stopRequested} is asked before every batch; when it says yes, a checkpoint is written
     * and the model trained so far is returned with {@link TrainingReport#stoppedEarly()} set.
     *
     * @param data          the training rows
     * @param checkpoints   the run's checkpoint directory
     * @param stopRequested asked before every batch (e.g. a deadline on an injected clock, or a cancellation)
     * @return the trained (or, when stopped, partly trained) model with its report; the caller closes it
     * @throws TrainingDivergedException    when the loss becomes NaN or infinite
     * @throws CheckpointIntegrityException when the directory holds a tampered checkpoint or one of another run
     * @throws java.io.UncheckedIOException when a checkpoint cannot be written
     * @throws IllegalStateException        when the offline PyTorch engine is not available
     */
    public TrainedDjlModel train(TrainingData data, Checkpoints checkpoints, BooleanSupplier stopRequested) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(checkpoints, "checkpoints");
        Objects.requireNonNull(stopRequested, "stopRequested");
        return new TrainingLoop(this, data, checkpoints, stopRequested).run();
    }

    /**
     * Trains a model without checkpoints, stopping cooperatively when {@code stopRequested} says so (asked before
     * every batch).
     *
     * @param data          the training rows
     * @param stopRequested asked before every batch
     * @return the trained (or partly trained) model with its report; the caller closes it
     * @throws TrainingDivergedException when the loss becomes NaN or infinite
     */
    public TrainedDjlModel train(TrainingData data, BooleanSupplier stopRequested) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(stopRequested, "stopRequested");
        return new TrainingLoop(this, data, null, stopRequested).run();
    }

    /** @return the number of epochs */
    public int epochs() {
        return epochs;
    }

    /** @return the mini-batch size */
    public int batchSize() {
        return batchSize;
    }

    /** @return the seed of the initial weights and of the per-epoch shuffles */
    public int seed() {
        return seed;
    }

    /**
     * @return the learning-rate schedule for one training run (a fixed rate unless one was set; a new instance per
     *         call when the schedule was given as a factory)
     */
    public Tracker learningRateTracker() {
        return learningRateSchedule != null ? learningRateSchedule.get() : Tracker.fixed(learningRate);
    }

    int checkpointEverySteps() {
        return checkpointEverySteps;
    }

    Block newBlock() {
        return Objects.requireNonNull(blockFactory.get(), "the block factory returned null");
    }

    List<TrainingListener> listeners() {
        return listeners;
    }

    LongSupplier nanoTime() {
        return nanoTime;
    }

    @Nullable PrintStream progress() {
        return progress;
    }

    @Nullable SloTracker batchTimeSlo() {
        return batchTimeSlo;
    }

    @Nullable SloTracker trainingTimeSlo() {
        return trainingTimeSlo;
    }

    /**
     * The hash of everything a checkpoint must agree with to be resumed: the data, batch size, seed, and the
     * learning-rate schedule, fingerprinted by its values (see {@link #scheduleFingerprint}); the fixed learning
     * rate counts only when no schedule is set. The number of epochs is left out, so a finished run can be
     * extended.
     *
     * <p>The block's architecture is not hashed (the hash is taken before the block exists, and initializing a
     * fresh block early would change its initial weights): a checkpoint of another architecture is refused only when
     * its parameters do not load into the block.
     */
    String configHash(TrainingData data) {
        String rate = learningRateSchedule == null ? "learningRate=" + learningRate + ";schedule=fixed"
                : "schedule=" + (scheduleFromFactory ? scheduleFingerprint(learningRateSchedule.get())
                        : instanceFingerprint(learningRateSchedule.get()));
        String config = "data=" + data.sha256() + ";batchSize=" + batchSize + ";seed=" + seed + ";" + rate;
        return Hashing.sha256().hashString(config, StandardCharsets.UTF_8).toString();
    }

    /** Every step up to this one is sampled by {@link #scheduleFingerprint}; powers of two after it. */
    static final int SCHEDULE_DENSE_STEPS = 1 << 16;
    /** The last step {@link #scheduleFingerprint} samples: {@code 2^SCHEDULE_SAMPLE_BITS}. */
    static final int SCHEDULE_SAMPLE_BITS = 20;

    /**
     * The fingerprint of a throwaway schedule from a factory: its values at every step up to
     * {@value #SCHEDULE_DENSE_STEPS}, then at powers of two up to 2<sup>{@value #SCHEDULE_SAMPLE_BITS}</sup>, asked
     * in increasing order (as training asks them). A step where the tracker throws counts as the exception's class.
     * The tracker's class is left out: a lambda's class name changes from one JVM to the next.
     */
    static String scheduleFingerprint(Tracker throwaway) {
        Hasher hasher = Hashing.sha256().newHasher();
        for (int step = 0; step <= SCHEDULE_DENSE_STEPS; step++) {
            putValue(hasher, throwaway, step);
        }
        for (int bit = 17; bit <= SCHEDULE_SAMPLE_BITS; bit++) {
            putValue(hasher, throwaway, 1 << bit);
        }
        return "values:" + hasher.hash();
    }

    /**
     * The fingerprint of a schedule given as an instance, which training will use itself: its class (unless a
     * lambda or other hidden class) and its value at step 0 only, because asking for later steps would change the
     * state of a stateful tracker such as DJL's {@code MultiFactorTracker}.
     */
    static String instanceFingerprint(Tracker instance) {
        Class<?> type = instance.getClass();
        String name = type.isSynthetic() || type.isHidden() || type.getName().contains("$$Lambda")
                ? "lambda" : type.getName();
        Hasher hasher = Hashing.sha256().newHasher();
        putValue(hasher, instance, 0);
        return "instance:" + name + ":" + hasher.hash();
    }

    private static void putValue(Hasher hasher, Tracker tracker, int step) {
        try {
            hasher.putFloat(tracker.getNewValue(step));
        } catch (RuntimeException e) {
            hasher.putString("throws " + e.getClass().getName(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Checks that the rows are non-empty and rectangular.
     *
     * @return the width
     */
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
        private @Nullable Supplier<Tracker> learningRateSchedule;
        private boolean scheduleFromFactory;
        private int checkpointEverySteps;
        private final List<TrainingListener> listeners = new ArrayList<>();
        private LongSupplier nanoTime = System::nanoTime;
        private @Nullable PrintStream progress;
        private @Nullable SloTracker batchTimeSlo;
        private @Nullable SloTracker trainingTimeSlo;

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
         * A learning-rate schedule for Adam, e.g. {@code Tracker.warmUp()} or {@code Tracker.factor()}; it replaces
         * {@link #learningRate(float)}. Called with the global step count, which a resumed run restores.
         *
         * <p>Every training run uses this same instance, and a checkpoint records only its class and first value
         * (asking a stateful tracker such as DJL's {@code MultiFactorTracker} for later steps would change it): a
         * resume with another schedule of the same class is not detected. Prefer
         * {@link #learningRateSchedule(Supplier)}.
         *
         * @param value the schedule
         * @return this builder
         */
        public Builder learningRateTracker(Tracker value) {
            Objects.requireNonNull(value, "learningRateTracker");
            this.learningRateSchedule = () -> value;
            this.scheduleFromFactory = false;
            return this;
        }

        /**
         * A learning-rate schedule for Adam, made fresh for each training run by the factory (so stateful trackers
         * such as DJL's {@code MultiFactorTracker} start over). A checkpoint records the values of a throwaway
         * instance at every step up to 65,536 (and beyond at powers of two), so resuming with another schedule is
         * refused.
         *
         * @param factory makes a new, equal schedule on each call
         * @return this builder
         */
        public Builder learningRateSchedule(Supplier<Tracker> factory) {
            this.learningRateSchedule = Objects.requireNonNull(factory, "learningRateSchedule");
            this.scheduleFromFactory = true;
            return this;
        }

        /**
         * Also checkpoints every {@code value} optimizer steps inside an epoch (default 0: at the end of each epoch
         * only). Applies to {@link DjlTrainer#train(TrainingData, Checkpoints, BooleanSupplier)}.
         *
         * @param value steps between checkpoints, 0 or positive
         * @return this builder
         */
        public Builder checkpointEverySteps(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("checkpointEverySteps must be 0 or positive: " + value);
            }
            this.checkpointEverySteps = value;
            return this;
        }

        /**
         * @param value the nano-time source for batch and epoch times (default {@code System::nanoTime})
         * @return this builder
         */
        public Builder nanoTime(LongSupplier value) {
            this.nanoTime = Objects.requireNonNull(value, "nanoTime");
            return this;
        }

        /**
         * Prints one line per epoch ({@code epoch 3/20  loss 0.4812  5230 samples/s  elapsed 1.2 s}); silent by
         * default.
         *
         * @param value where to print
         * @return this builder
         */
        public Builder progress(PrintStream value) {
            this.progress = Objects.requireNonNull(value, "progress");
            return this;
        }

        /**
         * Records every batch time, in milliseconds, into a threshold SLO (e.g. {@code Slo.threshold("train.batch",
         * Operator.LE, 50)}).
         *
         * @param value the SLO's tracker; must be a threshold SLO
         * @return this builder
         * @throws IllegalArgumentException when the SLO is not a threshold SLO
         */
        public Builder batchTimeSlo(SloTracker value) {
            this.batchTimeSlo = requireThreshold(value, "batchTimeSlo");
            return this;
        }

        /**
         * Records the training time of every execution that finishes, in seconds, into a threshold SLO
         * ("training finishes within X"); an execution that stops early records nothing.
         *
         * @param value the SLO's tracker; must be a threshold SLO
         * @return this builder
         * @throws IllegalArgumentException when the SLO is not a threshold SLO
         */
        public Builder trainingTimeSlo(SloTracker value) {
            this.trainingTimeSlo = requireThreshold(value, "trainingTimeSlo");
            return this;
        }

        private static SloTracker requireThreshold(SloTracker tracker, String what) {
            Objects.requireNonNull(tracker, what);
            if (!(tracker.slo().indicator() instanceof io.github.mlhighway.lifecycle.slo.Indicator.Threshold)) {
                throw new IllegalArgumentException(what + " needs a threshold SLO, '" + tracker.slo().name()
                        + "' has a " + tracker.slo().indicator().getClass().getSimpleName() + " indicator");
            }
            return tracker;
        }

        /**
         * @param value the DJL random seed (initial weights) and the seed of the per-epoch shuffles
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
