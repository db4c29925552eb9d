package io.github.mlhighway.lifecycle.core.policy;

import io.github.mlhighway.lifecycle.policy.Action;
import java.util.Objects;

/**
 * One rule of an error-budget policy: when the condition holds for an SLO, decide the action.
 *
 * @param name   stable rule name, used in decisions and verdict findings
 * @param when   the condition
 * @param action the action decided
 */
record PolicyRule(String name, BudgetCondition when, Action action) {

    /** Validates the components. */
    public PolicyRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(action, "action");
        if (name.isBlank()) {
            throw new IllegalArgumentException("Policy rule name must not be blank");
        }
    }
}
