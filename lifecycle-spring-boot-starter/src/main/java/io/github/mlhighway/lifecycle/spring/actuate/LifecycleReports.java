package io.github.mlhighway.lifecycle.spring.actuate;

import io.github.mlhighway.lifecycle.core.release.JournalEntry;
import io.github.mlhighway.lifecycle.core.release.ReleaseConfig;
import io.github.mlhighway.lifecycle.core.release.ReleaseController;
import io.github.mlhighway.lifecycle.core.release.ReleaseState;
import io.github.mlhighway.lifecycle.core.runtime.Lifecycle;
import io.github.mlhighway.lifecycle.core.slo.DurationLabels;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.incident.Incident;
import io.github.mlhighway.lifecycle.slo.AlertState;
import io.github.mlhighway.lifecycle.slo.BurnRate;
import io.github.mlhighway.lifecycle.slo.ErrorBudget;
import io.github.mlhighway.lifecycle.spring.actuate.LifecycleReport.AnalysisReport;
import io.github.mlhighway.lifecycle.spring.actuate.LifecycleReport.IncidentReport;
import io.github.mlhighway.lifecycle.spring.actuate.LifecycleReport.ReleaseReport;
import io.github.mlhighway.lifecycle.spring.actuate.LifecycleReport.SloReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Reads a {@link Lifecycle} into the endpoint's {@link LifecycleReport}. Reads only. */
final class LifecycleReports {

    private LifecycleReports() {
    }

    static LifecycleReport of(Lifecycle lifecycle) {
        List<SloReport> slos = new ArrayList<>();
        List<SloTracker> trackers = new ArrayList<>(lifecycle.slos().trackers());
        trackers.sort(Comparator.comparing(tracker -> tracker.slo().name()));
        for (SloTracker tracker : trackers) {
            slos.add(slo(tracker));
        }
        List<ReleaseReport> releases = lifecycle.releases().opened().stream().map(LifecycleReports::release).toList();
        List<IncidentReport> incidents = lifecycle.incidents().openIncidents().stream()
                .map(LifecycleReports::incident).toList();
        Map<String, Map<String, Integer>> aliases = new TreeMap<>();
        for (String model : lifecycle.registry().models()) {
            aliases.put(model, lifecycle.registry().aliases(model));
        }
        return new LifecycleReport(lifecycle.clock().instant().toString(), slos, releases, incidents, aliases);
    }

    static SloReport slo(SloTracker tracker) {
        ErrorBudget budget = tracker.budget();
        List<AlertState> alerts = tracker.alerts();
        Map<Duration, Double> byWindow = new TreeMap<>();
        List<String> firing = new ArrayList<>();
        for (AlertState alert : alerts) {
            put(byWindow, alert.longBurn());
            put(byWindow, alert.shortBurn());
            if (alert.isAlerting()) {
                firing.add(alert.tier().id() + " (" + alert.severity().label() + ")");
            }
        }
        if (budget.burnRateWindow() != null && Double.isFinite(budget.burnRate())) {
            byWindow.put(budget.burnRateWindow(), budget.burnRate());
        }
        Map<String, Double> burnRates = new LinkedHashMap<>();
        byWindow.forEach((window, rate) -> burnRates.put(DurationLabels.of(window), rate));
        return new SloReport(tracker.slo().name(), tracker.slo().service(), tracker.slo().objective(), budget.sli(),
                budget.remainingFraction(), burnRates, firing, budget.describe());
    }

    static ReleaseReport release(ReleaseController controller) {
        ReleaseState state = controller.state();
        ReleaseConfig config = controller.config();
        Map<String, Integer> weights = new LinkedHashMap<>();
        weights.put(config.baselineVersion(), 100 - state.candidateWeight());
        weights.put(config.candidateVersion(), state.candidateWeight());
        AnalysisReport last = null;
        List<JournalEntry> journal = controller.journal();
        for (int i = journal.size() - 1; i >= 0 && last == null; i--) {
            JournalEntry entry = journal.get(i);
            if (entry.verdict() != null) {
                last = new AnalysisReport(entry.at().toString(), entry.verdict().outcome().name(), entry.message());
            }
        }
        return new ReleaseReport(config.releaseId(), state.strategy().name(), state.phase().name(),
                state.stepIndex(), config.weights(), weights, state.failures(), state.nextAnalysisAt().toString(),
                state.reason(), last);
    }

    private static IncidentReport incident(Incident incident) {
        Map<String, String> firing = new TreeMap<>();
        incident.firing().forEach((tier, severity) -> firing.put(tier, severity.label()));
        return new IncidentReport(incident.id(), incident.key(), incident.title(), time(incident.firstSignalAt()),
                time(incident.openedAt()), incident.mitigatedAt().map(Instant::toString).orElse(null), firing);
    }

    private static void put(Map<Duration, Double> byWindow, BurnRate burn) {
        if (burn != null && burn.window() != null && Double.isFinite(burn.burnRate())) {
            byWindow.put(burn.window(), burn.burnRate());
        }
    }

    private static String time(Instant instant) {
        return instant.toString();
    }
}
