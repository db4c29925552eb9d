package io.github.mlhighway.lifecycle.policy;

import java.util.Map;
import java.util.Objects;

/**
 * One action a policy rule decided, with why, the numbers it saw, and the exemption that lifts it for the
 * change at hand (if any).
 *
 * @param action    what to do
 * @param rule      the rule that decided it
 * @param slo       the SLO whose state triggered the rule, empty for rules over no single SLO
 * @param reason    a sentence with the numbers
 * @param evidence  the numbers, by name (e.g. {@code remaining_fraction}, {@code burn_rate})
 * @param exemption the exemption that lets the change through this blocking action, empty if none
 * @since 0.1
 */
public record Decision(Action action, String rule, String slo, String reason, Map<String, Double> evidence,
                       String exemption) {

    /** Validates and copies the components. */
    public Decision {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(slo, "slo");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(exemption, "exemption");
        evidence = Map.copyOf(evidence);
    }

    /**
     * Whether this decision stops the change: its action blocks releases and no exemption lifts it.
     *
     * @return true when blocking
     */
    public boolean blocks() {
        return action.blocksReleases() && exemption.isEmpty();
    }

    /**
     * The same decision, lifted for the change by an exemption.
     *
     * @param name the exemption's name
     * @return the decision
     */
    public Decision exemptedBy(String name) {
        return new Decision(action, rule, slo, reason, evidence, name);
    }
}
