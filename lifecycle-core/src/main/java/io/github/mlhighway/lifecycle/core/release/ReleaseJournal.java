package io.github.mlhighway.lifecycle.core.release;

import io.github.mlhighway.lifecycle.core.json.Json;
import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.store.StoredDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The durable record of one release: its state and every entry, in one JSON document of the
 * {@value #COLLECTION} collection keyed by the release id, written with compare-and-set on its revision so two
 * controllers can never both advance the same release. Not thread-safe: the controller serializes access.
 *
 * @since 0.1
 */
public final class ReleaseJournal {

    /** The store collection of release journals. */
    public static final String COLLECTION = "release-journal";

    private final Store store;
    private final String releaseId;
    private long revision = Store.MUST_NOT_EXIST;
    private List<JournalEntry> entries = List.of();

    /**
     * The journal document.
     *
     * @param state   the state after the last entry
     * @param entries every entry, oldest first
     */
    public record Document(ReleaseState state, List<JournalEntry> entries) {

        /** Copies the entries. */
        public Document {
            Objects.requireNonNull(state, "state");
            entries = List.copyOf(entries);
        }
    }

    ReleaseJournal(Store store, String releaseId) {
        this.store = Objects.requireNonNull(store, "store");
        this.releaseId = releaseId;
    }

    /**
     * Reads a release's journal without opening a controller (for incidents and postmortems).
     *
     * @param store     the store
     * @param releaseId the release
     * @return the journal document, empty when the release is unknown
     */
    public static Optional<Document> read(Store store, String releaseId) {
        return store.read(COLLECTION, releaseId).map(doc -> Json.read(doc.json(), Document.class));
    }

    Optional<ReleaseState> load() {
        Optional<StoredDocument> stored = store.read(COLLECTION, releaseId);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Document document = Json.read(stored.get().json(), Document.class);
        revision = stored.get().revision();
        entries = document.entries();
        return Optional.of(document.state());
    }

    /**
     * Writes the new state with new entries; on failure nothing in memory changes.
     *
     * @throws ReleaseJournalException when the store refuses the write
     */
    void append(ReleaseState state, List<JournalEntry> added, String change) {
        List<JournalEntry> all = new ArrayList<>(entries.size() + added.size());
        all.addAll(entries);
        all.addAll(added);
        Document document = new Document(state, all);
        StoredDocument written;
        try {
            written = store.write(COLLECTION, releaseId, Json.write(document), revision);
        } catch (RuntimeException e) {
            throw new ReleaseJournalException("Release '" + releaseId + "' could not journal " + change
                    + "; nothing changed (state and traffic plan are as before): " + e.getMessage(), e);
        }
        revision = written.revision();
        entries = List.copyOf(all);
    }

    List<JournalEntry> entries() {
        return entries;
    }
}
