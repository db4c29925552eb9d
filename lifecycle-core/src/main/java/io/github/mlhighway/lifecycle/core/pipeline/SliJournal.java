package io.github.mlhighway.lifecycle.core.pipeline;

import io.github.mlhighway.lifecycle.core.json.Json;
import io.github.mlhighway.lifecycle.core.slo.SloRegistry;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.pipeline.PipelineDefinitionException;
import io.github.mlhighway.lifecycle.slo.Slo;
import io.github.mlhighway.lifecycle.store.RevisionConflictException;
import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.store.StoreException;
import io.github.mlhighway.lifecycle.store.StoredDocument;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Records a run's SLI events once per run id: which events a run recorded lives in one document per run
 * ({@value #COLLECTION}), and an event is recorded on its tracker only after its name was added there by
 * compare-and-set, so a resumed run, or a second runner of the same run, never records it again. A process killed
 * between the two writes loses that one event (at most once, never twice).
 */
final class SliJournal {

    /** The collection of recorded SLI events, one document per run id. */
    static final String COLLECTION = "pipeline-sli-events";

    private static final int MAX_ATTEMPTS = 100;

    private final Store store;
    private final String runId;
    private final @Nullable SloRegistry slos;

    SliJournal(Store store, String runId, @Nullable SloRegistry slos) {
        this.store = store;
        this.runId = runId;
        this.slos = slos;
    }

    /**
     * Records one event against an SLO, unless this run recorded the event already.
     *
     * @param event the event's name within the run, e.g. {@code run} or {@code gate:validate:0}
     * @param slo   the SLO, or null (then nothing happens)
     * @param good  whether the event is good
     */
    void recordOnce(String event, @Nullable Slo slo, boolean good) {
        if (slo == null || slos == null) {
            return;
        }
        SloTracker tracker = tracker(slos, slo);
        if (claim(event + "@" + slo.name())) {
            tracker.record(good);
        }
    }

    private boolean claim(String event) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<StoredDocument> document = store.read(COLLECTION, runId);
            Recorded recorded = document.map(d -> Json.read(d.json(), Recorded.class))
                    .orElse(new Recorded(List.of()));
            if (recorded.events().contains(event)) {
                return false;
            }
            TreeSet<String> events = new TreeSet<>(recorded.events());
            events.add(event);
            try {
                store.write(COLLECTION, runId, Json.write(new Recorded(List.copyOf(events))),
                        document.map(StoredDocument::revision).orElse(Store.MUST_NOT_EXIST));
                return true;
            } catch (RevisionConflictException e) {
                // Another writer of this run's events; read again.
            }
        }
        throw new StoreException("Could not record SLI event '" + event
                + "' of run '" + runId + "' after " + MAX_ATTEMPTS + " attempts: too many concurrent writers");
    }

    /**
     * The tracker of a pipeline SLO in a registry, registering the SLO on first use.
     *
     * @throws PipelineDefinitionException if another SLO of that name is registered
     */
    static SloTracker tracker(SloRegistry slos, Slo slo) {
        Optional<SloTracker> found = slos.find(slo.name());
        if (found.isEmpty()) {
            try {
                return slos.register(slo);
            } catch (IllegalArgumentException raced) {
                found = slos.find(slo.name());
            }
        }
        SloTracker tracker = found.orElseThrow();
        if (!tracker.slo().equals(slo)) {
            throw new PipelineDefinitionException("The SLO registry already has an SLO named '" + slo.name()
                    + "' that differs from the one the pipeline declares (" + tracker.slo() + " vs " + slo
                    + "); give the pipeline's SLO another name or declare the same one");
        }
        return tracker;
    }

    /**
     * The events a run recorded.
     *
     * @param events event names, sorted
     */
    record Recorded(List<String> events) {
        Recorded {
            events = events == null ? List.of() : List.copyOf(events);
        }
    }
}
