package io.github.mlhighway.lifecycle.core.slo.prometheus;

import io.github.mlhighway.lifecycle.slo.Slo;
import io.github.mlhighway.lifecycle.slo.SloSpecException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Generates Prometheus rules from SLOs exactly in Sloth's style, three groups per SLO:
 * <ol>
 *   <li>{@code sloth-slo-sli-recordings-<id>}: {@code slo:sli_error:ratio_rate<window>} for every window of
 *       the SLO's alert tiers (queries get {@code {{.window}}} replaced by the range), and for the SLO period the
 *       average of the shortest window's ratio ({@code sum_over_time / count_over_time}); each labelled
 *       {@code sloth_id}, {@code sloth_service}, {@code sloth_slo}, {@code sloth_window};</li>
 *   <li>{@code sloth-slo-meta-recordings-<id>}: {@code slo:objective:ratio}, {@code slo:error_budget:ratio},
 *       {@code slo:time_period:days}, {@code slo:current_burn_rate:ratio}, {@code slo:period_burn_rate:ratio},
 *       {@code slo:period_error_budget_remaining:ratio} and {@code sloth_slo_info};</li>
 *   <li>{@code sloth-slo-alerts-<id>}: per severity with an enabled tier, one multi-window multi-burn-rate
 *       alert labelled {@code severity: page|ticket} (see {@link BurnRateAlerts}); left out when no tier is
 *       enabled.</li>
 *   <li>The alert policy's guards, when set: a minimum-events condition on each tier and no-data alerts (see
 *       {@link EventGuards}), with {@code slo:sli_events:count<window>} recordings in the first group.</li>
 * </ol>
 * {@code <id>} is {@code <service>-<name>}, or the name when the SLO has no service. A calendar window is
 * recorded over its nominal length (a month as 30 days).
 *
 * <p>Timeslices and RatioTimeslices SLOs are exported with the same event-ratio rules, because a burn-rate
 * alert on the events is still the right signal (a slice goes bad because its events do), but the rules judge
 * events, not slices: the slice window and a Timeslices slice target are not exported, and the meta recordings
 * (objective, error budget, remaining budget) are computed over events. Each group of such an SLO carries a YAML
 * comment saying so, and {@link #warnings(List)} returns the same text, e.g. for a command to print.
 *
 * <p>Only ratio SLOs with Prometheus queries for both event counts can be exported: threshold and probe
 * indicators, and ratio indicators without queries or with a non-Prometheus source, are refused with a
 * {@link SloSpecException} naming the SLO. The output is deterministic.
 *
 * <p>Thread-safe and immutable.
 *
 * @since 0.1
 */
public final class PrometheusRules {

    private final RulesConfig config;

    /** A generator with {@link RulesConfig#DEFAULTS}. */
    public PrometheusRules() {
        this(RulesConfig.DEFAULTS);
    }

    /**
     * A generator with the given settings.
     *
     * @param config extra labels and version
     */
    public PrometheusRules(RulesConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * The rule groups of one SLO.
     *
     * @param slo a ratio SLO with Prometheus queries
     * @return its groups, in the order above
     * @throws SloSpecException naming the SLO when it cannot be exported
     */
    public List<RuleGroup> groups(Slo slo) {
        SloLabels labels;
        try {
            labels = SloLabels.of(slo, config);
        } catch (IllegalArgumentException e) {
            throw new SloSpecException("SLO '" + slo.name() + "'", "labels", String.valueOf(e.getMessage()));
        }
        SloWindows windows = SloWindows.of(slo);
        List<String> caveat = SliceBudgeting.caveat(slo).stream().toList();
        List<RuleGroup> groups = new ArrayList<>();
        groups.add(new RuleGroup("sloth-slo-sli-recordings-" + labels.id(), SloRecordings.sli(slo, labels, windows),
                caveat));
        groups.add(new RuleGroup("sloth-slo-meta-recordings-" + labels.id(),
                SloRecordings.meta(slo, labels, windows, config), caveat));
        List<Rule> alerts = BurnRateAlerts.of(slo, labels);
        List<String> comments = new ArrayList<>(caveat);
        comments.addAll(BurnRateAlerts.orphanComments(slo, alerts));
        if (BurnRateAlerts.noDataComment(slo) != null) {
            comments.add(BurnRateAlerts.noDataComment(slo));
        }
        if (!alerts.isEmpty()) {
            groups.add(new RuleGroup("sloth-slo-alerts-" + labels.id(), alerts, comments));
        } else if (comments.size() > caveat.size()) {
            groups.add(new RuleGroup("sloth-slo-alerts-" + labels.id(), List.of(), comments));
        }
        return groups;
    }

    /**
     * The rule groups of several SLOs, checking them all before failing.
     *
     * @param slos the SLOs
     * @return their groups, SLO by SLO
     * @throws SloSpecException listing every SLO that cannot be exported, and duplicate SLO ids
     */
    public List<RuleGroup> groups(List<Slo> slos) {
        List<RuleGroup> groups = new ArrayList<>();
        List<SloSpecException.Problem> problems = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Slo slo : slos) {
            try {
                for (RuleGroup group : groups(slo)) {
                    if (names.contains(group.name())) {
                        throw new SloSpecException("SLO '" + slo.name() + "'", "name", "found a second SLO with id '"
                                + group.name().replaceFirst("^sloth-slo-[a-z]+-(recordings-)?", "")
                                + "', expected service and name to be unique");
                    }
                    names.add(group.name());
                    groups.add(group);
                }
            } catch (SloSpecException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new SloSpecException(problems);
        }
        return groups;
    }

    /**
     * What the rules of the SLOs cannot express, one line per SLO that needs one: today, each Timeslices or
     * RatioTimeslices SLO, whose rules judge events rather than slices. The same lines are YAML comments in the
     * SLO's groups.
     *
     * @param slos the SLOs
     * @return the warnings, in SLO order; empty when the rules say everything the SLOs say
     */
    public List<String> warnings(List<Slo> slos) {
        return slos.stream().flatMap(slo -> SliceBudgeting.caveat(slo).stream()).toList();
    }

    /**
     * The rules file of the SLOs, as YAML that {@code promtool check rules} accepts.
     *
     * @param slos the SLOs
     * @return the YAML text
     * @throws SloSpecException listing every SLO that cannot be exported
     */
    public String yaml(List<Slo> slos) {
        return RuleYamlWriter.write(groups(slos), "Generated by Lifecycle " + config.version() + " from "
                + slos.size() + " SLO(s). DO NOT EDIT.");
    }
}
