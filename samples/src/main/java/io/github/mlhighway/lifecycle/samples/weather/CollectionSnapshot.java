package io.github.mlhighway.lifecycle.samples.weather;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.github.mlhighway.lifecycle.core.incident.IncidentManager;
import io.github.mlhighway.lifecycle.core.json.Json;
import io.github.mlhighway.lifecycle.core.release.ReleaseJournal;
import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.store.StoredDocument;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Makes a stage's writes to some collections repeatable: the first time the stage starts it saves those collections
 * as one document; when the stage starts again (after a crash) it first puts the collections back as they were, so
 * the replayed simulation writes the same incidents and release journal once, not twice.
 */
final class CollectionSnapshot {

    /** The collections the story's serving stages write as they go. */
    static final List<String> STORY_COLLECTIONS = List.of(IncidentManager.DEFAULT_COLLECTION,
            IncidentManager.DEFAULT_COLLECTION + "-open", ReleaseJournal.COLLECTION);

    /** Where snapshots are kept, one document per stage. */
    static final String COLLECTION = "story-snapshots";

    private CollectionSnapshot() {
    }

    /**
     * Takes the snapshot for a stage, or restores it when the stage ran before.
     *
     * @param store       the store
     * @param stage       the stage name
     * @param collections the collections the stage writes
     * @return true when an earlier attempt's snapshot was restored
     */
    static boolean restoreOrTake(Store store, String stage, List<String> collections) {
        Optional<StoredDocument> saved = store.read(COLLECTION, stage);
        if (saved.isEmpty()) {
            Map<String, Map<String, String>> snapshot = new LinkedHashMap<>();
            for (String collection : collections) {
                Map<String, String> documents = new LinkedHashMap<>();
                for (String key : store.keys(collection)) {
                    store.read(collection, key).ifPresent(doc -> documents.put(key, doc.json()));
                }
                snapshot.put(collection, documents);
            }
            store.write(COLLECTION, stage, Json.write(snapshot), Store.MUST_NOT_EXIST);
            return false;
        }
        Map<String, Map<String, String>> snapshot;
        try {
            snapshot = Json.mapper().readValue(saved.get().json(), new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The snapshot " + COLLECTION + "/" + stage + " is unreadable: "
                    + e.getOriginalMessage(), e);
        }
        for (String collection : collections) {
            Map<String, String> documents = snapshot.getOrDefault(collection, Map.of());
            for (String key : store.keys(collection)) {
                if (!documents.containsKey(key)) {
                    store.delete(collection, key);
                }
            }
            documents.forEach((key, json) -> store.put(collection, key, json));
        }
        return true;
    }
}
