package io.github.mlhighway.lifecycle.testkit.conformance;

import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.testkit.TestClock;

/** The in-memory store keeps the Store contract. */
class InMemoryStoreContractTest extends StoreContract {

    @Override
    protected Store newStore() {
        return Stores.inMemory(TestClock.create());
    }
}
