package io.github.mlhighway.lifecycle.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.Trainer;
import ai.djl.training.listener.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The training listener {@link DjlTrainer} installs: it records the mean training loss of each epoch, fails the
 * training with a {@link TrainingDivergedException} as soon as a batch loss is NaN or infinite, and forwards every
 * event to the user's listeners with their exceptions isolated (a failing listener is recorded in
 * {@link #listenerFailures()} and never stops training).
 *
 * <p>Not thread-safe: one instance per training run, driven by the training thread.
 *
 * @since 0.1
 */
public final class LifecycleTrainingListener implements TrainingListener {

    private final List<TrainingListener> delegates;
    private final List<Double> epochLosses = new ArrayList<>();
    private final List<RuntimeException> listenerFailures = new ArrayList<>();
    private double lossSum;
    private long lossCount;

    /**
     * @param delegates the user's listeners, called in order, each isolated from the others and from training
     */
    public LifecycleTrainingListener(List<TrainingListener> delegates) {
        this.delegates = List.copyOf(Objects.requireNonNull(delegates, "delegates"));
    }

    @Override
    public void onEpoch(Trainer trainer) {
        double mean = lossCount == 0 ? Double.NaN : lossSum / lossCount;
        epochLosses.add(mean);
        lossSum = 0;
        lossCount = 0;
        forward(l -> l.onEpoch(trainer));
    }

    @Override
    public void onTrainingBatch(Trainer trainer, BatchData batchData) {
        Map<Device, NDList> labels = batchData.getLabels();
        Map<Device, NDList> predictions = batchData.getPredictions();
        for (Map.Entry<Device, NDList> entry : labels.entrySet()) {
            NDList prediction = predictions.get(entry.getKey());
            try (NDArray loss = trainer.getLoss().evaluate(entry.getValue(), prediction)) {
                double value = loss.getFloat();
                long rows = entry.getValue().head().getShape().get(0);
                if (!Double.isFinite(value)) {
                    int epoch = epochLosses.size() + 1;
                    throw new TrainingDivergedException(epoch, "Training diverged: the loss of a batch in epoch "
                            + epoch + " is " + value + " (after " + lossCount + " rows of that epoch). Lower the"
                            + " learning rate, standardize the features, or look for NaN in the data.");
                }
                lossSum += value * rows;
                lossCount += rows;
            }
        }
        forward(l -> l.onTrainingBatch(trainer, batchData));
    }

    @Override
    public void onValidationBatch(Trainer trainer, BatchData batchData) {
        forward(l -> l.onValidationBatch(trainer, batchData));
    }

    @Override
    public void onTrainingBegin(Trainer trainer) {
        forward(l -> l.onTrainingBegin(trainer));
    }

    @Override
    public void onTrainingEnd(Trainer trainer) {
        forward(l -> l.onTrainingEnd(trainer));
    }

    /** @return the mean training loss of each finished epoch, in order (a copy) */
    public List<Double> epochLosses() {
        return List.copyOf(epochLosses);
    }

    /** @return the row-weighted loss sum of the batches of the current, unfinished epoch */
    double partialLossSum() {
        return lossSum;
    }

    /** @return the rows of the batches of the current, unfinished epoch */
    long partialLossRows() {
        return lossCount;
    }

    /**
     * Continues from a checkpoint: the finished epochs' losses and the loss sum of the epoch in progress.
     *
     * @param losses  mean loss of each finished epoch
     * @param sum     row-weighted loss sum of the current epoch so far
     * @param rows    rows of the current epoch so far
     */
    void restore(List<Double> losses, double sum, long rows) {
        epochLosses.clear();
        epochLosses.addAll(losses);
        lossSum = sum;
        lossCount = rows;
    }

    /** @return the exceptions thrown by the user's listeners, in order (a copy) */
    public List<RuntimeException> listenerFailures() {
        return List.copyOf(listenerFailures);
    }

    private void forward(Consumer<TrainingListener> event) {
        for (TrainingListener delegate : delegates) {
            try {
                event.accept(delegate);
            } catch (RuntimeException e) {
                listenerFailures.add(e);
            }
        }
    }
}
