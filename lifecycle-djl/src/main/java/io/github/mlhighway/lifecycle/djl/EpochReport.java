package io.github.mlhighway.lifecycle.djl;

/**
 * The SLIs of one training epoch.
 *
 * @param epoch            the epoch, 1-based
 * @param meanLoss         the mean training loss over the epoch's rows
 * @param rows             rows trained in this epoch by the execution that finished it (fewer than the data set
 *                         when the epoch was resumed in the middle)
 * @param seconds          time spent on those rows, from the injected nano-time source
 * @param samplesPerSecond {@code rows / seconds} (0 when no time passed)
 * @param meanBatchMillis  the mean time of one batch, in milliseconds
 * @param maxBatchMillis   the slowest batch, in milliseconds
 * @since 0.1
 */
public record EpochReport(int epoch, double meanLoss, long rows, double seconds, double samplesPerSecond,
                          double meanBatchMillis, double maxBatchMillis) {
}
