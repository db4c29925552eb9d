package io.github.mlhighway.lifecycle.registry;

import io.github.mlhighway.lifecycle.store.StoreException;
import java.nio.file.Path;

/**
 * A stored artifact's bytes do not match its SHA-256 (tampered, truncated or missing); it was not returned.
 *
 * @since 0.1
 */
public class ArtifactIntegrityException extends StoreException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String expectedSha256;
    private final String actualSha256;

    /**
     * @param file           the artifact's file
     * @param expectedSha256 the digest it is stored under
     * @param actualSha256   the digest of its bytes, or {@code "missing"} when the file is absent
     * @param detail         more about what was found, e.g. the sizes; may be empty
     */
    public ArtifactIntegrityException(Path file, String expectedSha256, String actualSha256, String detail) {
        super("Artifact " + file + " fails verification: expected SHA-256 " + expectedSha256 + " but its bytes hash to "
                + actualSha256 + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")")
                + "; it was tampered with, truncated or lost outside Lifecycle");
        this.file = file;
        this.expectedSha256 = expectedSha256;
        this.actualSha256 = actualSha256;
    }

    /** @return the artifact's file */
    public Path file() {
        return file;
    }

    /** @return the digest the artifact is stored under */
    public String expectedSha256() {
        return expectedSha256;
    }

    /** @return the digest of the bytes found, or {@code "missing"} */
    public String actualSha256() {
        return actualSha256;
    }
}
