package io.github.mlhighway.lifecycle.core.store;

import io.github.mlhighway.lifecycle.store.RevisionConflictException;
import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.store.StoredDocument;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A store in memory, with the same name rules, JSON validation and compare-and-set as the directory store.
 * For tests and for applications that need no durability. Thread-safe.
 *
 * @since 0.1
 */
public final class InMemoryStore implements Store {

    private final Clock clock;
    private final Map<String, ConcurrentSkipListMap<String, StoredDocument>> collections = new ConcurrentHashMap<>();

    InMemoryStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<StoredDocument> read(String collection, String key) {
        StoreNames.requireValid(collection, "collection");
        StoreNames.requireValid(key, "key");
        Map<String, StoredDocument> documents = collections.get(collection);
        return documents == null ? Optional.empty() : Optional.ofNullable(documents.get(key));
    }

    @Override
    public StoredDocument write(String collection, String key, String json, long expectedRevision) {
        StoreNames.requireValid(collection, "collection");
        StoreNames.requireValid(key, "key");
        String body = StoreBodies.canonical(collection, key, json);
        ConcurrentSkipListMap<String, StoredDocument> documents =
                collections.computeIfAbsent(collection, c -> new ConcurrentSkipListMap<>());
        return documents.compute(key, (k, current) -> {
            long revision = current == null ? 0 : current.revision();
            if (expectedRevision != ANY_REVISION && expectedRevision != revision) {
                throw new RevisionConflictException(collection, key, expectedRevision, revision);
            }
            return new StoredDocument(collection, key, revision + 1, clock.instant(), body);
        });
    }

    @Override
    public List<String> keys(String collection) {
        StoreNames.requireValid(collection, "collection");
        Map<String, StoredDocument> documents = collections.get(collection);
        return documents == null ? List.of() : new ArrayList<>(documents.keySet());
    }

    @Override
    public boolean delete(String collection, String key) {
        StoreNames.requireValid(collection, "collection");
        StoreNames.requireValid(key, "key");
        Map<String, StoredDocument> documents = collections.get(collection);
        return documents != null && documents.remove(key) != null;
    }
}
