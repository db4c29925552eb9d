package io.github.mlhighway.lifecycle.djl;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.translate.Batchifier;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * One training execution of a {@link DjlTrainer}: builds the model (from a verified checkpoint when there is one),
 * trains mini-batches in a per-epoch seeded order, checks for a stop request before every batch, and writes
 * checkpoints. Used once, by one thread.
 */
final class TrainingLoop {

    private final DjlTrainer settings;
    private final TrainingData data;
    private final @Nullable Checkpoints checkpoints;
    private final BooleanSupplier stopRequested;
    private final String configHash;

    TrainingLoop(DjlTrainer settings, TrainingData data, @Nullable Checkpoints checkpoints,
                 BooleanSupplier stopRequested) {
        this.settings = settings;
        this.data = data;
        this.checkpoints = checkpoints;
        this.stopRequested = stopRequested;
        this.configHash = settings.configHash(data);
    }

    TrainedDjlModel run() {
        Engine engine = DjlEngine.requireOfflinePyTorch();
        Optional<Checkpoints.Checkpoint> resume = checkpoints == null ? Optional.empty()
                : checkpoints.load(configHash);
        CheckpointManifest start = resume.map(Checkpoints.Checkpoint::manifest).orElse(null);
        engine.setRandomSeed(settings.seed());
        Model model = Model.newInstance("djl-trainer", Device.cpu(), DjlEngine.ENGINE_NAME);
        try {
            Block block = settings.newBlock();
            model.setBlock(block);
            Shape inputShape = new Shape(settings.batchSize(), data.width());
            if (resume.isPresent()) {
                loadParameters(model, block, inputShape, resume.get().parameters());
            }
            long steps = start == null ? 0 : start.steps();
            LifecycleTrainingListener recorder = new LifecycleTrainingListener(settings.listeners());
            TrainingMetrics metrics = new TrainingMetrics(settings.nanoTime(), settings.batchTimeSlo(),
                    settings.trainingTimeSlo(), settings.progress(), settings.epochs(),
                    start == null ? List.of() : start.epochReports());
            if (start != null) {
                recorder.restore(start.epochReports().stream().map(EpochReport::meanLoss).toList(),
                        start.partialLossSum(), start.partialLossRows());
            }
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.sigmoidBinaryCrossEntropyLoss())
                    .optOptimizer(Optimizer.adam()
                            .optLearningRateTracker(new ContinuedTracker(settings.learningRateTracker(), steps))
                            .build())
                    .optDevices(new Device[] {Device.cpu()})
                    .addTrainingListeners(recorder);
            boolean stopped = false;
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(inputShape);
                trainer.notifyListeners(l -> l.onTrainingBegin(trainer));
                int firstEpoch = start == null ? 0 : start.epochsCompleted();
                int firstBatch = start == null ? 0 : start.batchesIntoEpoch();
                int batchSize = settings.batchSize();
                int batchesPerEpoch = (data.rows() + batchSize - 1) / batchSize;
                epochs:
                for (int epoch = firstEpoch; epoch < settings.epochs(); epoch++) {
                    int[] order = order(epoch);
                    metrics.epochStarted();
                    for (int b = epoch == firstEpoch ? firstBatch : 0; b < batchesPerEpoch; b++) {
                        if (stopRequested.getAsBoolean()) {
                            checkpoint(block, epoch, b, steps, recorder, metrics);
                            stopped = true;
                            break epochs;
                        }
                        long batchStart = metrics.now();
                        int from = b * batchSize;
                        int size = Math.min(batchSize, data.rows() - from);
                        trainBatch(trainer, order, from, size, b, batchesPerEpoch);
                        steps++;
                        metrics.batchFinished(batchStart, size);
                        int every = settings.checkpointEverySteps();
                        if (every > 0 && steps % every == 0 && b + 1 < batchesPerEpoch) {
                            checkpoint(block, epoch, b + 1, steps, recorder, metrics);
                        }
                    }
                    trainer.notifyListeners(l -> l.onEpoch(trainer));
                    List<Double> losses = recorder.epochLosses();
                    metrics.epochFinished(epoch + 1, losses.get(losses.size() - 1));
                    checkpoint(block, epoch + 1, 0, steps, recorder, metrics);
                }
                trainer.notifyListeners(l -> l.onTrainingEnd(trainer));
            }
            TrainingReport report = metrics.report(steps, stopped,
                    start == null ? 0 : start.epochsCompleted(), start == null ? 0 : start.batchesIntoEpoch(),
                    start != null);
            return new TrainedDjlModel(model, data.width(), report, recorder.listenerFailures());
        } catch (RuntimeException | Error e) {
            model.close();
            throw e;
        }
    }

    private void trainBatch(Trainer trainer, int[] order, int from, int size, int index, int total) {
        float[][] x = new float[size][];
        float[] y = new float[size];
        for (int i = 0; i < size; i++) {
            int row = order[from + i];
            x[i] = data.features()[row];
            y[i] = data.labels()[row];
        }
        NDManager manager = trainer.getManager().newSubManager();
        try (Batch batch = new Batch(manager, new NDList(manager.create(x)),
                new NDList(manager.create(y).reshape(size, 1)), size, Batchifier.STACK, Batchifier.STACK,
                index, total)) {
            EasyTrain.trainBatch(trainer, batch);
            trainer.step();
        } finally {
            manager.close();
        }
    }

    /** The row order of an epoch: a Fisher-Yates shuffle seeded from the trainer's seed and the epoch. */
    private int[] order(int epoch) {
        int[] order = new int[data.rows()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(shuffleSeed(settings.seed(), epoch));
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    static long shuffleSeed(long seed, int epoch) {
        return seed * 0x9E3779B97F4A7C15L + epoch;
    }

    private void checkpoint(Block block, int epochsCompleted, int batchesIntoEpoch, long steps,
                            LifecycleTrainingListener recorder, TrainingMetrics metrics) {
        if (checkpoints == null) {
            return;
        }
        CheckpointManifest draft = new CheckpointManifest(Checkpoints.FORMAT, epochsCompleted, batchesIntoEpoch,
                steps, settings.seed(), "", "", configHash, recorder.partialLossSum(), recorder.partialLossRows(),
                metrics.epochReports());
        checkpoints.write(draft, saveParameters(block));
    }

    static byte[] saveParameters(Block block) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            block.saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serialize the block parameters", e);
        }
        return bytes.toByteArray();
    }

    /** Initializes the block's shapes, then replaces its parameters (before the trainer attaches gradients). */
    static void loadParameters(Model model, Block block, Shape inputShape, byte[] parameters) {
        NDManager manager = model.getNDManager();
        block.initialize(manager, DataType.FLOAT32, inputShape);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(parameters))) {
            block.loadParameters(manager, in);
        } catch (IOException | MalformedModelException e) {
            throw new CheckpointIntegrityException("The parameters do not fit the block (was the model built by"
                    + " the same block factory?): " + e.getMessage(), e);
        }
    }
}
