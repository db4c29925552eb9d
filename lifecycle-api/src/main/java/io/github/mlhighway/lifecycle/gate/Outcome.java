package io.github.mlhighway.lifecycle.gate;

/**
 * The outcome of a check, ordered from best to worst for {@link #worst(Outcome, Outcome)}.
 *
 * <p>A missing metric is {@link #FAIL}; too little data to decide is {@link #INCONCLUSIVE}.
 *
 * @since 0.1
 */
public enum Outcome {
    /** The check passed. */
    PASS,
    /** The check passed, but something deserves attention. */
    WARN,
    /** There was not enough evidence to decide either way. */
    INCONCLUSIVE,
    /** The check failed: whatever it guards must not proceed. */
    FAIL;

    /**
     * Returns the more severe of two outcomes, in the order PASS &lt; WARN &lt; INCONCLUSIVE &lt; FAIL.
     *
     * @param a one outcome
     * @param b another outcome
     * @return the more severe of the two
     */
    public static Outcome worst(Outcome a, Outcome b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    /**
     * Whether whatever this outcome guards may proceed: {@code PASS} and {@code WARN} allow it.
     *
     * @return true for PASS and WARN
     */
    public boolean allowsProceeding() {
        return this == PASS || this == WARN;
    }
}
