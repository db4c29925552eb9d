package io.github.mlhighway.lifecycle.core.data.drift;

/**
 * Whether a column drifted, did not, or could not be tested.
 *
 * @since 0.1
 */
public enum DriftStatus {
    /** Significant and at least the minimum effect. */
    DRIFTED,
    /** Tested, and not both significant and large enough. */
    NO_DRIFT,
    /** Not testable: missing on one side, different types, or no values; the message says why. */
    INCONCLUSIVE
}
