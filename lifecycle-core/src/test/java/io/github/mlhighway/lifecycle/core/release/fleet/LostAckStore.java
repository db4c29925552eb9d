package io.github.mlhighway.lifecycle.core.release.fleet;

import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.store.StoreException;
import io.github.mlhighway.lifecycle.store.StoredDocument;
import java.util.List;
import java.util.Optional;

/**
 * A store whose next write can fail before it is applied (the database was down) or after (the commit went through
 * but its acknowledgement was lost with the connection): the two ways a retried write happens.
 */
final class LostAckStore implements Store {

    private final Store delegate;
    private volatile boolean failNextWrite;
    private volatile boolean loseNextAck;
    private int writes;

    LostAckStore(Store delegate) {
        this.delegate = delegate;
    }

    /** The next write fails and changes nothing. */
    void failNextWrite() {
        failNextWrite = true;
    }

    /** The next write is applied, then reported as failed. */
    void loseNextAck() {
        loseNextAck = true;
    }

    /** @return the writes that reached the delegate */
    synchronized int writes() {
        return writes;
    }

    @Override
    public Optional<StoredDocument> read(String collection, String key) {
        return delegate.read(collection, key);
    }

    @Override
    public synchronized StoredDocument write(String collection, String key, String json, long expectedRevision) {
        if (failNextWrite) {
            failNextWrite = false;
            throw new StoreException("Cannot write " + collection + "/" + key + ": connection refused");
        }
        StoredDocument written = delegate.write(collection, key, json, expectedRevision);
        writes++;
        if (loseNextAck) {
            loseNextAck = false;
            throw new StoreException("Lost the connection while committing " + collection + "/" + key);
        }
        return written;
    }

    @Override
    public List<String> keys(String collection) {
        return delegate.keys(collection);
    }

    @Override
    public List<StoredDocument> readAll(String collection, String keyPrefix) {
        return delegate.readAll(collection, keyPrefix);
    }

    @Override
    public boolean delete(String collection, String key) {
        return delegate.delete(collection, key);
    }
}
