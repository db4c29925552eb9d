package io.github.mlhighway.lifecycle.core.condition;

/**
 * What one evaluation of a {@link Condition} found: three-valued, so too little data is neither yes nor no.
 *
 * @since 0.1
 */
public enum ConditionStatus {
    /** The condition holds. */
    HOLDS,
    /** The condition was measured and does not hold. */
    CLEAR,
    /**
     * The condition could not be decided (no drift window tested yet, an untestable window, an SLO window with no
     * data). Streaks count it neither way: it neither extends nor breaks them.
     */
    INCONCLUSIVE
}
