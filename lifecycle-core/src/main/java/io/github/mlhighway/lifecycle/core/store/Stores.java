package io.github.mlhighway.lifecycle.core.store;

import io.github.mlhighway.lifecycle.store.Store;
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
     * A store in memory.
     *
     * @param clock the clock for timestamps
     * @return the store
     */
    public static Store inMemory(Clock clock) {
        return new InMemoryStore(clock);
    }
}
