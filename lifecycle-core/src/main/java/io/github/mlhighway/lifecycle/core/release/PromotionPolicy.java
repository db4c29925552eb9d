package io.github.mlhighway.lifecycle.core.release;

import io.github.mlhighway.lifecycle.policy.Change;
import io.github.mlhighway.lifecycle.policy.PolicyDecision;

/**
 * Asked before every promotion (each step advance and the final one). Pass
 * {@code errorBudgetPolicy::decide}: a blocking decision freezes the release (a pause, not a rollback), and a
 * blocking {@link io.github.mlhighway.lifecycle.policy.Action#ROLLBACK ROLLBACK} rolls it back.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface PromotionPolicy {

    /**
     * Decides for a proposed change.
     *
     * @param change the release asking
     * @return the decision with its evidence
     */
    PolicyDecision decide(Change change);
}
