package io.github.mlhighway.lifecycle.store;

import java.util.List;
import java.util.Optional;

/**
 * Durable storage of JSON documents in named collections. Implementations are thread-safe; a write is atomic
 * (readers see the old or the new document, never a torn one) and durable when it returns.
 *
 * <p>Collection names and keys are 1 to 128 characters of letters, digits, {@code . _ -}, start with a letter
 * or digit and never contain {@code ..}; anything else is refused with an {@link IllegalArgumentException},
 * so a key can never escape its collection.
 *
 * @since 0.1
 */
public interface Store extends AutoCloseable {

    /** Pass as {@code expectedRevision} to write whatever revision is there (or none). */
    long ANY_REVISION = -1;
    /** Pass as {@code expectedRevision} to create: the write fails if the document exists. */
    long MUST_NOT_EXIST = 0;

    /**
     * Reads a document.
     *
     * @param collection collection name
     * @param key        document key
     * @return the document, or empty when there is none
     * @throws StoreException if the document exists but cannot be read or fails verification
     */
    Optional<StoredDocument> read(String collection, String key);

    /**
     * Writes a document if its current revision is the expected one (compare-and-set).
     *
     * @param collection       collection name
     * @param key              document key
     * @param json             the body, a JSON value
     * @param expectedRevision {@link #ANY_REVISION}, {@link #MUST_NOT_EXIST}, or the revision last read
     * @return the document as stored, with its new revision
     * @throws RevisionConflictException if the current revision is not the expected one; nothing is written
     * @throws StoreException            if the write fails; the previous document is left intact
     */
    StoredDocument write(String collection, String key, String json, long expectedRevision);

    /**
     * Writes a document whatever its current revision.
     *
     * @param collection collection name
     * @param key        document key
     * @param json       the body
     * @return the stored document
     */
    default StoredDocument put(String collection, String key, String json) {
        return write(collection, key, json, ANY_REVISION);
    }

    /**
     * The keys of a collection, sorted.
     *
     * @param collection collection name
     * @return keys, empty when the collection does not exist
     */
    List<String> keys(String collection);

    /**
     * The documents of a collection whose keys start with a prefix, sorted by key: one call where a store can
     * answer it at once (e.g. one query), instead of {@link #keys} and a {@link #read} per key. The default does
     * exactly that; every document is verified as by {@link #read}.
     *
     * @param collection collection name
     * @param keyPrefix  the prefix, empty for all
     * @return the documents
     */
    default List<StoredDocument> readAll(String collection, String keyPrefix) {
        java.util.Objects.requireNonNull(keyPrefix, "keyPrefix");
        List<StoredDocument> documents = new java.util.ArrayList<>();
        for (String key : keys(collection)) {
            if (key.startsWith(keyPrefix)) {
                read(collection, key).ifPresent(documents::add);
            }
        }
        return documents;
    }

    /**
     * Deletes a document.
     *
     * @param collection collection name
     * @param key        document key
     * @return true when a document was deleted
     */
    boolean delete(String collection, String key);

    /** Releases resources; the default does nothing. */
    @Override
    default void close() {
    }
}
