package io.github.mlhighway.lifecycle.core.slo.prometheus;

import io.github.mlhighway.lifecycle.slo.Indicator;
import io.github.mlhighway.lifecycle.slo.MetricSource;
import io.github.mlhighway.lifecycle.slo.Slo;
import io.github.mlhighway.lifecycle.slo.SloSpecException;
import java.time.Duration;
import java.util.Locale;

/**
 * The PromQL error ratio of a ratio SLO over a window, as Sloth writes it: {@code 1 - (good / total)} when the
 * indicator counts good events, {@code bad / total} when it counts bad ones. Only ratio indicators with
 * Prometheus queries for both sides qualify.
 */
final class SliErrorRatio {

    private final String counted;
    private final String total;
    private final boolean good;

    private SliErrorRatio(String counted, String total, boolean good) {
        this.counted = counted;
        this.total = total;
        this.good = good;
    }

    /**
     * The error ratio of the SLO.
     *
     * @throws SloSpecException naming the SLO when its indicator has no usable Prometheus ratio
     */
    static SliErrorRatio of(Slo slo) {
        String source = "SLO '" + slo.name() + "'";
        if (!(slo.indicator() instanceof Indicator.Ratio ratio)) {
            String kind = slo.indicator() instanceof Indicator.Threshold ? "threshold" : "probe";
            throw new SloSpecException(source, "indicator", "found a " + kind + " indicator, expected a ratio "
                    + "indicator with Prometheus queries for good (or bad) and total events: Prometheus rules are "
                    + "generated from event ratios only");
        }
        requirePrometheus(source, "indicator.counted", ratio.counted());
        requirePrometheus(source, "indicator.total", ratio.total());
        return new SliErrorRatio(ratio.counted().query().trim(), ratio.total().query().trim(),
                ratio.counting() == Indicator.Counting.GOOD);
    }

    private static void requirePrometheus(String source, String path, MetricSource metric) {
        if (!metric.isDefined()) {
            throw new SloSpecException(source, path, "found no query, expected a PromQL query (it may use "
                    + "{{.window}} for the range)");
        }
        String type = metric.type().toLowerCase(Locale.ROOT);
        if (!type.isEmpty() && !type.equals("prometheus")) {
            throw new SloSpecException(source, path, "found metric source type '" + metric.type()
                    + "', expected prometheus");
        }
    }

    /** The expression over the window, laid out as Sloth lays it out. */
    String over(Duration window) {
        String countedQuery = indent(PromQl.withWindow(counted, window), good ? "      " : "    ");
        String totalQuery = indent(PromQl.withWindow(total, window), good ? "      " : "    ");
        if (good) {
            return "(\n  1 - (\n    (\n" + countedQuery + "\n    )\n    /\n    (\n" + totalQuery + "\n    )\n  )\n)";
        }
        return "(\n  (\n" + countedQuery + "\n  )\n  /\n  (\n" + totalQuery + "\n  )\n)";
    }

    /**
     * The number of events over the window: the total query over it, times the window's seconds unless the query
     * uses {@code increase(} (a count already): total queries are per-second rates in Sloth's convention
     * ({@code sum(rate(...[{{.window}}]))}), so rate times seconds is the count.
     */
    String events(Duration window) {
        String query = PromQl.withWindow(total, window);
        if (total.contains("increase(")) {
            return "(\n" + indent(query, "  ") + "\n)";
        }
        return "(\n" + indent(query, "  ") + "\n) * " + window.getSeconds();
    }

    private static String indent(String text, String prefix) {
        return prefix + text.replace("\n", "\n" + prefix);
    }
}
