package io.github.mlhighway.lifecycle.core.slo.prometheus;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One Prometheus rule: a {@link Recording} or an {@link Alerting} rule. Labels are kept sorted by name.
 *
 * @since 0.1
 */
public sealed interface Rule permits Rule.Recording, Rule.Alerting {

    /**
     * The PromQL expression.
     *
     * @return the expression
     */
    String expr();

    /**
     * The labels the rule adds, sorted by name.
     *
     * @return the labels
     */
    Map<String, String> labels();

    /**
     * A recording rule.
     *
     * @param record the recorded metric name, e.g. {@code slo:sli_error:ratio_rate5m}
     * @param expr   the expression
     * @param labels the labels
     */
    record Recording(String record, String expr, Map<String, String> labels) implements Rule {
        /** Sorts and copies the labels. */
        public Recording {
            Objects.requireNonNull(record, "record");
            Objects.requireNonNull(expr, "expr");
            labels = Collections.unmodifiableMap(new TreeMap<>(labels));
        }
    }

    /**
     * An alerting rule. It has no {@code for:} duration, as Sloth's: the short window already confirms the burn.
     *
     * @param alert       the alert name
     * @param expr        the expression
     * @param labels      the labels, including {@code severity}
     * @param annotations the annotations, sorted by name
     * @param comments    lines written as YAML comments above the rule (e.g. disabled tiers)
     */
    record Alerting(String alert, String expr, Map<String, String> labels, Map<String, String> annotations,
                    List<String> comments) implements Rule {
        /** Sorts and copies the maps. */
        public Alerting {
            Objects.requireNonNull(alert, "alert");
            Objects.requireNonNull(expr, "expr");
            labels = Collections.unmodifiableMap(new TreeMap<>(labels));
            annotations = Collections.unmodifiableMap(new TreeMap<>(annotations));
            comments = List.copyOf(comments);
        }
    }
}
