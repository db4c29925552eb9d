package io.github.mlhighway.lifecycle.jdbc;

import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.testkit.conformance.StoreContract;
import io.github.mlhighway.lifecycle.testkit.postgres.PostgresExtension;
import java.util.IdentityHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;

/** The PostgreSQL store passes the Store SPI's conformance kit unchanged, each test on a fresh database, on the kit's clock. */
@ExtendWith(PostgresExtension.class)
class PostgresStoreContractTest extends StoreContract {

    private final Map<Store, String> urls = new IdentityHashMap<>();

    @Override
    protected Store newStore() {
        String url = PostgresExtension.server().newDatabase();
        PostgresStore store = PostgresStore.open(url, clock);
        urls.put(store, url);
        return store;
    }

    /**
     * A new store over the same database as {@code store} (the conformance kit's reopen hook; the kit closes the
     * old one).
     *
     * @param store a store made by {@link #newStore()} or by this method
     * @return a new instance over the same persisted state
     * @throws Exception if it cannot be opened
     */
    @Override
    protected Store reopen(Store store) throws Exception {
        String url = urls.get(store);
        PostgresStore reopened = PostgresStore.open(url, clock);
        urls.put(reopened, url);
        return reopened;
    }
}
