package io.github.mlhighway.lifecycle.core.condition;

import java.time.Instant;

/**
 * Something that can be checked now and answers with its evidence: drift, a remaining error budget, a burn rate, a
 * schedule, any/all of them. The shared vocabulary of retraining triggers
 * ({@link io.github.mlhighway.lifecycle.core.retrain.RetrainTrigger}) and incident policies
 * ({@link io.github.mlhighway.lifecycle.core.incident.IncidentPolicy}); build them with {@link Conditions}.
 * Implementations may keep state (a schedule remembers when it last fired); {@link #acted} tells them the action
 * they asked for was taken.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface Condition {

    /**
     * Evaluates the condition now.
     *
     * @param now the present, from the caller's clock
     * @return what was found, with the observed values and thresholds
     */
    ConditionResult check(Instant now);

    /**
     * The action this condition asked for (a retrain, an incident) was taken; conditions that count from the last
     * action reset here. Does nothing by default.
     *
     * @param at when
     */
    default void acted(Instant at) {
    }
}
