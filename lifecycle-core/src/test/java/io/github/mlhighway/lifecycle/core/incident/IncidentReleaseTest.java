package io.github.mlhighway.lifecycle.core.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.incident.Incident;
import io.github.mlhighway.lifecycle.incident.IncidentEvent;
import io.github.mlhighway.lifecycle.incident.IncidentEventKind;
import io.github.mlhighway.lifecycle.incident.IncidentEvidence;
import io.github.mlhighway.lifecycle.release.ReleaseEvent;
import io.github.mlhighway.lifecycle.release.ReleaseEventType;
import io.github.mlhighway.lifecycle.release.ReleaseListener;
import io.github.mlhighway.lifecycle.release.ReleasePhase;
import io.github.mlhighway.lifecycle.store.Store;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A canary of rain@3 against rain@2, its events given to the incident manager's release listener. */
class IncidentReleaseTest {

    private final SimClock clock = SimClock.atDefault();

    private ReleaseEvent event(String release, ReleaseEventType type, ReleasePhase phase) {
        return new ReleaseEvent(release, type, phase, 1, 25, "rain@2", "rain@3", clock.instant(),
                type.name().toLowerCase() + " after analysis");
    }

    @Test
    void aRollbackOpensOneIncidentPerReleaseWithTheRollbackAsEvidence() {
        IncidentManager manager = IncidentManager.builder(Stores.inMemory(clock), clock).build();
        ReleaseListener listener = manager.releaseListener();

        listener.onEvent(event("rel-3", ReleaseEventType.STARTED, ReleasePhase.PROGRESSING));
        listener.onEvent(event("rel-3", ReleaseEventType.ANALYSIS, ReleasePhase.PROGRESSING));
        assertThat(manager.all()).as("a release that has not rolled back is no incident").isEmpty();
        clock.advance(Duration.ofMinutes(10));
        listener.onEvent(event("rel-3", ReleaseEventType.ROLLED_BACK, ReleasePhase.ROLLED_BACK));

        Incident incident = manager.openIncident("rel-3").orElseThrow();
        IncidentEvent rollback = incident.events(IncidentEventKind.ROLLBACK).get(0);
        assertThat(rollback.sentence()).isEqualTo("Release rel-3 rolled back from rain@3 to rain@2: rolled_back after"
                + " analysis");
        assertThat(rollback.numbers()).containsEntry("candidate_weight", 25.0);
        assertThat(incident.mitigatedAt()).contains(clock.instant());
    }

    @Test
    void aRollbackDeliveredAgainChangesNothingEvenInAnotherProcess(@TempDir Path dir) {
        Store store = Stores.directory(dir, clock);
        IncidentManager first = IncidentManager.builder(store, clock).build();
        ReleaseEvent rolledBack = event("rel-3", ReleaseEventType.ROLLED_BACK, ReleasePhase.ROLLED_BACK);
        first.releaseListener().onEvent(rolledBack);

        clock.advance(Duration.ofMinutes(5));
        first.releaseListener().onEvent(rolledBack);
        IncidentManager restarted = IncidentManager.builder(Stores.directory(dir, clock), clock).build();
        restarted.releaseListener().onEvent(rolledBack);

        assertThat(restarted.all()).hasSize(1);
        assertThat(restarted.all().get(0).events(IncidentEventKind.ROLLBACK)).hasSize(1);
    }

    @Test
    void aRollbackKeyedByTheServiceJoinsTheIncidentItsAlertsOpened() {
        IncidentManager manager = IncidentManager.builder(Stores.inMemory(clock), clock)
                .keyBySlo(slo -> "rain").build();
        manager.onAlerts(Alerts.page("rain.version.rain_3.availability", true), null);
        clock.advance(Duration.ofMinutes(5));

        manager.releaseListener(e -> "rain").onEvent(event("rel-3", ReleaseEventType.ROLLED_BACK,
                ReleasePhase.ROLLED_BACK));

        assertThat(manager.all()).hasSize(1);
        assertThat(manager.openIncident("rain").orElseThrow().events(IncidentEventKind.ROLLBACK)).hasSize(1);
    }

    @Test
    void aPromotionMitigatesAnIncidentThatWasOpenBeforeTheReleaseStarted() {
        IncidentManager manager = IncidentManager.builder(Stores.inMemory(clock), clock).build();
        manager.record(new IncidentEvidence("rain", null, IncidentEventKind.DRIFT, "drift monitor",
                "Serving inputs drifted and the accuracy SLO burns", Map.of(), Map.of(), true, false));
        ReleaseListener listener = manager.releaseListener(e -> "rain");
        clock.advance(Duration.ofDays(1));
        listener.onEvent(event("rel-4", ReleaseEventType.STARTED, ReleasePhase.PROGRESSING));
        clock.advance(Duration.ofDays(1));

        listener.onEvent(event("rel-4", ReleaseEventType.PROMOTED, ReleasePhase.PROMOTED));

        Incident incident = manager.openIncident("rain").orElseThrow();
        assertThat(incident.events(IncidentEventKind.NOTE)).extracting(IncidentEvent::sentence)
                .containsExactly("Release rel-4 (rain@2 -> rain@3) started: started after analysis");
        assertThat(incident.events(IncidentEventKind.MITIGATED).get(0).sentence())
                .startsWith("Release rel-4 promoted rain@3 over rain@2, replacing the version this incident is about");
        assertThat(incident.mitigatedAt()).contains(clock.instant());
    }

    @Test
    void aPromotionAfterAnIncidentThatOpenedDuringTheReleaseIsOnlyANote() {
        IncidentManager manager = IncidentManager.builder(Stores.inMemory(clock), clock).build();
        ReleaseListener listener = manager.releaseListener(e -> "rain");
        listener.onEvent(event("rel-5", ReleaseEventType.STARTED, ReleasePhase.PROGRESSING));
        manager.record(IncidentEvidence.note("rain", "nothing open: dropped"));
        manager.record(new IncidentEvidence("rain", null, IncidentEventKind.DRIFT, "drift monitor",
                "Serving inputs drifted", Map.of(), Map.of(), true, false));

        listener.onEvent(event("rel-5", ReleaseEventType.PROMOTED, ReleasePhase.PROMOTED));

        Incident incident = manager.openIncident("rain").orElseThrow();
        assertThat(incident.mitigatedAt()).isEmpty();
        assertThat(incident.events(IncidentEventKind.NOTE)).extracting(IncidentEvent::sentence)
                .singleElement().asString().startsWith("Release rel-5 promoted rain@3 over rain@2: ");
    }
}
