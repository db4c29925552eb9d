package io.github.mlhighway.lifecycle.registry;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The bytes of an artifact, hashed as they are read: when the end of the stream is reached, their SHA-256 and
 * length are compared with the expected ones and an {@link ArtifactIntegrityException} is thrown on a mismatch.
 *
 * <p>This closes the time-of-check/time-of-use gap of verifying a file and then handing out its path: the
 * bytes this stream returns are exactly the bytes that were hashed. A reader must therefore treat what it read
 * as untrusted until it has read to the end without an exception; a reader that stops early gets no verification
 * at all. {@link #skip(long)} reads (and hashes) the skipped bytes; mark and reset are not supported. Not
 * thread-safe.
 *
 * @since 0.1
 */
public final class VerifyingInputStream extends FilterInputStream {

    private final Path file;
    private final String expectedSha256;
    private final long expectedSize;
    private final MessageDigest digest;
    private long count;
    private boolean verified;
    private @Nullable ArtifactIntegrityException failure;

    /**
     * Wraps a stream of an artifact's bytes.
     *
     * @param in             the raw bytes, read from their start; closed with this stream
     * @param file           the file they come from, named in the exception
     * @param expectedSha256 the lowercase hex SHA-256 the bytes must hash to
     * @param expectedSize   the expected length in bytes, or -1 to accept any
     */
    public VerifyingInputStream(InputStream in, Path file, String expectedSha256, long expectedSize) {
        super(Objects.requireNonNull(in, "in"));
        this.file = Objects.requireNonNull(file, "file");
        if (!ArtifactRef.isSha256(expectedSha256)) {
            throw new IllegalArgumentException("Not a SHA-256 digest: '" + expectedSha256 + "'");
        }
        this.expectedSha256 = expectedSha256;
        this.expectedSize = expectedSize;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256", e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b < 0) {
            verify();
        } else {
            digest.update((byte) b);
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n < 0) {
            verify();
        } else if (n > 0) {
            digest.update(buffer, offset, n);
            count += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[(int) Math.min(8192, Math.max(0, n))];
        long skipped = 0;
        while (skipped < n) {
            int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readLimit) {
        // Not supported: re-reading bytes would bypass the hash.
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset is not supported by a verifying stream");
    }

    /**
     * Whether the end of the stream was reached and the bytes matched.
     *
     * @return true only after a complete, matching read
     */
    public boolean verified() {
        return verified;
    }

    private void verify() {
        if (verified) {
            return;
        }
        if (failure != null) {
            throw failure;
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(expectedSha256)) {
            failure = new ArtifactIntegrityException(file, expectedSha256, actual, count + " bytes read"
                    + (expectedSize >= 0 ? ", " + expectedSize + " expected" : ""));
        } else if (expectedSize >= 0 && count != expectedSize) {
            failure = new ArtifactIntegrityException(file, expectedSha256, actual, "recorded size " + expectedSize
                    + " bytes but " + count + " were read");
        }
        if (failure != null) {
            throw failure;
        }
        verified = true;
    }
}
