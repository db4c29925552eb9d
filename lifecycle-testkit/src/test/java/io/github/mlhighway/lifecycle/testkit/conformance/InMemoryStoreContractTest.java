package io.github.mlhighway.lifecycle.testkit.conformance;

import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.store.Store;

/**
 * The in-memory store keeps the Store contract; it is not durable, so {@link #reopen} keeps the default (null)
 * and the two durability tests are skipped.
 */
class InMemoryStoreContractTest extends StoreContract {

    @Override
    protected Store newStore() {
        return Stores.inMemory(clock);
    }
}
