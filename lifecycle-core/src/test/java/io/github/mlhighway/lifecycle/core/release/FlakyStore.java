package io.github.mlhighway.lifecycle.core.release;

import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.store.StoreException;
import io.github.mlhighway.lifecycle.store.StoredDocument;
import java.util.List;
import java.util.Optional;

/** A store whose writes can be made to fail, as a full or read-only disk would. */
final class FlakyStore implements Store {

    private final Store delegate;
    private volatile boolean failing;

    FlakyStore(Store delegate) {
        this.delegate = delegate;
    }

    void failing(boolean fail) {
        failing = fail;
    }

    @Override
    public Optional<StoredDocument> read(String collection, String key) {
        return delegate.read(collection, key);
    }

    @Override
    public StoredDocument write(String collection, String key, String json, long expectedRevision) {
        if (failing) {
            throw new StoreException("Cannot write " + collection + "/" + key + ": read-only file system");
        }
        return delegate.write(collection, key, json, expectedRevision);
    }

    @Override
    public List<String> keys(String collection) {
        return delegate.keys(collection);
    }

    @Override
    public boolean delete(String collection, String key) {
        return delegate.delete(collection, key);
    }
}
