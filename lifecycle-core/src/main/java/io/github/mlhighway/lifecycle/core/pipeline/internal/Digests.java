package io.github.mlhighway.lifecycle.core.pipeline.internal;

import com.google.common.hash.Hashing;
import com.google.common.io.MoreFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * SHA-256 digests as lowercase hex, the one way runs and lineage identify content.
 *
 * @since 0.1
 */
public final class Digests {

    private Digests() {
    }

    /**
     * The digest of bytes.
     *
     * @param bytes the content
     * @return lowercase hex SHA-256
     */
    public static String sha256(byte[] bytes) {
        return Hashing.sha256().hashBytes(bytes).toString();
    }

    /**
     * The digest of a file's content, read in a stream.
     *
     * @param file a regular file
     * @return lowercase hex SHA-256
     * @throws UncheckedIOException if the file cannot be read
     */
    public static String sha256(Path file) {
        try {
            return MoreFiles.asByteSource(file).hash(Hashing.sha256()).toString();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + " to digest it: " + e.getMessage(), e);
        }
    }
}
