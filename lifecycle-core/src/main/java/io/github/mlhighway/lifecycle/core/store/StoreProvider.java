package io.github.mlhighway.lifecycle.core.store;

import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.store.StoreException;
import java.time.Clock;

/**
 * Opens stores named by a location string, e.g. {@code jdbc:postgresql://host:5432/db}. Implementations are found
 * by {@link java.util.ServiceLoader} (listed in {@code META-INF/services/}
 * {@code io.github.mlhighway.lifecycle.core.store.StoreProvider}) and used by {@link Stores#open(String, Clock)};
 * they need a public no-argument constructor. A provider's store should implement {@link StoreWithArtifacts} so
 * that model artifacts live beside its documents.
 *
 * @since 0.1
 */
public interface StoreProvider {

    /**
     * Whether this provider opens the location (decided from its form alone, without connecting).
     *
     * @param location a store location
     * @return true when {@link #open} should be called with it
     */
    boolean supports(String location);

    /**
     * Opens (and, where needed, creates or migrates) the store at a location.
     *
     * @param location a location {@link #supports} accepted
     * @param clock    the clock for document timestamps
     * @return the store, which the caller closes
     * @throws StoreException if the store cannot be opened; the message never contains a password
     */
    Store open(String location, Clock clock);
}
