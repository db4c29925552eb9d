package io.github.mlhighway.lifecycle.core.store;

import java.util.Objects;

/**
 * A change of one document, as a {@link ChangeNotifyingStore} tells it.
 *
 * @param collection the document's collection
 * @param key        the document's key
 * @param revision   its revision after the change, 0 when it was deleted
 * @since 0.1
 */
public record DocumentChange(String collection, String key, long revision) {

    /** Validates the components. */
    public DocumentChange {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(key, "key");
        if (revision < 0) {
            throw new IllegalArgumentException("A revision is 0 (deleted) or positive, was " + revision
                    + " for " + collection + "/" + key);
        }
    }

    /** @return whether the change deleted the document */
    public boolean isDelete() {
        return revision == 0;
    }
}
