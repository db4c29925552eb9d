package io.github.mlhighway.lifecycle.djl;

import java.time.Duration;

/**
 * No predictor of a {@link PredictorPool} became free within the borrow timeout: every predictor is busy. Raise the
 * pool size, the borrow timeout, or shed load in front of the pool (a bulkhead in {@code GuardedModel}).
 *
 * @since 0.1
 */
public final class PredictorPoolExhaustedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int size;
    private final Duration timeout;

    /**
     * @param pool    the pool's name
     * @param size    the pool's number of predictors
     * @param timeout the borrow timeout that passed
     */
    public PredictorPoolExhaustedException(String pool, int size, Duration timeout) {
        super("Predictor pool '" + pool + "' is exhausted: all " + size + " predictors stayed busy for the borrow"
                + " timeout of " + timeout.toMillis() + " ms; raise the pool size or the borrow timeout, or limit"
                + " concurrent calls in front of the pool");
        this.size = size;
        this.timeout = timeout;
    }

    /** @return the pool's number of predictors */
    public int size() {
        return size;
    }

    /** @return the borrow timeout that passed */
    public Duration timeout() {
        return timeout;
    }
}
