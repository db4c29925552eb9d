package io.github.mlhighway.lifecycle.core.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.incident.Incident;
import io.github.mlhighway.lifecycle.incident.IncidentEventKind;
import io.github.mlhighway.lifecycle.incident.IncidentEvidence;
import io.github.mlhighway.lifecycle.store.Store;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A resumable stage records incident evidence; after a crash it runs again and reports the same evidence. */
class IncidentIdempotencyTest {

    private final SimClock clock = SimClock.atDefault();

    private static IncidentEvidence drift() {
        return new IncidentEvidence("rain", null, IncidentEventKind.DRIFT, "drift monitor",
                "Serving inputs drifted", Map.of("drifted_share", 0.5), Map.of(), true, false)
                .idempotent("run-7", "serve-new-york", "drift-2026-06-08");
    }

    private static IncidentEvidence note() {
        return IncidentEvidence.note("rain", "Retraining triggered").idempotent("run-7", "serve-new-york", "retrain");
    }

    @Test
    void theIdIsRunStageAndWhat() {
        assertThat(drift().idempotencyId()).isEqualTo("run-7/serve-new-york/drift-2026-06-08");
        assertThat(drift().forKey("other").at(clock.instant()).opening(false).idempotencyId())
                .as("kept by every copy").isEqualTo("run-7/serve-new-york/drift-2026-06-08");
        assertThatThrownBy(() -> drift().withIdempotencyId(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("idempotency id");
    }

    @Test
    void aStageReRunInAnotherProcessOpensNoSecondIncidentAndAppendsNoSecondEntry(@TempDir Path dir) {
        IncidentManager first = IncidentManager.builder(Stores.directory(dir, clock), clock).build();
        Incident opened = first.record(drift()).orElseThrow();
        first.record(note());

        clock.advance(Duration.ofMinutes(3)); // the process died; the stage runs again in a new one
        IncidentManager resumed = IncidentManager.builder(Stores.directory(dir, clock), clock).build();
        Incident again = resumed.record(drift()).orElseThrow();
        resumed.record(note());

        assertThat(again.id()).isEqualTo(opened.id());
        assertThat(resumed.all()).hasSize(1);
        Incident incident = resumed.all().get(0);
        assertThat(incident.events(IncidentEventKind.DRIFT)).hasSize(1);
        assertThat(incident.events(IncidentEventKind.NOTE)).hasSize(1);
        assertThat(incident.events(IncidentEventKind.DRIFT).get(0).idempotencyId())
                .contains("run-7/serve-new-york/drift-2026-06-08");
    }

    @Test
    void evidenceRecordedInAClosedIncidentDoesNotOpenANewOne() {
        IncidentManager manager = IncidentManager.builder(Stores.inMemory(clock), clock).build();
        Incident opened = manager.record(drift()).orElseThrow();
        manager.close(opened.id(), "declared over");

        clock.advance(Duration.ofDays(1));
        Incident same = manager.record(drift()).orElseThrow();

        assertThat(same.id()).isEqualTo(opened.id());
        assertThat(same.isOpen()).isFalse();
        assertThat(manager.all()).hasSize(1);
    }

    @Test
    void anEntryWrittenBeforeTheLedgerIsStillFoundInTheTimeline() {
        Store store = Stores.inMemory(clock);
        IncidentManager manager = IncidentManager.builder(store, clock).build();
        manager.record(drift());
        manager.record(note());
        for (String key : store.keys("incidents-applied")) { // as if the process died between the two writes
            store.delete("incidents-applied", key);
        }

        manager.record(note());
        manager.record(drift());

        Incident incident = manager.openIncident("rain").orElseThrow();
        assertThat(incident.events(IncidentEventKind.NOTE)).hasSize(1);
        assertThat(incident.events(IncidentEventKind.DRIFT)).hasSize(1);
        assertThat(store.keys("incidents-applied")).as("the ledger is repaired").hasSize(2);
    }

    @Test
    void evidenceWithoutAnIdIsRecordedEveryTime() {
        IncidentManager manager = IncidentManager.builder(Stores.inMemory(clock), clock).build();
        manager.record(drift());

        manager.record(IncidentEvidence.note("rain", "checked"));
        manager.record(IncidentEvidence.note("rain", "checked"));

        assertThat(manager.openIncident("rain").orElseThrow().events(IncidentEventKind.NOTE)).hasSize(2);
    }

    @Test
    void anIdWhoseIncidentIsGoneIsRecordedAgain() {
        Store store = Stores.inMemory(clock);
        IncidentManager manager = IncidentManager.builder(store, clock).build();
        manager.record(drift());
        for (String collection : new String[] {"incidents", "incidents-open"}) { // a snapshot from before it
            for (String key : store.keys(collection)) {
                store.delete(collection, key);
            }
        }

        Incident again = manager.record(drift()).orElseThrow();

        assertThat(manager.all()).containsExactly(again);
        assertThat(manager.record(drift())).contains(again);
    }
}
