package io.github.mlhighway.lifecycle.djl;

import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Measures one training execution with the injected nano-time source: batch times, epoch times and rows, and turns
 * them into {@link EpochReport}s, a {@link TrainingReport}, SLO events and one progress line per epoch. Not
 * thread-safe: driven by the training thread.
 */
final class TrainingMetrics {

    private static final double NANOS_PER_MILLI = 1e6;
    private static final double NANOS_PER_SECOND = 1e9;

    private final LongSupplier nanoTime;
    private final @Nullable SloTracker batchTimeSlo;
    private final @Nullable SloTracker trainingTimeSlo;
    private final @Nullable PrintStream progress;
    private final int epochs;
    private final long start;
    private final List<EpochReport> epochReports;
    private long[] batchNanos = new long[256];
    private int batches;
    private long epochStart;
    private long epochRows;
    private long epochBatchNanos;
    private long epochMaxBatchNanos;
    private int epochBatches;

    TrainingMetrics(LongSupplier nanoTime, @Nullable SloTracker batchTimeSlo, @Nullable SloTracker trainingTimeSlo,
                    @Nullable PrintStream progress, int epochs, List<EpochReport> previousEpochs) {
        this.nanoTime = nanoTime;
        this.batchTimeSlo = batchTimeSlo;
        this.trainingTimeSlo = trainingTimeSlo;
        this.progress = progress;
        this.epochs = epochs;
        this.epochReports = new ArrayList<>(previousEpochs);
        this.start = nanoTime.getAsLong();
        this.epochStart = start;
    }

    long now() {
        return nanoTime.getAsLong();
    }

    void epochStarted() {
        epochStart = nanoTime.getAsLong();
        epochRows = 0;
        epochBatchNanos = 0;
        epochMaxBatchNanos = 0;
        epochBatches = 0;
    }

    void batchFinished(long startNanos, int rows) {
        long elapsed = Math.max(0, nanoTime.getAsLong() - startNanos);
        if (batches == batchNanos.length) {
            batchNanos = Arrays.copyOf(batchNanos, batches * 2);
        }
        batchNanos[batches++] = elapsed;
        epochRows += rows;
        epochBatchNanos += elapsed;
        epochMaxBatchNanos = Math.max(epochMaxBatchNanos, elapsed);
        epochBatches++;
        if (batchTimeSlo != null) {
            batchTimeSlo.recordValue(elapsed / NANOS_PER_MILLI);
        }
    }

    void epochFinished(int epoch, double meanLoss) {
        long end = nanoTime.getAsLong();
        double seconds = Math.max(0, end - epochStart) / NANOS_PER_SECOND;
        EpochReport report = new EpochReport(epoch, meanLoss, epochRows, seconds,
                seconds > 0 ? epochRows / seconds : 0,
                epochBatches == 0 ? 0 : epochBatchNanos / NANOS_PER_MILLI / epochBatches,
                epochMaxBatchNanos / NANOS_PER_MILLI);
        epochReports.add(report);
        if (progress != null) {
            progress.println(String.format(Locale.ROOT, "epoch %d/%d  loss %.4f  %.0f samples/s  elapsed %.1f s",
                    epoch, epochs, meanLoss, report.samplesPerSecond(), Math.max(0, end - start) / NANOS_PER_SECOND));
            progress.flush();
        }
    }

    List<EpochReport> epochReports() {
        return List.copyOf(epochReports);
    }

    TrainingReport report(long steps, boolean stoppedEarly, int resumedAtEpoch, int resumedAtBatch, boolean resumed) {
        double seconds = Math.max(0, nanoTime.getAsLong() - start) / NANOS_PER_SECOND;
        if (!stoppedEarly && trainingTimeSlo != null) {
            trainingTimeSlo.recordValue(seconds);
        }
        long[] sorted = Arrays.copyOf(batchNanos, batches);
        Arrays.sort(sorted);
        return new TrainingReport(epochs, epochReports.size(), steps, epochReports,
                percentile(sorted, 0.50), percentile(sorted, 0.95),
                batches == 0 ? 0 : sorted[batches - 1] / NANOS_PER_MILLI, seconds, stoppedEarly, resumed,
                resumedAtEpoch, resumedAtBatch);
    }

    /** Nearest-rank percentile in milliseconds; 0 for no data. */
    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)] / NANOS_PER_MILLI;
    }
}
