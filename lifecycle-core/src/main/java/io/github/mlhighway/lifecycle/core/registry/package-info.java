/**
 * The model registry on the Store: versions numbered by compare-and-set, artifacts in the content-addressed
 * {@link io.github.mlhighway.lifecycle.core.store.ArtifactStore} verified on every load, aliases moved only with
 * evidence and an append-only audit log of every move. Create one through
 * {@link io.github.mlhighway.lifecycle.core.registry.ModelRegistries}.
 */
@NullMarked
package io.github.mlhighway.lifecycle.core.registry;

import org.jspecify.annotations.NullMarked;
