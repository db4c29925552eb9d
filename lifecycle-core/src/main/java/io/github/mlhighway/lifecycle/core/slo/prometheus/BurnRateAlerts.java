package io.github.mlhighway.lifecycle.core.slo.prometheus;

import io.github.mlhighway.lifecycle.slo.BurnRateTier;
import io.github.mlhighway.lifecycle.slo.NoDataPolicy;
import io.github.mlhighway.lifecycle.slo.Severity;
import io.github.mlhighway.lifecycle.slo.Slo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The multi-window, multi-burn-rate alerts of one SLO: one alerting rule per severity, firing when any enabled
 * tier of that severity burns at least its factor over both its short and its long window:
 * {@code (short >= (factor * budget)) and ignoring (sloth_window) (long >= (factor * budget))}, tiers joined
 * by {@code or ignoring (sloth_window)}. The engine fires at a burn rate of at least the factor, so the rules
 * use {@code >=} (Sloth writes {@code >}).
 *
 * <p>The minimum-events guard and the no-data policy of the SLO's alert policy are exported as {@link
 * EventGuards} describes (nothing is added with the defaults, so the rules stay Sloth's). Disabled tiers are
 * written as comments.
 */
final class BurnRateAlerts {

    private BurnRateAlerts() {
    }

    static List<Rule> of(Slo slo, SloLabels labels) {
        List<Rule> rules = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            List<String> terms = new ArrayList<>();
            List<String> comments = new ArrayList<>();
            for (BurnRateTier tier : slo.alerting().tiers()) {
                if (tier.severity() != severity) {
                    continue;
                }
                if (!tier.enabled()) {
                    comments.add("tier '" + tier.id() + "' (" + PromQl.number(tier.factor()) + "x over "
                            + PromQl.range(tier.longWindow()) + " and " + PromQl.range(tier.shortWindow())
                            + ") is disabled");
                    continue;
                }
                String threshold = " >= (" + PromQl.number(tier.factor()) + " * "
                        + PromQl.errorBudget(slo.objective()) + "))";
                terms.add("(\n    (" + SloRecordings.name(tier.shortWindow()) + labels.selector() + threshold
                        + "\n    and ignoring (sloth_window)\n    (" + SloRecordings.name(tier.longWindow())
                        + labels.selector() + threshold + EventGuards.minimumEvents(slo, tier, labels) + "\n)");
            }
            Duration noDataWindow = EventGuards.shortestLongWindow(slo, severity);
            if (!terms.isEmpty() && slo.alerting().noData() == NoDataPolicy.BAD) {
                terms.add(EventGuards.noEvents(Objects.requireNonNull(noDataWindow), labels));
            }
            if (terms.isEmpty()) {
                continue;
            }
            String label = severity.label();
            rules.add(new Rule.Alerting(alertName(slo, severity), String.join("\nor ignoring (sloth_window)\n", terms),
                    labels.with(Map.of("severity", label, "sloth_severity", label)),
                    Map.of("summary", "{{$labels.sloth_service}} {{$labels.sloth_slo}} SLO error budget burn rate is "
                                    + "over expected.",
                            "title", "(" + label + ") {{$labels.sloth_service}} {{$labels.sloth_slo}} SLO error "
                                    + "budget burn rate is too fast."),
                    comments));
            if (slo.alerting().noData() == NoDataPolicy.ALERT) {
                rules.add(new Rule.Alerting(alertName(slo, severity).replace("BurnRate", "NoData"),
                        EventGuards.noEvents(Objects.requireNonNull(noDataWindow), labels),
                        labels.with(Map.of("severity", label, "sloth_severity", label)),
                        Map.of("summary", "{{$labels.sloth_service}} {{$labels.sloth_slo}} SLO has no events over "
                                        + PromQl.range(Objects.requireNonNull(noDataWindow)) + ".",
                                "title", "(" + label + ") {{$labels.sloth_service}} {{$labels.sloth_slo}} SLO has no "
                                        + "data."),
                        List.of("no events in the last " + PromQl.range(Objects.requireNonNull(noDataWindow))
                                + ", and the no-data policy is ALERT")));
            }
        }
        return rules;
    }

    /** The comment for a no-data policy the rules cannot express, or {@code null}. */
    static @Nullable String noDataComment(Slo slo) {
        return slo.alerting().noData() == NoDataPolicy.IGNORE && !slo.alerting().tiers().isEmpty()
                ? "no-data policy IGNORE (keep the previous state) is not expressed: without data these alerts resolve"
                : null;
    }

    /** Comments for disabled tiers of severities with no enabled tier, which get no rule to carry them. */
    static List<String> orphanComments(Slo slo, List<Rule> rules) {
        List<String> comments = new ArrayList<>();
        for (BurnRateTier tier : slo.alerting().tiers()) {
            boolean covered = rules.stream().anyMatch(rule -> rule instanceof Rule.Alerting alerting
                    && Objects.requireNonNull(alerting.labels().get("severity")).equals(tier.severity().label()));
            if (!tier.enabled() && !covered) {
                comments.add("tier '" + tier.id() + "' (" + tier.severity().label() + ", "
                        + PromQl.number(tier.factor()) + "x over " + PromQl.range(tier.longWindow()) + " and "
                        + PromQl.range(tier.shortWindow()) + ") is disabled");
            }
        }
        return comments;
    }

    /**
     * The alert name: the SLO name in upper camel case, then {@code BurnRatePage} or {@code BurnRateTicket},
     * e.g. {@code CheckoutAvailabilityBurnRatePage}.
     */
    static String alertName(Slo slo, Severity severity) {
        StringBuilder name = new StringBuilder();
        for (String part : slo.name().split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        if (name.length() == 0 || Character.isDigit(name.charAt(0))) {
            name.insert(0, "Slo");
        }
        String suffix = severity.label();
        return name + "BurnRate" + Character.toUpperCase(suffix.charAt(0)) + suffix.substring(1).toLowerCase(Locale.ROOT);
    }
}
