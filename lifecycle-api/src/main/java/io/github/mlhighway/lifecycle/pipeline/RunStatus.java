package io.github.mlhighway.lifecycle.pipeline;

/**
 * Where a run stands. Every status but {@link #RUNNING} is final for one execution; a run id may be resumed.
 *
 * @since 0.1
 */
public enum RunStatus {
    /** The run is executing, or its process died while it was (resuming continues it). */
    RUNNING,
    /** Every stage completed and every gate allowed proceeding. */
    SUCCEEDED,
    /** A stage failed after its last attempt. */
    FAILED,
    /** A gate said FAIL (or INCONCLUSIVE, unless configured to proceed); its verdict is in the record. */
    STOPPED_BY_GATE,
    /** A stage or the run went past its deadline. */
    DEADLINE_EXCEEDED,
    /** The run was cancelled. */
    CANCELLED;

    /** @return true for every status but RUNNING */
    public boolean finished() {
        return this != RUNNING;
    }
}
