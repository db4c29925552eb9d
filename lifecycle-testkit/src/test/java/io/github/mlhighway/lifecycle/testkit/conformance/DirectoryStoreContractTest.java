package io.github.mlhighway.lifecycle.testkit.conformance;

import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.store.Store;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The embedded directory store keeps the Store contract, durability included. */
class DirectoryStoreContractTest extends StoreContract {

    @TempDir
    Path root;

    @Override
    protected Store newStore() {
        return Stores.directory(root.resolve("store"), clock);
    }

    @Override
    protected Store reopen(Store store) {
        return Stores.directory(root.resolve("store"), clock);
    }
}
