package io.github.mlhighway.lifecycle.core.incident;

import io.github.mlhighway.lifecycle.core.condition.ConditionResult;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One evaluation of an {@link IncidentPolicy}: which rule was checked, what it found, the streak, and what the
 * manager did.
 *
 * @param policy     the policy's name
 * @param at         when
 * @param rule       the rule checked: the open rule while no incident was open for the key, else the close rule
 * @param result     what the rule's condition found, with its evidence
 * @param streak     consecutive evaluations (observations) the rule has held, after this one
 * @param required   how many it needs
 * @param action     what the manager did
 * @param incidentId the incident opened, closed or held open, if any
 * @param reason     one sentence
 * @since 0.1
 */
public record PolicyEvaluation(String policy, Instant at, RuleKind rule, ConditionResult result, int streak,
                               int required, Action action, Optional<String> incidentId, String reason) {

    /** Validates the components. */
    public PolicyEvaluation {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(action, "action");
        incidentId = incidentId == null ? Optional.empty() : incidentId;
        Objects.requireNonNull(reason, "reason");
    }

    /** Which rule of the policy was checked. */
    public enum RuleKind {
        /** The open rule (no incident was open for the key). */
        OPEN,
        /** The close rule (an incident was open). */
        CLOSE
    }

    /** What the manager did after the evaluation. */
    public enum Action {
        /** Nothing yet: the rule does not hold, or not for long enough, or could not be decided. */
        NONE,
        /** The open rule held long enough: an incident was opened. */
        OPENED,
        /** The close rule held long enough: the incident was closed. */
        CLOSED,
        /** The close rule held long enough, but a page alert of the incident fires: it stays open. */
        HELD_OPEN
    }
}
