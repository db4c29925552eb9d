package io.github.mlhighway.lifecycle.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One JSON document in a {@link Store}.
 *
 * @param collection the collection it belongs to, e.g. {@code slo-state}
 * @param key        its key within the collection
 * @param revision   1 for the first write, incremented by every write
 * @param writtenAt  when it was last written (from the store's clock)
 * @param json       the document body, a JSON value
 * @since 0.1
 */
public record StoredDocument(String collection, String key, long revision, Instant writtenAt, String json) {

    /** Validates the components. */
    public StoredDocument {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(writtenAt, "writtenAt");
        Objects.requireNonNull(json, "json");
        if (revision < 1) {
            throw new IllegalArgumentException("revision must be >= 1, was " + revision);
        }
    }
}
