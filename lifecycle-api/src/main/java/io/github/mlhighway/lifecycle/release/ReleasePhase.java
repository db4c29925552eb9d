package io.github.mlhighway.lifecycle.release;

/**
 * Where a release is in its life.
 *
 * @since 0.1
 */
public enum ReleasePhase {
    /** Analyses run every interval and successful ones advance the release. */
    PROGRESSING,
    /** Analyses run, but the error-budget policy blocks promotion; it resumes by itself when allowed. */
    FROZEN,
    /** Analyses run, but the final promotion waits for the manual approval callback to say yes. */
    AWAITING_APPROVAL,
    /** Halted (by hand, by missing data or by too many inconclusive analyses) until {@code resume()}. */
    PAUSED,
    /** The candidate serves all traffic. Terminal. */
    PROMOTED,
    /** The baseline serves all traffic again after a failed analysis, a page alert or the policy. Terminal. */
    ROLLED_BACK,
    /** Stopped by hand; the baseline serves all traffic. Terminal. */
    ABORTED;

    /**
     * Whether the release is over.
     *
     * @return true for PROMOTED, ROLLED_BACK and ABORTED
     */
    public boolean isTerminal() {
        return this == PROMOTED || this == ROLLED_BACK || this == ABORTED;
    }
}
