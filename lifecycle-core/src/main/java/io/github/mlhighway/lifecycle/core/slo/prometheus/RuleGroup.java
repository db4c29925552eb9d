package io.github.mlhighway.lifecycle.core.slo.prometheus;

import java.util.List;
import java.util.Objects;

/**
 * A Prometheus rule group.
 *
 * @param name     the group name, unique in a file
 * @param rules    the rules, in evaluation order
 * @param comments lines written as YAML comments under the group's rules (e.g. tiers left out)
 * @since 0.1
 */
public record RuleGroup(String name, List<Rule> rules, List<String> comments) {

    /** Copies the lists. */
    public RuleGroup {
        Objects.requireNonNull(name, "name");
        rules = List.copyOf(rules);
        comments = List.copyOf(comments);
    }
}
