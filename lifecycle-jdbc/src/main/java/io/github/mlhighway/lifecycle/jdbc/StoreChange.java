package io.github.mlhighway.lifecycle.jdbc;

import java.util.Objects;

/**
 * One committed change of a document, as the change log records it.
 *
 * @param sequence   the cursor: increases with commit order across the whole store
 * @param collection the document's collection
 * @param key        the document's key
 * @param revision   its revision after the change, or 0 when it was deleted
 * @since 0.1
 */
public record StoreChange(long sequence, String collection, String key, long revision) {

    /** Validates the components. */
    public StoreChange {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(key, "key");
    }

    /**
     * Whether the change deleted the document.
     *
     * @return true for a delete
     */
    public boolean isDelete() {
        return revision == 0;
    }
}
