package io.github.mlhighway.lifecycle.core.incident;

import com.google.common.hash.Hashing;
import io.github.mlhighway.lifecycle.core.json.Json;
import io.github.mlhighway.lifecycle.core.store.StoreNames;
import io.github.mlhighway.lifecycle.incident.Incident;
import io.github.mlhighway.lifecycle.store.RevisionConflictException;
import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.store.StoredDocument;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * Which idempotent evidence has been recorded, and in which incident: one create-only document per idempotency id
 * in the {@code <collection>-applied} collection. The event itself carries the id in its details and is written in
 * the same compare-and-set as the incident, so the marker is only an index: when a process dies between the two
 * writes, the id is still found in the open incident's timeline, and {@link #markAll} runs before an incident
 * closes, so every id of a closed incident has its marker.
 */
final class EvidenceLedger {

    private final Store store;
    private final String collection;

    EvidenceLedger(Store store, String incidentCollection) {
        this.store = Objects.requireNonNull(store, "store");
        this.collection = StoreNames.requireValid(incidentCollection + "-applied", "collection");
    }

    /** The incident the evidence with this id was recorded in, if it was. */
    Optional<String> incidentOf(String idempotencyId) {
        return store.read(collection, key(idempotencyId)).map(doc -> Json.read(doc.json(), Entry.class).incident());
    }

    /**
     * Remembers that the evidence with this id is in the given incident; a no-op when it is already known there.
     * An entry naming another incident (one that is gone, e.g. a restored snapshot of the incident collection) is
     * replaced.
     */
    void mark(String idempotencyId, String incidentId) {
        String key = key(idempotencyId);
        String json = Json.write(new Entry(idempotencyId, incidentId));
        Optional<StoredDocument> existing = store.read(collection, key);
        try {
            if (existing.isEmpty()) {
                store.write(collection, key, json, Store.MUST_NOT_EXIST);
            } else if (!Json.read(existing.get().json(), Entry.class).incident().equals(incidentId)) {
                store.write(collection, key, json, existing.get().revision());
            }
        } catch (RevisionConflictException e) {
            // another process marked it at the same moment: it recorded the same evidence
        }
    }

    /** Marks every idempotency id in an incident's timeline. */
    void markAll(Incident incident) {
        incident.timeline().forEach(event -> event.idempotencyId().ifPresent(id -> mark(id, incident.id())));
    }

    private static String key(String idempotencyId) {
        return "e-" + Hashing.sha256().hashString(idempotencyId, StandardCharsets.UTF_8).toString().substring(0, 40);
    }

    /** The marker document. */
    record Entry(String id, String incident) {
    }
}
