/**
 * Stores: the embedded directory store (JSON documents with atomic, fsynced writes and SHA-256 verification; it
 * can also be opened read-only, e.g. for a copy that must not change),
 * an in-memory store for tests, and the name rules every store shares. Create them through
 * {@link io.github.mlhighway.lifecycle.core.store.Stores}.
 */
@NullMarked
package io.github.mlhighway.lifecycle.core.store;

import org.jspecify.annotations.NullMarked;
