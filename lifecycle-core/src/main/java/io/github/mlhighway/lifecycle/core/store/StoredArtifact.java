package io.github.mlhighway.lifecycle.core.store;

/**
 * An artifact as written to an {@link ArtifactStore}.
 *
 * @param sha256 the lowercase hex SHA-256 of its bytes, which is also its name in the store
 * @param size   its length in bytes
 * @since 0.1
 */
public record StoredArtifact(String sha256, long size) {
}
