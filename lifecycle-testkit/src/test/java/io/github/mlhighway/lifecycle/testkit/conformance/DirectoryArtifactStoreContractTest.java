package io.github.mlhighway.lifecycle.testkit.conformance;

import io.github.mlhighway.lifecycle.core.store.ArtifactRepository;
import io.github.mlhighway.lifecycle.core.store.ArtifactStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The embedded directory artifact store keeps the ArtifactRepository contract, durability included. */
class DirectoryArtifactStoreContractTest extends ArtifactRepositoryContract {

    @TempDir
    Path root;

    @Override
    protected ArtifactRepository newRepository() {
        return ArtifactStore.under(root.resolve("store"));
    }

    @Override
    protected ArtifactRepository reopen(ArtifactRepository repository) {
        return ArtifactStore.under(root.resolve("store"));
    }
}
