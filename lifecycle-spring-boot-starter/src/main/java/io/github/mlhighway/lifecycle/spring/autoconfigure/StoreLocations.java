package io.github.mlhighway.lifecycle.spring.autoconfigure;

import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

/** Opens the store that {@code lifecycle.store.location} names. */
final class StoreLocations {

    static final String PROPERTY = "lifecycle.store.location";
    static final String MEMORY = "memory:";

    private StoreLocations() {
    }

    /**
     * Opens the store: a directory (created if absent), a store URL such as {@code jdbc:postgresql://host/db}
     * (opened by {@link Stores#open(String, Clock)}; needs {@code lifecycle-jdbc} on the class path) or, for
     * {@code memory:}, a store in memory.
     *
     * @param location the configured location
     * @param clock    the runtime's clock, for document timestamps
     * @return the store
     * @throws LifecycleConfigurationException naming {@value #PROPERTY} when the location cannot be a store
     */
    static Store open(String location, Clock clock) {
        if (location == null || location.isBlank()) {
            throw new LifecycleConfigurationException(PROPERTY, location, "expected a directory (e.g. "
                    + LifecycleProperties.DEFAULT_STORE_LOCATION + "), a jdbc:postgresql:// URL or memory:", null);
        }
        if (location.equals(MEMORY)) {
            return Stores.inMemory(clock);
        }
        if (Stores.isUrl(location)) {
            try {
                return Stores.open(location, clock);
            } catch (RuntimeException e) {
                throw new LifecycleConfigurationException(PROPERTY, Stores.redact(location),
                        "cannot open this store: " + e.getMessage(), e);
            }
        }
        try {
            return Stores.directory(directory(location), clock);
        } catch (RuntimeException e) {
            throw new LifecycleConfigurationException(PROPERTY, location, "cannot open a directory store there: "
                    + e.getMessage(), e);
        }
    }

    /**
     * A directory named by a path or a {@code file:} URL.
     *
     * @param location the location
     * @return the path
     * @throws LifecycleConfigurationException naming {@value #PROPERTY} when it is no path
     */
    static Path directory(String location) {
        try {
            return location.startsWith("file:") ? Path.of(java.net.URI.create(location)) : Path.of(location);
        } catch (IllegalArgumentException e) { // InvalidPathException too
            throw new LifecycleConfigurationException(PROPERTY, location, "not a directory path or file: URL ("
                    + e.getMessage() + ")", e);
        }
    }
}
