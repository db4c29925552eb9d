/**
 * Stores: the embedded directory store (JSON documents with atomic, fsynced writes and SHA-256 verification),
 * an in-memory store for tests, and the name rules every store shares. Create them through
 * {@link io.github.mlhighway.lifecycle.core.store.Stores}.
 */
package io.github.mlhighway.lifecycle.core.store;
