package io.github.mlhighway.lifecycle.djl;

/**
 * Training diverged: the loss became NaN or infinite. Lower the learning rate, standardize the features, or
 * check the data for NaN values.
 *
 * @since 0.1
 */
public final class TrainingDivergedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final int epoch;

    /**
     * @param epoch   the epoch (1-based) whose loss was not finite
     * @param message what happened
     */
    public TrainingDivergedException(int epoch, String message) {
        super(message);
        this.epoch = epoch;
    }

    /** @return the epoch (1-based) whose loss was not finite */
    public int epoch() {
        return epoch;
    }
}
