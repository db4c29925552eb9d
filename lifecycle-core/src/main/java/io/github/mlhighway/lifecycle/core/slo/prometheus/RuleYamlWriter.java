package io.github.mlhighway.lifecycle.core.slo.prometheus;

import java.util.List;
import java.util.Map;

/**
 * Writes rule groups as a Prometheus rules file by hand, so the layout is stable, multi-line expressions are
 * literal blocks and disabled tiers can be comments. Every label and annotation value is double-quoted.
 */
final class RuleYamlWriter {

    private RuleYamlWriter() {
    }

    static String write(List<RuleGroup> groups, String header) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(header).append('\n');
        if (groups.isEmpty()) {
            return out.append("groups: []\n").toString();
        }
        out.append("groups:\n");
        for (RuleGroup group : groups) {
            out.append("- name: ").append(quote(group.name())).append('\n');
            group.comments().forEach(comment -> out.append("  # ").append(comment).append('\n'));
            if (group.rules().isEmpty()) {
                out.append("  rules: []\n");
                continue;
            }
            out.append("  rules:\n");
            for (Rule rule : group.rules()) {
                if (rule instanceof Rule.Recording recording) {
                    out.append("  - record: ").append(recording.record()).append('\n');
                } else if (rule instanceof Rule.Alerting alerting) {
                    alerting.comments().forEach(comment -> out.append("  # ").append(comment).append('\n'));
                    out.append("  - alert: ").append(alerting.alert()).append('\n');
                }
                expr(out, rule.expr());
                map(out, "labels", rule.labels());
                if (rule instanceof Rule.Alerting alerting) {
                    map(out, "annotations", alerting.annotations());
                }
            }
        }
        return out.toString();
    }

    private static void expr(StringBuilder out, String expr) {
        if (!expr.contains("\n")) {
            out.append("    expr: ").append(quote(expr)).append('\n');
            return;
        }
        out.append("    expr: |-\n");
        for (String line : expr.split("\n", -1)) {
            out.append(line.isBlank() ? "" : "      " + line.stripTrailing()).append('\n');
        }
    }

    private static void map(StringBuilder out, String key, Map<String, String> values) {
        if (values.isEmpty()) {
            return;
        }
        out.append("    ").append(key).append(":\n");
        values.forEach((name, value) -> out.append("      ").append(name).append(": ").append(quote(value))
                .append('\n'));
    }

    static String quote(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                case '\r' -> quoted.append("\\r");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\x%02x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
