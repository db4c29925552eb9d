package io.github.mlhighway.lifecycle.core.incident;

import io.github.mlhighway.lifecycle.incident.BudgetImpact;
import io.github.mlhighway.lifecycle.incident.Incident;
import io.github.mlhighway.lifecycle.incident.IncidentEvent;
import io.github.mlhighway.lifecycle.incident.IncidentEventKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Renders a blameless postmortem draft of an incident in Markdown: title, summary (what, when, how long),
 * detection and mitigation times, impact in error-budget terms, the UTC timeline, the evidence numbers, and the
 * sections people fill in (contributing factors, action items, lessons) with prompts that ask about systems and
 * processes, never about who.
 *
 * @since 0.1
 */
public final class PostmortemWriter {

    private PostmortemWriter() {
    }

    /**
     * The postmortem draft.
     *
     * @param incident the incident
     * @param now      the present, for the duration of an incident still open
     * @return Markdown text
     */
    public static String markdown(Incident incident, Instant now) {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(now, "now");
        StringBuilder md = new StringBuilder();
        md.append("# Postmortem (draft): ").append(incident.title()).append("\n\n");
        md.append("> Blameless draft generated from incident `").append(incident.id()).append("`. It describes ")
                .append("what the systems did and what people knew at the time; it names no one as a cause.\n\n");
        summary(md, incident, now);
        detection(md, incident);
        impact(md, incident);
        timeline(md, incident);
        evidence(md, incident);
        toFill(md);
        return md.toString();
    }

    private static void summary(StringBuilder md, Incident incident, Instant now) {
        md.append("## Summary\n\n");
        md.append("- **What**: ").append(incident.title()).append(" (key `").append(incident.key())
                .append("`).\n");
        md.append("- **When**: first bad signal ").append(Texts.utc(incident.firstSignalAt())).append(", opened ")
                .append(Texts.utc(incident.openedAt()));
        incident.closedAt().ifPresent(at -> md.append(", closed ").append(Texts.utc(at)));
        md.append(".\n");
        md.append("- **How long**: ").append(Texts.duration(incident.duration(now)))
                .append(incident.isOpen() ? " so far (still open)" : "").append(".\n");
        md.append("- **Status**: ").append(incident.status().name().toLowerCase(java.util.Locale.ROOT))
                .append(".\n\n");
    }

    private static void detection(StringBuilder md, Incident incident) {
        md.append("## Detection and mitigation\n\n");
        md.append("- **Time to detect** (first bad signal to page): ")
                .append(Texts.duration(incident.detectionTime())).append(".\n");
        md.append("- **Time to mitigate** (first bad signal to rollback or mitigation): ")
                .append(incident.timeToMitigation().map(Texts::duration).orElse("not recorded")).append(".\n");
        boolean unlisted = false;
        for (Map.Entry<String, Integer> tier : incident.alertStarts().entrySet()) {
            long listed = listedFirings(incident, tier.getKey());
            if (tier.getValue() > listed) {
                unlisted = true;
                md.append("- **Flapping**: alert `").append(tier.getKey()).append("` started firing ")
                        .append(tier.getValue()).append(" times during the incident; the timeline lists the first ")
                        .append(listed).append(".\n");
            }
        }
        if (unlisted) {
            md.append("- **Last page signal**: ").append(Texts.utc(incident.lastSignalAt())).append(".\n");
        } else {
            incident.events(IncidentEventKind.ALERT_RESOLVED).stream().reduce((a, b) -> b).ifPresent(last ->
                    md.append("- **Alerts quiet since**: ").append(Texts.utc(last.at())).append(".\n"));
        }
        md.append('\n');
    }

    private static long listedFirings(Incident incident, String sloTier) {
        return incident.events(IncidentEventKind.ALERT_FIRING).stream()
                .filter(e -> sloTier.equals(e.source() + "/" + e.details().get("tier"))).count();
    }

    private static void impact(StringBuilder md, Incident incident) {
        md.append("## Impact\n\n");
        if (incident.budgets().isEmpty()) {
            md.append("_No SLO budget was observed during this incident. Describe the user impact here._\n\n");
            return;
        }
        md.append("| SLO | budget consumed during the incident | budget remaining after | peak burn rate |\n");
        md.append("|---|---:|---:|---:|\n");
        for (BudgetImpact impact : incident.budgets().values()) {
            md.append("| ").append(impact.slo()).append(" | ").append(Texts.percent(impact.consumedDuring()))
                    .append(" | ").append(remaining(impact)).append(" | ")
                    .append(Texts.rate(impact.peakBurnRate())).append(" |\n");
        }
        md.append('\n');
        for (BudgetImpact impact : incident.budgets().values()) {
            md.append("- ").append(impact.slo()).append(": ").append(impactSentence(impact)).append('\n');
        }
        md.append('\n');
    }

    /**
     * One sentence on what an incident cost one SLO's budget. Budgets are shares of the SLO window's allowance,
     * so they can exceed 100% consumed (and the remaining share go below zero): an overspent budget is said to be
     * exhausted and by how much, never "-2581.6% remains"; a budget already spent before the incident is said so,
     * and what the incident added is counted in bad units, not as the difference of two consumed shares.
     *
     * @param impact the impact
     * @return the sentence
     */
    static String impactSentence(BudgetImpact impact) {
        StringBuilder sentence = new StringBuilder();
        if (impact.spentBefore()) {
            sentence.append("the error budget was already spent when the incident began (")
                    .append(Texts.percent(impact.consumedBefore())).append(" consumed); the incident used another ")
                    .append(Texts.percent(impact.consumedDuring())).append(" of it (")
                    .append(Texts.percent(impact.consumedLatest())).append(" consumed at the end); ");
        } else {
            sentence.append("the incident spent ").append(Texts.percent(impact.consumedDuring()))
                    .append(" of the error budget (from ").append(Texts.percent(impact.consumedBefore()))
                    .append(" to ").append(Texts.percent(impact.consumedLatest())).append(" consumed); ");
        }
        if (impact.remainingLatest() > 0) {
            sentence.append(Texts.percent(impact.remainingLatest())).append(" remains.");
        } else if (impact.overspent() > 0) {
            sentence.append("the budget is exhausted, overspent by ").append(Texts.percent(impact.overspent()))
                    .append(".");
        } else {
            sentence.append("the budget is exhausted.");
        }
        return sentence.toString();
    }

    private static String remaining(BudgetImpact impact) {
        if (impact.remainingLatest() >= 0) {
            return Texts.percent(impact.remainingLatest());
        }
        return "none (overspent by " + Texts.percent(impact.overspent()) + ")";
    }

    private static void timeline(StringBuilder md, Incident incident) {
        md.append("## Timeline (UTC)\n\n");
        md.append("| time | event | what happened |\n|---|---|---|\n");
        for (IncidentEvent event : incident.timeline()) {
            md.append("| ").append(Texts.utc(event.at())).append(" | ").append(kind(event.kind())).append(" | ")
                    .append(cell(event.sentence())).append(" |\n");
        }
        md.append('\n');
    }

    private static void evidence(StringBuilder md, Incident incident) {
        md.append("## Evidence\n\n");
        List<IncidentEvent> withEvidence = incident.timeline().stream()
                .filter(e -> !e.numbers().isEmpty() || !e.details().isEmpty()).toList();
        if (withEvidence.isEmpty()) {
            md.append("_No numbers were recorded._\n\n");
            return;
        }
        for (IncidentEvent event : withEvidence) {
            md.append("- ").append(Texts.CLOCK.format(event.at())).append(' ').append(kind(event.kind()))
                    .append(" (").append(event.source()).append("): ");
            String numbers = event.numbers().entrySet().stream()
                    .map(e -> "`" + e.getKey() + "` = " + Texts.number(e.getValue()))
                    .collect(Collectors.joining(", "));
            String details = event.details().entrySet().stream()
                    .map((Map.Entry<String, String> e) -> "`" + e.getKey() + "` = " + e.getValue())
                    .collect(Collectors.joining(", "));
            md.append(numbers).append(numbers.isEmpty() || details.isEmpty() ? "" : "; ").append(details)
                    .append('\n');
        }
        md.append('\n');
    }

    private static void toFill(StringBuilder md) {
        md.append("## Contributing factors\n\n");
        md.append("_To fill in. Which conditions in systems, data, tooling and process made this possible? "
                + "What changed shortly before the first bad signal (a model version, input data, a dependency, "
                + "traffic)? Why did the safeguards not catch it earlier? Describe systems and decisions in "
                + "context, never a person as the cause._\n\n- \n\n");
        md.append("## Action items\n\n");
        md.append("_To fill in: each item prevents, detects or mitigates a recurrence, and has an owner and a "
                + "tracking link._\n\n");
        md.append("| action | type (prevent / detect / mitigate) | owner | due | tracking |\n");
        md.append("|---|---|---|---|---|\n");
        md.append("|  |  |  |  |  |\n\n");
        md.append("## Lessons learned\n\n");
        md.append("- **What went well**: _to fill in_\n");
        md.append("- **What went poorly**: _to fill in_\n");
        md.append("- **Where we got lucky**: _to fill in_\n");
    }

    private static String kind(IncidentEventKind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
