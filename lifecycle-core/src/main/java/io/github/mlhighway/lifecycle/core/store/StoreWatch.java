package io.github.mlhighway.lifecycle.core.store;

/**
 * A running {@link ChangeNotifyingStore#watch watch} of a collection; close it to stop being told.
 *
 * @since 0.1
 */
public interface StoreWatch extends AutoCloseable {

    /** Stops telling the listener; idempotent. */
    @Override
    void close();
}
