package io.github.mlhighway.lifecycle.core.incident;

import com.google.common.hash.Hashing;
import io.github.mlhighway.lifecycle.core.json.Json;
import io.github.mlhighway.lifecycle.core.store.StoreNames;
import io.github.mlhighway.lifecycle.incident.Incident;
import io.github.mlhighway.lifecycle.store.RevisionConflictException;
import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.store.StoreException;
import io.github.mlhighway.lifecycle.store.StoredDocument;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Incidents as JSON documents: one document per incident in the incident collection, and one small document per
 * open key in the open-index collection (created with {@link Store#MUST_NOT_EXIST}, so two processes can never
 * open two incidents for one key). Every update is a compare-and-set that re-reads and retries on conflict.
 */
final class IncidentRepository {

    private static final int MAX_ATTEMPTS = 16;

    private final Store store;
    private final String collection;
    private final String openIndex;

    IncidentRepository(Store store, String collection) {
        this.store = Objects.requireNonNull(store, "store");
        this.collection = StoreNames.requireValid(collection, "collection");
        this.openIndex = StoreNames.requireValid(collection + "-open", "collection");
    }

    /** The incident open for a key, if any. */
    Optional<Incident> openFor(String key) {
        return store.read(openIndex, indexKey(key)).flatMap(doc -> find(Json.read(doc.json(), OpenEntry.class).id()))
                .filter(Incident::isOpen);
    }

    /**
     * Creates an incident and claims its key, or returns the incident that already holds the key.
     *
     * @return the incident now open for the key, and whether it is the one passed in
     */
    Claim claim(Incident incident) {
        String indexKey = indexKey(incident.key());
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<StoredDocument> entry = store.read(openIndex, indexKey);
            if (entry.isPresent()) {
                Optional<Incident> holder = find(Json.read(entry.get().json(), OpenEntry.class).id())
                        .filter(Incident::isOpen);
                if (holder.isPresent()) {
                    return new Claim(holder.get(), false);
                }
                // A stale entry (its incident is closed or gone): take it over with compare-and-set.
                try {
                    store.write(openIndex, indexKey, Json.write(new OpenEntry(incident.id())),
                            entry.get().revision());
                } catch (RevisionConflictException e) {
                    continue;
                }
            } else {
                try {
                    store.write(openIndex, indexKey, Json.write(new OpenEntry(incident.id())), Store.MUST_NOT_EXIST);
                } catch (RevisionConflictException e) {
                    continue;
                }
            }
            store.write(collection, incident.id(), Json.write(incident), Store.MUST_NOT_EXIST);
            return new Claim(incident, true);
        }
        throw new StoreException("Could not open an incident for key '" + incident.key() + "' after "
                + MAX_ATTEMPTS + " attempts: the open index keeps changing");
    }

    /** Applies a change to the stored incident with compare-and-set, retrying on conflict. */
    Incident update(String id, UnaryOperator<Incident> change) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            StoredDocument doc = store.read(collection, id).orElseThrow(
                    () -> new StoreException("Incident " + id + " is not in the store"));
            Incident current = Json.read(doc.json(), Incident.class);
            Incident next = change.apply(current);
            if (next.equals(current)) {
                return current;
            }
            try {
                store.write(collection, id, Json.write(next), doc.revision());
            } catch (RevisionConflictException e) {
                continue;
            }
            if (!next.isOpen()) {
                releaseKey(next);
            }
            return next;
        }
        throw new StoreException("Could not update incident " + id + " after " + MAX_ATTEMPTS
                + " attempts: it keeps changing");
    }

    Optional<Incident> find(String id) {
        if (!StoreNames.isValid(id)) {
            return Optional.empty();
        }
        return store.read(collection, id).map(doc -> Json.read(doc.json(), Incident.class));
    }

    List<Incident> all() {
        List<Incident> incidents = new ArrayList<>();
        for (String id : store.keys(collection)) {
            find(id).ifPresent(incidents::add);
        }
        incidents.sort((a, b) -> a.openedAt().compareTo(b.openedAt()));
        return incidents;
    }

    boolean exists(String id) {
        return store.read(collection, id).isPresent();
    }

    private void releaseKey(Incident closed) {
        String indexKey = indexKey(closed.key());
        store.read(openIndex, indexKey).ifPresent(doc -> {
            if (Json.read(doc.json(), OpenEntry.class).id().equals(closed.id())) {
                store.delete(openIndex, indexKey);
            }
        });
    }

    /** A readable, store-safe and collision-free name for a key: its slug and a short hash. */
    static String slug(String key) {
        String cleaned = key.replaceAll("[^A-Za-z0-9._-]", "_").replace("..", "_");
        if (cleaned.length() > 60) {
            cleaned = cleaned.substring(0, 60);
        }
        if (cleaned.isEmpty() || !Character.isLetterOrDigit(cleaned.charAt(0))) {
            cleaned = "k" + cleaned;
        }
        return cleaned;
    }

    private static String indexKey(String key) {
        String hash = Hashing.sha256().hashString(key, StandardCharsets.UTF_8).toString().substring(0, 12);
        return slug(key) + "-" + hash;
    }

    /** The open-index document. */
    record OpenEntry(String id) {
    }

    /** The incident holding a key, and whether this call created it. */
    record Claim(Incident incident, boolean created) {
    }
}
