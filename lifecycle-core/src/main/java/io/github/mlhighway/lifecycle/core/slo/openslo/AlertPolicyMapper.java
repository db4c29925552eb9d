package io.github.mlhighway.lifecycle.core.slo.openslo;

import io.github.mlhighway.lifecycle.core.slo.DurationLabels;
import io.github.mlhighway.lifecycle.slo.AlertPolicy;
import io.github.mlhighway.lifecycle.slo.BurnRateTier;
import io.github.mlhighway.lifecycle.slo.NoDataPolicy;
import io.github.mlhighway.lifecycle.slo.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Maps an SLO document's alert policies to one engine {@link AlertPolicy}: every burn-rate condition becomes a
 * {@link BurnRateTier} whose factor is the condition's threshold, long window its lookback window and short
 * window a twelfth of that (the SRE Workbook's ratio). A condition's {@code alertAfter} stays in the document
 * only, with a warning that names the short window chosen instead. See the package documentation for
 * severities.
 */
final class AlertPolicyMapper {

    /** The Workbook's long-to-short window ratio: 1h/5m, 6h/30m, 3d/6h. */
    static final int SHORT_WINDOW_DIVISOR = 12;
    /** Long windows up to this length page when the severity is neither page nor ticket. */
    static final Duration PAGE_UP_TO = Duration.ofHours(6);

    private final DocumentIndex index;

    AlertPolicyMapper(DocumentIndex index) {
        this.index = index;
    }

    /**
     * The policy, or {@code null} when the document has none (the caller applies the default) or after
     * reporting problems.
     */
    @Nullable AlertPolicy map(Located<SloDocument> slo, double objective, Duration period, boolean[] failed) {
        List<SloDocument.AlertPolicyEntry> entries = slo.value().spec().alertPolicies();
        if (entries.isEmpty()) {
            return null;
        }
        List<BurnRateTier> tiers = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        boolean noData = false;
        java.util.Map<AlertPolicyDocument, Integer> used = new java.util.IdentityHashMap<>();
        for (int j = 0; j < entries.size(); j++) {
            Located<AlertPolicyDocument> policy = policy(slo, j, entries.get(j), failed);
            if (policy == null) {
                continue;
            }
            Integer first = used.putIfAbsent(policy.value(), j);
            if (first != null) {
                slo.problem("spec.alertPolicies[" + j + "]",
                        "found AlertPolicy " + SpecNode.quote(policy.value().name())
                        + " again (first at spec.alertPolicies[" + first + "]), expected each alert policy once: its "
                        + "tiers would be counted twice");
                failed[0] = true;
                continue;
            }
            noData |= Boolean.TRUE.equals(policy.value().spec().alertWhenNoData());
            List<AlertPolicyDocument.ConditionEntry> conditions = policy.value().spec().conditions();
            for (int k = 0; k < conditions.size(); k++) {
                Located<AlertConditionDocument> condition = condition(policy, k, conditions.get(k), failed);
                if (condition == null) {
                    continue;
                }
                BurnRateTier tier = tier(condition, Objects.requireNonNull(policy.value().name()), ids, objective,
                        period);
                if (tier == null) {
                    failed[0] = true;
                } else {
                    tiers.add(tier);
                }
            }
        }
        AlertPolicy result = new AlertPolicy(tiers, AlertPolicy.DEFAULT_MINIMUM_EVENTS, AlertPolicy.DEFAULT_NO_DATA);
        return noData ? result.withNoData(NoDataPolicy.ALERT) : result;
    }

    private @Nullable Located<AlertPolicyDocument> policy(Located<SloDocument> slo, int j,
                                                          SloDocument.AlertPolicyEntry entry, boolean[] failed) {
        String path = "spec.alertPolicies[" + j + "]";
        if (entry.inline() != null) {
            return new Located<>(entry.inline(), slo.problems(), slo.at(path));
        }
        String ref = entry.alertPolicyRef();
        // No reference (the reader reported it, or a document built in code): reported as not found below.
        Located<AlertPolicyDocument> found = ref == null ? null : index.find(AlertPolicyDocument.KIND, ref);
        if (found == null) {
            slo.problem(path + ".alertPolicyRef", "found '" + entry.alertPolicyRef() + "', expected the name of an "
                    + "AlertPolicy document in the given files (" + index.known(AlertPolicyDocument.KIND) + ")");
            failed[0] = true;
        }
        return found;
    }

    private @Nullable Located<AlertConditionDocument> condition(Located<AlertPolicyDocument> policy, int k,
                                                                AlertPolicyDocument.ConditionEntry entry,
                                                                boolean[] failed) {
        String path = "spec.conditions[" + k + "]";
        if (entry.inline() != null) {
            return new Located<>(entry.inline(), policy.problems(), policy.at(path));
        }
        String ref = entry.conditionRef();
        // No reference (the reader reported it, or a document built in code): reported as not found below.
        Located<AlertConditionDocument> found = ref == null ? null : index.find(AlertConditionDocument.KIND, ref);
        if (found == null) {
            policy.problem(path + ".conditionRef", "found '" + entry.conditionRef() + "', expected the name of an "
                    + "AlertCondition document in the given files (" + index.known(AlertConditionDocument.KIND) + ")");
            failed[0] = true;
        }
        return found;
    }

    private static @Nullable BurnRateTier tier(Located<AlertConditionDocument> located, String policyName,
                                               Set<String> ids, double objective, Duration period) {
        AlertConditionDocument.Spec spec = located.value().spec();
        AlertConditionDocument.Condition condition = spec.condition();
        if (condition == null || condition.threshold() == null || condition.lookbackWindow() == null) {
            return null;
        }
        String path = "spec.condition";
        boolean ok = true;
        if (!"gt".equals(condition.op()) && !"gte".equals(condition.op())) {
            located.problem(path + ".op", "found '" + condition.op() + "', expected gt or gte: a burn-rate alert "
                    + "fires when the burn rate rises above its threshold");
            ok = false;
        }
        Duration longWindow = WindowMapper.fixed(located, path + ".lookbackWindow", condition.lookbackWindow());
        if (longWindow == null) {
            return null;
        }
        Duration shortWindow = Duration.ofSeconds(longWindow.getSeconds() / SHORT_WINDOW_DIVISOR);
        if (shortWindow.isZero()) {
            located.problem(path + ".lookbackWindow", "found '" + condition.lookbackWindow() + "', expected at least "
                    + SHORT_WINDOW_DIVISOR + "s: the short window is a twelfth of it");
            ok = false;
        }
        if (longWindow.compareTo(period) > 0) {
            located.problem(path + ".lookbackWindow", "found '" + condition.lookbackWindow()
                    + "', expected at most the SLO window (" + period + ")");
            ok = false;
        }
        double maxFactor = 1.0 / (1.0 - objective);
        if (condition.threshold() > maxFactor * (1 + 1e-9)) {
            located.problem(path + ".threshold", String.format(Locale.ROOT,
                    "found %s, expected at most %.4g: burn rate %s needs an error ratio of %.4g, more than 100%%, "
                            + "with objective %s, so this alert could never fire", condition.threshold(), maxFactor,
                    condition.threshold(), condition.threshold() * (1 - objective), objective));
            ok = false;
        }
        String name = located.value().name();
        if (name == null) {
            // Only a condition built in code lacks metadata: the reader requires it.
            located.problem("metadata", "missing, expected metadata with a name: it names the burn-rate tier");
            return null;
        }
        String id = name;
        if (!ids.add(id)) {
            id = policyName + "-" + id;
            if (!ids.add(id)) {
                located.problem("metadata.name", "found condition '" + name
                        + "' twice in the SLO's alert policies, expected each condition once");
                ok = false;
            }
        }
        if (!ok) {
            return null;
        }
        if (condition.alertAfter() != null) {
            located.warning(path + ".alertAfter", "found '" + condition.alertAfter() + "', kept in the document but "
                    + "not used for the engine's burn-rate tiers: the tier fires when both its long window ("
                    + DurationLabels.of(longWindow) + ") and its short window (" + DurationLabels.of(shortWindow)
                    + ", a twelfth of lookbackWindow) burn too fast, with no 'for' duration");
        }
        Severity severity = severity(located, spec.severity(), longWindow);
        try {
            return new BurnRateTier(id, severity, longWindow, shortWindow, condition.threshold(), true);
        } catch (IllegalArgumentException e) {
            located.problem(path, String.valueOf(e.getMessage()));
            return null;
        }
    }

    private static Severity severity(Located<AlertConditionDocument> located, @Nullable String text,
                                     Duration longWindow) {
        // A missing severity (the reader reports it) is derived like an unknown one.
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (value.equals("page")) {
            return Severity.PAGE;
        }
        if (value.equals("ticket")) {
            return Severity.TICKET;
        }
        Severity derived = longWindow.compareTo(PAGE_UP_TO) <= 0 ? Severity.PAGE : Severity.TICKET;
        located.warning("spec.severity", "read severity '" + text + "' as " + derived.label() + " (long window "
                + longWindow + "; up to " + PAGE_UP_TO + " pages): write page or ticket to choose");
        return derived;
    }
}
