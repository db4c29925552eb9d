package io.github.mlhighway.lifecycle.testkit.conformance;

import io.github.mlhighway.lifecycle.core.registry.ModelRegistries;
import io.github.mlhighway.lifecycle.core.store.ArtifactStore;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.registry.ModelRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The core's registry keeps the ModelRegistry contract over each built-in store. */
class StoreModelRegistryContractTest {

    @Nested
    class OverTheInMemoryStore extends ModelRegistryContract {
        @TempDir
        Path artifacts;

        @Override
        protected ModelRegistry newRegistry() {
            return ModelRegistries.on(Stores.inMemory(clock), ArtifactStore.under(artifacts), clock);
        }
    }

    @Nested
    class OverTheDirectoryStore extends ModelRegistryContract {
        @TempDir
        Path root;

        @Override
        protected ModelRegistry newRegistry() {
            return ModelRegistries.on(Stores.directory(root, clock), ArtifactStore.under(root), clock);
        }
    }
}
