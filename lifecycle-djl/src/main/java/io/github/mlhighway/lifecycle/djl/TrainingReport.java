package io.github.mlhighway.lifecycle.djl;

import java.util.List;

/**
 * What a training run measured: per-epoch loss and speed, batch-time percentiles, and where it started and
 * stopped. Epoch reports survive a resume (they are part of the checkpoint); the batch-time percentiles and
 * {@link #seconds()} describe this execution only.
 *
 * @param epochs          the number of epochs configured
 * @param epochsCompleted the number of epochs finished (less than {@code epochs} when stopped early)
 * @param steps           optimizer steps taken in total, across resumes (drives the learning-rate schedule)
 * @param epochReports    one report per finished epoch, in order
 * @param batchMillisP50  the median batch time of this execution, in milliseconds (0 when it ran no batch)
 * @param batchMillisP95  the 95th percentile batch time of this execution, in milliseconds
 * @param batchMillisMax  the slowest batch of this execution, in milliseconds
 * @param seconds         the training time of this execution
 * @param stoppedEarly    true when a stop request (deadline, cancellation) ended the run before the last epoch
 * @param resumed         true when this execution continued from a checkpoint
 * @param resumedAtEpoch  the number of epochs already finished at the checkpoint (0 when not resumed)
 * @param resumedAtBatch  the batches of the next epoch already trained at the checkpoint (0 when not resumed)
 * @since 0.1
 */
public record TrainingReport(int epochs, int epochsCompleted, long steps, List<EpochReport> epochReports,
                             double batchMillisP50, double batchMillisP95, double batchMillisMax, double seconds,
                             boolean stoppedEarly, boolean resumed, int resumedAtEpoch, int resumedAtBatch) {

    /** Copies the epoch reports. */
    public TrainingReport {
        epochReports = List.copyOf(epochReports);
    }

    /** @return the mean loss of each finished epoch, in order */
    public List<Double> epochLosses() {
        return epochReports.stream().map(EpochReport::meanLoss).toList();
    }

    /** @return the mean loss of the last finished epoch, or NaN when no epoch finished */
    public double finalLoss() {
        return epochReports.isEmpty() ? Double.NaN : epochReports.get(epochReports.size() - 1).meanLoss();
    }
}
