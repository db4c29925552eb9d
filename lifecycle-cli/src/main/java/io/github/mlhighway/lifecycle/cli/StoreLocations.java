package io.github.mlhighway.lifecycle.cli;

import io.github.mlhighway.lifecycle.core.registry.ModelRegistries;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.registry.ModelRegistry;
import io.github.mlhighway.lifecycle.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@code STORE} argument of the commands: a store directory or a store URL such as
 * {@code jdbc:postgresql://host:5432/db} (credentials from the URL or {@code LIFECYCLE_JDBC_USER} /
 * {@code LIFECYCLE_JDBC_PASSWORD}; never printed).
 */
final class StoreLocations {

    /** The description of a STORE parameter, for the commands' help. */
    static final String DESCRIPTION = "The store: a directory, or a URL such as jdbc:postgresql://host:5432/db.";

    private StoreLocations() {
    }

    /**
     * Why a location cannot be read, or null when it may be: a directory must exist (reading commands never
     * create one); a URL is tried when opened.
     */
    static @Nullable String missing(String location) {
        if (Stores.isUrl(location)) {
            return null;
        }
        return Files.isDirectory(Path.of(location)) ? null : "store directory " + location + " does not exist";
    }

    /** Opens an existing store for reading (a directory read-only). */
    static Store openExisting(String location) {
        return Stores.openExisting(location);
    }

    /** The registry on a store and its artifacts. */
    static ModelRegistry registry(Store store) {
        return ModelRegistries.on(store, Stores.artifactsOf(store), Clock.systemUTC());
    }

    /** The location for messages, without passwords. */
    static String label(String location) {
        return Objects.requireNonNull(Stores.redact(location), "the redacted form of a non-null location");
    }
}
