package io.github.mlhighway.lifecycle.djl;

import java.util.concurrent.RejectedExecutionException;

/**
 * A {@link MicroBatcher} refused a request because its queue of requests waiting for a batch is full: the model
 * cannot keep up with the offered load. Shed load in front of the batcher (a bulkhead in {@code GuardedModel}),
 * raise the queue capacity, or add capacity. The request was not run.
 *
 * @since 0.1
 */
public final class BatchQueueFullException extends RejectedExecutionException {

    private static final long serialVersionUID = 1L;

    private final int capacity;

    /**
     * @param batcher  the batcher's name
     * @param capacity the batcher's queue capacity
     */
    public BatchQueueFullException(String batcher, int capacity) {
        super("Micro-batcher '" + batcher + "' rejected a request: its queue of " + capacity
                + " requests waiting for a batch is full; raise queueCapacity or limit concurrent calls in front of"
                + " the batcher");
        this.capacity = capacity;
    }

    /** @return the queue capacity that was reached */
    public int capacity() {
        return capacity;
    }
}
