package io.github.mlhighway.lifecycle.djl;

/**
 * A {@link MicroBatcher}'s batch SLIs since it was built: counts and totals, from which means follow.
 *
 * @param batches         batches run, failed ones included
 * @param rows            rows run in them
 * @param failedBatches   batches that failed
 * @param largestBatch    the largest batch so far (0 before the first)
 * @param queueWaitNanos  the sum over batches of the oldest row's wait before the forward pass
 * @param forwardNanos    the sum over batches of the time the batch ran
 * @since 0.1
 */
public record BatchStats(long batches, long rows, long failedBatches, int largestBatch, long queueWaitNanos,
                         long forwardNanos) {

    /** @return rows per batch, 0 before the first batch */
    public double meanBatchSize() {
        return batches == 0 ? 0 : (double) rows / batches;
    }

    /** @return the mean oldest-row wait per batch in nanoseconds, 0 before the first batch */
    public double meanQueueWaitNanos() {
        return batches == 0 ? 0 : (double) queueWaitNanos / batches;
    }

    /** @return the mean time a batch ran in nanoseconds, 0 before the first batch */
    public double meanForwardNanos() {
        return batches == 0 ? 0 : (double) forwardNanos / batches;
    }

    /** @return the mean forward time per row in nanoseconds, 0 before the first batch */
    public double forwardNanosPerRow() {
        return rows == 0 ? 0 : (double) forwardNanos / rows;
    }
}
