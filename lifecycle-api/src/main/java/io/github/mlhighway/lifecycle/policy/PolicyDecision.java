package io.github.mlhighway.lifecycle.policy;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything an error-budget policy decided for one change at one instant.
 *
 * @param policy    the policy's name
 * @param change    the change that asked
 * @param decisions every decision of every matching rule, each with the exemption that lifts it for this change
 *                  (if any); a lone ALLOW when no rule matched
 * @param at        when it was decided
 * @since 0.1
 */
public record PolicyDecision(String policy, Change change, List<Decision> decisions, Instant at) {

    /** Validates and copies the components. */
    public PolicyDecision {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(at, "at");
        decisions = List.copyOf(decisions);
    }

    /**
     * The distinct actions decided, in rule order.
     *
     * @return the actions
     */
    public Set<Action> actions() {
        Set<Action> actions = new LinkedHashSet<>();
        decisions.forEach(decision -> actions.add(decision.action()));
        return actions;
    }

    /**
     * Whether the change must not proceed: some decision's action blocks releases and no exemption lifts it.
     *
     * @return true when the change is blocked
     */
    public boolean blocksChange() {
        return decisions.stream().anyMatch(Decision::blocks);
    }

    /**
     * The exemptions that lifted a blocking decision for this change.
     *
     * @return exemption names, in decision order
     */
    public Set<String> exemptions() {
        Set<String> names = new LinkedHashSet<>();
        decisions.forEach(decision -> {
            if (!decision.exemption().isEmpty()) {
                names.add(decision.exemption());
            }
        });
        return names;
    }

    /**
     * Whether an action was decided.
     *
     * @param action the action
     * @return true when some rule decided it
     */
    public boolean has(Action action) {
        return actions().contains(action);
    }
}
