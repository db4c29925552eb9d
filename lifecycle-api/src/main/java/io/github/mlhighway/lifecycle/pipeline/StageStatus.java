package io.github.mlhighway.lifecycle.pipeline;

/**
 * Where one stage of a run stands.
 *
 * @since 0.1
 */
public enum StageStatus {
    /** Not started yet. */
    PENDING,
    /** Executing (or its process died while it was). */
    RUNNING,
    /** Completed; its output is checkpointed and will not be computed again. */
    SUCCEEDED,
    /** Failed after its last attempt. */
    FAILED,
    /** Went past its own or the run's deadline. */
    DEADLINE_EXCEEDED,
    /** Stopped because the run was cancelled. */
    CANCELLED
}
