package io.github.mlhighway.lifecycle.core.retrain;

import io.github.mlhighway.lifecycle.core.condition.Condition;
import java.time.Instant;

/**
 * A condition that asks for retraining: a {@link Condition} whose {@link #acted} hook is called
 * {@link #retrained}. Implementations may keep state (a schedule remembers the last retrain, a volume condition the
 * label count at the last retrain); {@link RetrainTrigger} calls {@link #retrained} after its action ran. Build them
 * with {@link RetrainConditions}; any {@link Condition} (e.g. from
 * {@link io.github.mlhighway.lifecycle.core.condition.Conditions}) can drive a trigger too.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface RetrainCondition extends Condition {

    /**
     * A retrain was started at the given time; conditions that count from the last retrain reset here.
     *
     * @param at when
     */
    default void retrained(Instant at) {
    }

    /** Calls {@link #retrained}. */
    @Override
    default void acted(Instant at) {
        retrained(at);
    }

    /**
     * A retrain condition that checks a shared condition.
     *
     * @param condition the condition
     * @return the condition as a retrain condition (itself when it is one)
     */
    static RetrainCondition of(Condition condition) {
        java.util.Objects.requireNonNull(condition, "condition");
        if (condition instanceof RetrainCondition retrain) {
            return retrain;
        }
        return new RetrainCondition() {
            @Override
            public io.github.mlhighway.lifecycle.core.condition.ConditionResult check(Instant now) {
                return condition.check(now);
            }

            @Override
            public void retrained(Instant at) {
                condition.acted(at);
            }
        };
    }
}
