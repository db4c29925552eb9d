package io.github.mlhighway.lifecycle.core.store;

import io.github.mlhighway.lifecycle.registry.ArtifactIntegrityException;
import io.github.mlhighway.lifecycle.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where model artifacts live: content-addressed binaries named by the lowercase hex SHA-256 of their bytes,
 * streamed in and out (never held in memory as one array) and verified on every read. The embedded default is
 * the directory implementation {@link ArtifactStore}; other implementations (e.g. PostgreSQL in
 * {@code lifecycle-jdbc}) plug in here. Implementations are thread-safe, and writing the same bytes twice stores
 * them once.
 *
 * @since 0.1
 */
public interface ArtifactRepository {

    /**
     * Stores the bytes of a stream, reading it to its end (the caller closes it).
     *
     * @param in the bytes
     * @return their digest and size
     * @throws StoreException if the stream fails or the artifact cannot be written
     */
    StoredArtifact put(InputStream in);

    /**
     * Stores a file's bytes.
     *
     * @param file the file
     * @return its digest and size
     * @throws StoreException if the file cannot be read or the artifact cannot be written
     */
    default StoredArtifact put(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return put(in);
        } catch (IOException e) {
            throw new StoreException("Cannot read artifact source " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether an artifact with this digest is present (its content is not checked).
     *
     * @param sha256 the digest
     * @return true when present
     * @throws IllegalArgumentException if the text is not a lowercase hex SHA-256
     */
    boolean contains(String sha256);

    /**
     * Opens an artifact for reading, hashing the bytes as they are read: at the end of the stream an
     * {@link ArtifactIntegrityException} is thrown if they do not match the digest.
     *
     * @param sha256 the digest
     * @return a stream the caller closes
     * @throws ArtifactIntegrityException if the artifact is missing (at once) or its bytes do not match (at the end)
     * @throws StoreException             if it cannot be opened
     * @throws IllegalArgumentException   if the text is not a lowercase hex SHA-256
     */
    default InputStream open(String sha256) {
        return open(sha256, -1);
    }

    /**
     * Opens an artifact for reading, hashing the bytes as they are read: at the end of the stream an
     * {@link ArtifactIntegrityException} is thrown if they do not match the digest or the expected size. Treat the
     * bytes as untrusted until the end was reached without an exception.
     *
     * @param sha256       the digest
     * @param expectedSize the expected length in bytes, or -1 to accept any
     * @return a stream the caller closes
     * @throws ArtifactIntegrityException if the artifact is missing (at once) or its bytes do not match (at the end)
     * @throws StoreException             if it cannot be opened
     * @throws IllegalArgumentException   if the text is not a lowercase hex SHA-256
     */
    InputStream open(String sha256, long expectedSize);

    /**
     * A local file holding the artifact's bytes, hashed and found to match before it is returned (a directory
     * store returns its own content-addressed file; a remote store a verified local copy).
     *
     * @param sha256 the digest
     * @return the verified file
     * @throws ArtifactIntegrityException naming the artifact and both digests if it is missing or does not match
     * @throws IllegalArgumentException   if the text is not a lowercase hex SHA-256
     */
    default Path verified(String sha256) {
        return verified(sha256, -1);
    }

    /**
     * A local file holding the artifact's bytes, hashed and found to match the digest and expected size before it
     * is returned. The file may change after the check; use {@link #open(String, long)} when the bytes read must
     * be the verified ones.
     *
     * @param sha256       the digest
     * @param expectedSize the expected length in bytes, or -1 to accept any
     * @return the verified file
     * @throws ArtifactIntegrityException naming the artifact and both digests if it is missing or does not match
     * @throws IllegalArgumentException   if the text is not a lowercase hex SHA-256
     */
    Path verified(String sha256, long expectedSize);

    /**
     * The digests of every artifact present, sorted, for checks and copies.
     *
     * @return the digests
     * @throws StoreException if the artifacts cannot be listed
     */
    List<String> digests();
}
