package io.github.mlhighway.lifecycle.core.registry;

import io.github.mlhighway.lifecycle.core.store.ArtifactRepository;
import io.github.mlhighway.lifecycle.core.store.ArtifactStore;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.registry.ModelRegistry;
import io.github.mlhighway.lifecycle.store.Store;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Factories for model registries.
 *
 * @since 0.1
 */
public final class ModelRegistries {

    private ModelRegistries() {
    }

    /**
     * A registry in a store directory: documents in a {@code DirectoryStore}, files in its artifact area.
     *
     * @param root  the store directory, created if absent
     * @param clock the clock for creation and move times
     * @return the registry
     */
    public static ModelRegistry directory(Path root, Clock clock) {
        return new StoreModelRegistry(Stores.directory(root, clock), ArtifactStore.under(root), clock);
    }

    /**
     * A registry on any document store and artifact repository (e.g. a directory's artifact area).
     *
     * @param documents where versions and aliases live
     * @param artifacts where files live
     * @param clock     the clock for creation and move times
     * @return the registry
     */
    public static ModelRegistry on(Store documents, ArtifactRepository artifacts, Clock clock) {
        return new StoreModelRegistry(documents, artifacts, clock);
    }
}
