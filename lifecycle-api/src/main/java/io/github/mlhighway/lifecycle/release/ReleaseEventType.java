package io.github.mlhighway.lifecycle.release;

/**
 * What happened to a release; every journal entry and every event has one.
 *
 * @since 0.1
 */
public enum ReleaseEventType {
    /** The release was created and its first step published. */
    STARTED,
    /** An analysis ran (its verdict is in the journal). */
    ANALYSIS,
    /** The candidate's weight grew to the next step. */
    STEP_ADVANCED,
    /** The error-budget policy blocked a promotion. */
    FROZEN,
    /** A promotion waits for manual approval. */
    AWAITING_APPROVAL,
    /** The release was halted. */
    PAUSED,
    /** A paused release was resumed by hand. */
    RESUMED,
    /** The candidate now serves all traffic. */
    PROMOTED,
    /** The baseline serves all traffic again. */
    ROLLED_BACK,
    /** The release was aborted by hand. */
    ABORTED
}
