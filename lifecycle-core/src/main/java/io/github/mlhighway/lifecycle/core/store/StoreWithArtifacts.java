package io.github.mlhighway.lifecycle.core.store;

import io.github.mlhighway.lifecycle.store.Store;

/**
 * A document store that carries its own artifact area, as a store opened by {@link Stores#open(String)} from a
 * location other than a directory does (the directory store's artifact area is {@link ArtifactStore#under}).
 *
 * @since 0.1
 */
public interface StoreWithArtifacts extends Store {

    /**
     * The artifacts that live beside this store's documents.
     *
     * @return the artifact repository
     */
    ArtifactRepository artifacts();
}
