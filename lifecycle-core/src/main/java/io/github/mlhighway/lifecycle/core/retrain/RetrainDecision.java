package io.github.mlhighway.lifecycle.core.retrain;

import io.github.mlhighway.lifecycle.core.condition.ConditionResult;
import java.time.Instant;
import java.util.Objects;

/**
 * One evaluation of a trigger: what it decided and why.
 *
 * @param trigger   the trigger's name
 * @param at        when
 * @param outcome   what it did
 * @param reason    one sentence, with the numbers
 * @param streak    consecutive evaluations the condition has held, this one included (for a top-level anyOf,
 *                  the longest streak among its parts that hold)
 * @param condition what the condition found
 * @since 0.1
 */
public record RetrainDecision(String trigger, Instant at, RetrainOutcome outcome, String reason, int streak,
                              ConditionResult condition) {

    /** Validates the components. */
    public RetrainDecision {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(condition, "condition");
    }
}
