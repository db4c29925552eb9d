package io.github.mlhighway.lifecycle.core.slo.prometheus;

import io.github.mlhighway.lifecycle.slo.Slo;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The SLI and meta recording rules of one SLO, named as Sloth names them. */
final class SloRecordings {

    private SloRecordings() {
    }

    /** {@code slo:sli_error:ratio_rate<window>} per alert window, and the period averaged over the shortest. */
    static List<Rule> sli(Slo slo, SloLabels labels, SloWindows windows) {
        SliErrorRatio ratio = SliErrorRatio.of(slo);
        List<Rule> rules = new ArrayList<>();
        for (Duration window : windows.alertWindows()) {
            rules.add(new Rule.Recording(name(window), ratio.over(window),
                    labels.with(Map.of("sloth_window", PromQl.range(window)))));
        }
        for (Duration window : EventGuards.countedWindows(slo)) {
            rules.add(new Rule.Recording(eventsName(window), ratio.events(window),
                    labels.with(Map.of("sloth_window", PromQl.range(window)))));
        }
        if (windows.periodIsSeparate()) {
            String base = name(windows.shortest()) + labels.selector() + "[" + PromQl.range(windows.period()) + "]";
            rules.add(new Rule.Recording(name(windows.period()),
                    "sum_over_time(" + base + ")\n/ ignoring (sloth_window)\ncount_over_time(" + base + ")",
                    labels.with(Map.of("sloth_window", PromQl.range(windows.period())))));
        }
        return rules;
    }

    /** Objective, error budget, period, burn rates, remaining budget and {@code sloth_slo_info}. */
    static List<Rule> meta(Slo slo, SloLabels labels, SloWindows windows, RulesConfig config) {
        Map<String, String> common = labels.common();
        String selector = labels.selector();
        String budget = "\n/ on(sloth_id, sloth_slo, sloth_service) group_left\nslo:error_budget:ratio" + selector;
        double days = windows.period().getSeconds() / 86_400.0;
        List<Rule> rules = new ArrayList<>();
        rules.add(new Rule.Recording("slo:objective:ratio", "vector(" + PromQl.number(slo.objective()) + ")", common));
        rules.add(new Rule.Recording("slo:error_budget:ratio", "vector(1-" + PromQl.number(slo.objective()) + ")",
                common));
        rules.add(new Rule.Recording("slo:time_period:days", "vector(" + PromQl.number(days) + ")", common));
        rules.add(new Rule.Recording("slo:current_burn_rate:ratio",
                name(windows.shortest()) + selector + budget, common));
        rules.add(new Rule.Recording("slo:period_burn_rate:ratio", name(windows.period()) + selector + budget,
                common));
        rules.add(new Rule.Recording("slo:period_error_budget_remaining:ratio",
                "1 - slo:period_burn_rate:ratio" + selector, common));
        rules.add(new Rule.Recording("sloth_slo_info", "vector(1)", labels.with(Map.of(
                "sloth_mode", "lifecycle",
                "sloth_objective", BigDecimal.valueOf(slo.objective()).movePointRight(2).stripTrailingZeros()
                        .toPlainString(),
                "sloth_spec", "lifecycle/slo",
                "sloth_version", config.version()))));
        return rules;
    }

    /** {@code slo:sli_events:count<window>}: the events over a tier's long window, for the guards. */
    static String eventsName(Duration window) {
        return "slo:sli_events:count" + PromQl.range(window);
    }

    static String name(Duration window) {
        return "slo:sli_error:ratio_rate" + PromQl.range(window);
    }
}
