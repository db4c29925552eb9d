package io.github.mlhighway.lifecycle.jdbc;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link PostgresStore} connects.
 *
 * @param poolSize          the most pooled connections (default 8)
 * @param connectionTimeout how long an operation waits for a connection before it fails (default 5 s)
 * @param artifactCache     the local directory where verified copies of artifacts are kept for
 *                          {@link PostgresArtifactStore#verified}, or null for a temporary directory removed on close
 * @since 0.1
 */
public record PostgresStoreOptions(int poolSize, Duration connectionTimeout, @Nullable Path artifactCache) {

    /** Validates the options. */
    public PostgresStoreOptions {
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1, was " + poolSize);
        }
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        if (connectionTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("connectionTimeout must be at least 250 ms, was " + connectionTimeout);
        }
    }

    /**
     * The defaults: 8 connections, 5 s timeout, a temporary artifact cache.
     *
     * @return the options
     */
    public static PostgresStoreOptions defaults() {
        return new PostgresStoreOptions(8, Duration.ofSeconds(5), null);
    }

    /**
     * These options with another pool size.
     *
     * @param size the most pooled connections
     * @return new options
     */
    public PostgresStoreOptions withPoolSize(int size) {
        return new PostgresStoreOptions(size, connectionTimeout, artifactCache);
    }

    /**
     * These options with another connection timeout.
     *
     * @param timeout at least 250 ms
     * @return new options
     */
    public PostgresStoreOptions withConnectionTimeout(Duration timeout) {
        return new PostgresStoreOptions(poolSize, timeout, artifactCache);
    }

    /**
     * These options with an artifact cache directory of the caller's (kept on close).
     *
     * @param directory the directory
     * @return new options
     */
    public PostgresStoreOptions withArtifactCache(Path directory) {
        return new PostgresStoreOptions(poolSize, connectionTimeout, Objects.requireNonNull(directory, "directory"));
    }
}
