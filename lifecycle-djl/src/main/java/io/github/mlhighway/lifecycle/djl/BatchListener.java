package io.github.mlhighway.lifecycle.djl;

/**
 * Told about every batch a {@link MicroBatcher} runs: its per-batch SLIs. Called on the thread that led the batch,
 * after the forward pass and before the batch's callers are answered, so an implementation must be quick, must not
 * block, and should not allocate ({@link BatchSlis} records on SLO trackers: lock-free, allocation-free).
 *
 * @since 0.1
 */
@FunctionalInterface
public interface BatchListener {

    /**
     * @param size           the batch's rows, 1 to the batcher's max batch size
     * @param queueWaitNanos how long the batch's oldest row waited, from its arrival to the start of the forward
     *                       pass (collecting the batch included)
     * @param forwardNanos   how long the batch ran: translation, forward pass and reading the output
     * @param failed         whether the batch failed (its callers get the exception)
     */
    void batchRan(int size, long queueWaitNanos, long forwardNanos, boolean failed);
}
