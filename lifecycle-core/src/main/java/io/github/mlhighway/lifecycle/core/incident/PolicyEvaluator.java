package io.github.mlhighway.lifecycle.core.incident;

import io.github.mlhighway.lifecycle.core.condition.ConditionResult;
import io.github.mlhighway.lifecycle.core.condition.ConditionStatus;
import io.github.mlhighway.lifecycle.incident.Incident;
import io.github.mlhighway.lifecycle.incident.IncidentEventKind;
import io.github.mlhighway.lifecycle.incident.IncidentEvidence;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates {@link IncidentPolicy incident policies} for the {@link IncidentManager} (which serialises calls):
 * checks the rule the policy is watching, counts the streak (once per observation; inconclusive results count
 * neither way), opens or closes through the manager, and keeps the streak in {@link PolicyStates}.
 */
final class PolicyEvaluator {

    private static final Logger LOG = LoggerFactory.getLogger(IncidentManager.class);

    /** What the evaluator needs of the manager. */
    interface Incidents {
        Optional<Incident> openFor(String key);

        Incident open(IncidentEvidence evidence, String title);

        void close(String id, String reason, Map<String, Double> numbers, Map<String, String> details);
    }

    private final PolicyStates policyStates;
    private final Incidents incidents;

    PolicyEvaluator(PolicyStates policyStates, Incidents incidents) {
        this.policyStates = policyStates;
        this.incidents = incidents;
    }

    PolicyEvaluation evaluate(IncidentPolicy policy, Instant now) {
        Optional<Incident> open = incidents.openFor(policy.key());
        PolicyEvaluation.RuleKind watching = open.isPresent() ? PolicyEvaluation.RuleKind.CLOSE
                : PolicyEvaluation.RuleKind.OPEN;
        IncidentPolicy.Rule rule = open.isPresent() ? policy.closeRule() : policy.openRule();
        PolicyStates.Stored stored = policyStates.read(policy.name());
        PolicyStates.PolicyState state = stored.state();
        if (state.evaluatedAt() != null && now.isBefore(state.evaluatedAt())) {
            // A replay (a stage re-run after a crash on a simulated clock, or a clock set back): the stored state
            // already holds what these evaluations decided, so they change nothing until time passes it again.
            String reason = "Incident policy " + policy.name() + ": not evaluated at " + now + ", before its last "
                    + "evaluation at " + state.evaluatedAt() + " (a replay); nothing changes";
            return new PolicyEvaluation(policy.name(), now, state.watching(), ConditionResult.of(policy.name(),
                    ConditionStatus.INCONCLUSIVE, reason, Map.of()), state.streak(),
                    (state.watching() == PolicyEvaluation.RuleKind.OPEN ? policy.openRule() : policy.closeRule())
                            .consecutive(), PolicyEvaluation.Action.NONE, open.map(Incident::id), reason);
        }
        int streak = state.watching() == watching ? state.streak() : 0;
        String counted = state.watching() == watching ? state.lastObservation() : null;
        ConditionResult result = rule.condition().check(now);
        switch (result.status()) {
            case HOLDS -> {
                if (result.observation() == null || !result.observation().equals(counted)) {
                    streak++;
                    counted = result.observation();
                }
            }
            case CLEAR -> {
                streak = 0;
                counted = null;
            }
            case INCONCLUSIVE -> {
                // counts neither way
            }
        }
        PolicyEvaluation.RuleKind checked = watching;
        String ruleName = checked == PolicyEvaluation.RuleKind.OPEN ? "open" : "close";
        int reached = streak;
        PolicyEvaluation.Action action = PolicyEvaluation.Action.NONE;
        Optional<String> incidentId = open.map(Incident::id);
        String reason;
        if (result.holds() && streak >= rule.consecutive()) {
            Map<String, Double> numbers = new LinkedHashMap<>(result.allEvidence());
            numbers.put(ruleName + ".streak", (double) streak);
            numbers.put(ruleName + ".consecutive", (double) rule.consecutive());
            Map<String, String> details = new LinkedHashMap<>();
            details.put(IncidentManager.POLICY_DETAIL, policy.name());
            details.put("rule", ruleName);
            result.leaves().forEach(leaf -> details.put(leaf.name(), leaf.status().name()));
            reason = "Incident policy " + policy.name() + ": the " + ruleName + " rule held " + streak
                    + " evaluation(s) in a row (" + rule.consecutive() + " needed): "
                    + String.join(" ", result.holdingReasons());
            if (checked == PolicyEvaluation.RuleKind.OPEN) {
                IncidentEvidence evidence = new IncidentEvidence(policy.key(), now,
                        IncidentEventKind.POLICY_DECISION, policy.name(), reason, numbers, details, true, false);
                Incident opened = incidents.open(evidence, policy.title().orElse(reason));
                incidentId = Optional.of(opened.id());
                action = PolicyEvaluation.Action.OPENED;
                watching = PolicyEvaluation.RuleKind.CLOSE;
            } else if (open.get().paging()) {
                action = PolicyEvaluation.Action.HELD_OPEN;
                reason = reason + " A page alert still fires (" + String.join(", ", open.get().firing().keySet())
                        + "): the incident stays open.";
            } else {
                incidents.close(open.get().id(), reason, numbers, details);
                action = PolicyEvaluation.Action.CLOSED;
                watching = PolicyEvaluation.RuleKind.OPEN;
            }
            if (action != PolicyEvaluation.Action.HELD_OPEN) {
                streak = 0;
                counted = null;
            }
        } else {
            reason = "Incident policy " + policy.name() + ": the " + ruleName + " rule "
                    + switch (result.status()) {
                        case HOLDS -> "held " + streak + " of " + rule.consecutive() + " evaluation(s) in a row";
                        case CLEAR -> "does not hold";
                        case INCONCLUSIVE -> "could not be decided (counted neither way; streak " + streak + ")";
                    } + ": " + String.join(" ", result.allReasons());
        }
        policyStates.write(new PolicyStates.PolicyState(policy.name(), watching, streak, counted, now),
                stored.revision());
        if (action != PolicyEvaluation.Action.NONE) {
            LOG.info("{}", reason);
        }
        return new PolicyEvaluation(policy.name(), now, checked, result, reached, rule.consecutive(), action,
                incidentId, reason);
    }
}
