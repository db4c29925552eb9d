package io.github.mlhighway.lifecycle.core.retrain;

import java.time.Instant;

/**
 * A condition that asks for retraining. Implementations may keep state (a schedule remembers the last retrain, a
 * volume condition the label count at the last retrain); {@link RetrainTrigger} calls {@link #retrained} after its
 * action ran. Build them with {@link RetrainConditions}.
 */
public interface RetrainCondition {

    /**
     * Evaluates the condition now.
     *
     * @param now the present, from the trigger's clock
     * @return what was found, with reasons and numbers
     */
    ConditionResult check(Instant now);

    /**
     * A retrain was started at the given time; conditions that count from the last retrain reset here.
     *
     * @param at when
     */
    default void retrained(Instant at) {
    }
}
