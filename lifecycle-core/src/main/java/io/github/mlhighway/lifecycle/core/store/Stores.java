package io.github.mlhighway.lifecycle.core.store;

import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.store.StoreException;
import java.nio.file.Path;
import java.time.Clock;

/** Factories for the built-in stores. */
public final class Stores {

    private Stores() {
    }

    /**
     * The embedded directory store, created if absent, timestamps from the UTC system clock.
     *
     * @param root the directory
     * @return the store
     */
    public static DirectoryStore directory(Path root) {
        return new DirectoryStore(root, Clock.systemUTC());
    }

    /**
     * The embedded directory store with an injected clock for its timestamps.
     *
     * @param root  the directory
     * @param clock the clock
     * @return the store
     */
    public static DirectoryStore directory(Path root, Clock clock) {
        return new DirectoryStore(root, clock);
    }

    /**
     * An existing directory store opened only for reading: nothing is created, the directory need not be
     * writable (e.g. a copy made read-only with {@code chmod -R a-w}), no lock is taken, and
     * {@link DirectoryStore#write write} and {@link DirectoryStore#delete delete} throw a {@link StoreException}.
     *
     * @param root the directory
     * @return the store
     * @throws StoreException if the directory does not exist or is not a directory
     */
    public static DirectoryStore readOnlyDirectory(Path root) {
        return new DirectoryStore(root, Clock.systemUTC(), true);
    }

    /**
     * A store in memory.
     *
     * @param clock the clock for timestamps
     * @return the store
     */
    public static Store inMemory(Clock clock) {
        return new InMemoryStore(clock);
    }
}
