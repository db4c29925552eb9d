package io.github.mlhighway.lifecycle.core.serving;

import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.slo.AlertState;
import io.github.mlhighway.lifecycle.slo.AlertStatus;
import io.github.mlhighway.lifecycle.slo.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The SLO trackers of one model version, so that a runtime or a release controller can read a candidate's
 * budgets and alerts without building SLO names, e.g.
 * {@code ReleaseController.builder(...).candidateAlerts(model.versionTrackers("rain@4")::alerts)}.
 *
 * @param version      the version
 * @param availability calls answered by the version without exception, timeout or rejection
 * @param latency      calls answered within the latency threshold
 * @param accuracy     the quality SLO over the version's own labelled answers (fallback answers excluded)
 * @since 0.1
 */
public record VersionTrackers(String version, SloTracker availability, SloTracker latency, SloTracker accuracy) {

    /** Validates the components. */
    public VersionTrackers {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(availability, "availability");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(accuracy, "accuracy");
    }

    /** @return the three trackers: availability, latency, accuracy */
    public List<SloTracker> all() {
        return List.of(availability, latency, accuracy);
    }

    /**
     * The alert states of the three trackers, now (each tracker ticks first).
     *
     * @return availability's tiers, then latency's, then accuracy's
     */
    public List<AlertState> alerts() {
        List<AlertState> states = new ArrayList<>();
        for (SloTracker tracker : all()) {
            states.addAll(tracker.alerts());
        }
        return states;
    }

    /**
     * The page alerts firing now on any of the three trackers.
     *
     * @return the firing page states, empty when the version is healthy
     */
    public List<AlertState> firingPages() {
        List<AlertState> firing = new ArrayList<>();
        for (AlertState state : alerts()) {
            if (state.status() == AlertStatus.FIRING && state.severity() == Severity.PAGE) {
                firing.add(state);
            }
        }
        return firing;
    }
}
