package io.github.mlhighway.lifecycle.slo;

/**
 * The state of one burn-rate alert tier.
 *
 * @since 0.1
 */
public enum AlertStatus {
    /** Both windows burn slower than the tier's factor (or there are too few events to judge). */
    OK,
    /** Both windows burn at least as fast as the tier's factor. */
    FIRING,
    /** The long window holds no events and the no-data policy is {@link NoDataPolicy#ALERT}. */
    NO_DATA;

    /**
     * Whether this state should notify someone.
     *
     * @return true for FIRING and NO_DATA
     */
    public boolean isAlerting() {
        return this != OK;
    }
}
