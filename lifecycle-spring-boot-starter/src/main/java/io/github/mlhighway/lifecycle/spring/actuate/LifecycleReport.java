package io.github.mlhighway.lifecycle.spring.actuate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the {@code lifecycle} Actuator endpoint shows: the runtime's SLOs, its releases, the open incidents and the
 * registry's aliases, as of one instant of the runtime's clock.
 *
 * @param at        when, on the runtime's clock (ISO-8601)
 * @param slos      every SLO tracked by the runtime, by name
 * @param releases  every release opened by the runtime, by id
 * @param incidents the open incidents
 * @param aliases   per model, its aliases and the versions they point at
 * @since 0.1
 */
public record LifecycleReport(String at, List<SloReport> slos, List<ReleaseReport> releases,
                              List<IncidentReport> incidents, Map<String, Map<String, Integer>> aliases) {

    /** Copies the lists and maps. */
    public LifecycleReport {
        slos = List.copyOf(slos);
        releases = List.copyOf(releases);
        incidents = List.copyOf(incidents);
        aliases = Collections.unmodifiableMap(new LinkedHashMap<>(aliases));
    }

    /**
     * One SLO.
     *
     * @param name            the SLO's name (the {@code slo} tag of its meters, {@code sloth_slo} of its rules)
     * @param service         its service, empty when none
     * @param objective       the objective, e.g. 0.999
     * @param sli             the SLI over the SLO window
     * @param budgetRemaining share of the error budget left; negative when overspent
     * @param burnRates       burn rate per window label ({@code 5m}, {@code 1h}, ...); absent where not computable
     * @param alertsFiring    the alert tiers firing now, as {@code tier (severity)}
     * @param summary         one sentence for people
     */
    public record SloReport(String name, String service, double objective, double sli, double budgetRemaining,
                            Map<String, Double> burnRates, List<String> alertsFiring, String summary) {

        /** Copies the map and list. */
        public SloReport {
            burnRates = Collections.unmodifiableMap(new LinkedHashMap<>(burnRates));
            alertsFiring = List.copyOf(alertsFiring);
        }
    }

    /**
     * One release.
     *
     * @param id             the release id
     * @param strategy       canary, shadow, A/B or blue/green
     * @param phase          where it is (PROGRESSING, FROZEN, AWAITING_APPROVAL, PAUSED, PROMOTED, ...)
     * @param step           the current step, -1 before the first
     * @param steps          the candidate's weight at each step, in percent
     * @param weights        each version's share of traffic now, in percent
     * @param failures       failed analyses so far
     * @param nextAnalysisAt when the next analysis is due (ISO-8601)
     * @param reason         why it is in its phase
     * @param lastAnalysis   the last analysis, or null before the first
     */
    public record ReleaseReport(String id, String strategy, String phase, int step, List<Integer> steps,
                                Map<String, Integer> weights, int failures, String nextAnalysisAt, String reason,
                                @Nullable AnalysisReport lastAnalysis) {
    }

    /**
     * One analysis of a release.
     *
     * @param at      when (ISO-8601)
     * @param verdict PASS, WARN, FAIL or INCONCLUSIVE
     * @param message the journal's sentence, with the numbers
     */
    public record AnalysisReport(String at, String verdict, String message) {
    }

    /**
     * One open incident.
     *
     * @param id            the incident id
     * @param key           its deduplication key (an SLO or a release)
     * @param title         one line
     * @param firstSignalAt the first bad signal (ISO-8601)
     * @param openedAt      when it was opened (ISO-8601)
     * @param mitigatedAt   when the impact stopped, or null
     * @param firing        alert tiers firing now ({@code slo/tier}) and their severity
     */
    public record IncidentReport(String id, String key, String title, String firstSignalAt, String openedAt,
                                 @Nullable String mitigatedAt, Map<String, String> firing) {
    }
}
