package io.github.mlhighway.lifecycle.core.release;

/**
 * A manual gate asked before the final promotion, e.g. a button in an operator's console. While it says no the
 * release waits in {@code AWAITING_APPROVAL}, analyses keep running and it is asked again at every interval.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface PromotionApproval {

    /**
     * Whether the candidate may take all traffic now.
     *
     * @param state the release as it stands
     * @return true to promote
     */
    boolean approve(ReleaseState state);
}
