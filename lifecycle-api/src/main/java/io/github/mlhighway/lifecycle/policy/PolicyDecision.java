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
 * @param decisions every decision of every matching rule; a lone ALLOW when none matched
 * @param exemption the exemption that let the change through despite a blocking decision, empty if none
 * @param at        when it was decided
 */
public record PolicyDecision(String policy, Change change, List<Decision> decisions, String exemption, Instant at) {

    /** Validates and copies the components. */
    public PolicyDecision {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(exemption, "exemption");
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
     * Whether the change must not proceed: some decision blocks releases and no exemption applies.
     *
     * @return true when the change is blocked
     */
    public boolean blocksChange() {
        return exemption.isEmpty() && decisions.stream().anyMatch(decision -> decision.action().blocksReleases());
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
