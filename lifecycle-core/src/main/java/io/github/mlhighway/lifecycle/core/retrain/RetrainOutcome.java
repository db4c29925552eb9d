package io.github.mlhighway.lifecycle.core.retrain;

/**
 * What a trigger did at one evaluation.
 *
 * @since 0.1
 */
public enum RetrainOutcome {
    /** The condition does not hold; the trigger is armed. */
    QUIET,
    /**
     * The condition (for an anyOf: an armed part) holds but not yet for enough consecutive evaluations
     * (hysteresis), and no part is due.
     */
    HOLDING,
    /** The action was called. */
    TRIGGERED,
    /**
     * The condition (for an anyOf: every part that holds) still holds after a trigger; the trigger waits for it to
     * clear before it re-arms.
     */
    DISARMED,
    /** The condition holds long enough, but the previous trigger is too recent. */
    COOLDOWN,
    /** The action threw; the trigger stays armed and tries again at the next evaluation. */
    ACTION_FAILED
}
