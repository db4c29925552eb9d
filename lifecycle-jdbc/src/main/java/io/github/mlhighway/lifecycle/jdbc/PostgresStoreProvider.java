package io.github.mlhighway.lifecycle.jdbc;

import io.github.mlhighway.lifecycle.core.store.StoreProvider;
import io.github.mlhighway.lifecycle.store.Store;
import java.time.Clock;

/**
 * Opens {@code jdbc:postgresql:} locations for {@link io.github.mlhighway.lifecycle.core.store.Stores#open}; found
 * through {@code META-INF/services}.
 *
 * @since 0.1
 */
public final class PostgresStoreProvider implements StoreProvider {

    /** Creates the provider (for the service loader). */
    public PostgresStoreProvider() {
    }

    @Override
    public boolean supports(String location) {
        return PostgresLocation.isPostgres(location);
    }

    @Override
    public Store open(String location, Clock clock) {
        return PostgresStore.open(location, clock);
    }
}
