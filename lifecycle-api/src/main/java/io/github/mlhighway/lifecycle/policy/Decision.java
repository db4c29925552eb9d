package io.github.mlhighway.lifecycle.policy;

import java.util.Map;
import java.util.Objects;

/**
 * One action a policy rule decided, with why and the numbers it saw.
 *
 * @param action   what to do
 * @param rule     the rule that decided it
 * @param slo      the SLO whose state triggered the rule, empty for rules over no single SLO
 * @param reason   a sentence with the numbers
 * @param evidence the numbers, by name (e.g. {@code remaining_fraction}, {@code burn_rate_1h})
 */
public record Decision(Action action, String rule, String slo, String reason, Map<String, Double> evidence) {

    /** Validates and copies the components. */
    public Decision {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(slo, "slo");
        Objects.requireNonNull(reason, "reason");
        evidence = Map.copyOf(evidence);
    }
}
