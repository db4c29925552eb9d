/**
 * The model registry: numbered {@link io.github.mlhighway.lifecycle.registry.ModelVersion versions} of named
 * models with their metadata, content-addressed artifact files and lineage, and aliases such as
 * {@code champion} that move only with gate evidence attached (a passing verdict or a recorded override), every
 * move kept in an append-only audit log. The implementation on the Store is in {@code lifecycle-core}.
 */
@NullMarked
package io.github.mlhighway.lifecycle.registry;

import org.jspecify.annotations.NullMarked;
