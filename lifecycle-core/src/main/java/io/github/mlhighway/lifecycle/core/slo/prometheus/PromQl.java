package io.github.mlhighway.lifecycle.core.slo.prometheus;

import io.github.mlhighway.lifecycle.core.slo.DurationLabels;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/** Small PromQL text helpers: ranges, numbers, selectors and the {@code {{.window}}} placeholder. */
final class PromQl {

    private static final Pattern WINDOW = Pattern.compile("\\{\\{\\s*\\.window\\s*}}");

    private PromQl() {
    }

    /** A Prometheus range in its largest whole unit among d, h, m, s: {@code 5m}, {@code 30d}, {@code 90m}. */
    static String range(Duration duration) {
        return DurationLabels.of(duration);
    }

    /** The shortest decimal text of a number, rounded to 12 significant digits: 14.4, 6, 0.999. */
    static String number(double value) {
        return BigDecimal.valueOf(value).round(new MathContext(12)).stripTrailingZeros().toPlainString();
    }

    /** Exact decimal {@code 1 - objective}: 0.001 for 0.999. */
    static String errorBudget(double objective) {
        return BigDecimal.ONE.subtract(BigDecimal.valueOf(objective)).stripTrailingZeros().toPlainString();
    }

    /** The query with {@code {{.window}}} replaced by the range. */
    static String withWindow(String query, Duration window) {
        return WINDOW.matcher(query).replaceAll(range(window));
    }

    /** A label selector: {@code {a="1", b="2"}} in the given order. */
    static String selector(Map<String, String> labels) {
        StringJoiner joiner = new StringJoiner(", ", "{", "}");
        labels.forEach((name, value) -> joiner.add(name + "=\"" + value.replace("\\", "\\\\").replace("\"", "\\\"")
                .replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + "\""));
        return joiner.toString();
    }
}
