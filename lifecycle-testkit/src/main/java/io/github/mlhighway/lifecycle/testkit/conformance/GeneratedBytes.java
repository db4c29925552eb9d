package io.github.mlhighway.lifecycle.testkit.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Deterministic pseudo-random bytes, generated as they are read so that an artifact of many megabytes never exists
 * as one array in the kit: byte {@code i} of seed {@code s} is the same in every stream of that seed, so a prefix
 * of a stream is a shorter stream of the same seed. A stream may be told to fail with an {@link IOException} after
 * some bytes (a dropped upload), and it refuses to hand out all its bytes at once: {@link #readAllBytes()} and a
 * {@link #readNBytes(int)} of the whole rest throw an {@link AssertionError}, since a repository that calls them
 * holds the artifact in memory as one array. Not thread-safe.
 */
final class GeneratedBytes extends InputStream {

    private static final int BLOCK = 64 * 1024;

    private final long size;
    private final long seed;
    private final long failAt;
    private long position;
    private volatile boolean askedForEverything;

    private GeneratedBytes(long size, long seed, long failAt) {
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size);
        }
        this.size = size;
        this.seed = seed;
        this.failAt = failAt;
    }

    /**
     * A stream of {@code size} bytes of a seed.
     *
     * @param size the length
     * @param seed the seed
     * @return the stream
     */
    static GeneratedBytes of(long size, long seed) {
        return new GeneratedBytes(size, seed, Long.MAX_VALUE);
    }

    /**
     * A stream of {@code size} bytes of a seed that throws an {@link IOException} once {@code failAt} bytes were
     * read and more are asked for.
     *
     * @param size   the length it claims
     * @param seed   the seed
     * @param failAt how many bytes it hands out before failing
     * @return the stream
     */
    static GeneratedBytes failingAfter(long size, long seed, long failAt) {
        return new GeneratedBytes(size, seed, failAt);
    }

    /**
     * The bytes of a seed as an array, for small artifacts.
     *
     * @param size the length
     * @param seed the seed
     * @return the bytes
     */
    static byte[] array(int size, long seed) {
        byte[] bytes = new byte[size];
        of(size, seed).fill(bytes);
        return bytes;
    }

    /**
     * The lowercase hex SHA-256 of {@code size} bytes of a seed, computed without holding them.
     *
     * @param size the length
     * @param seed the seed
     * @return the digest
     */
    static String sha256(long size, long seed) {
        MessageDigest digest = newDigest();
        byte[] block = new byte[BLOCK];
        GeneratedBytes in = of(size, seed);
        for (int n = in.fill(block); n >= 0; n = in.fill(block)) {
            digest.update(block, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * The lowercase hex SHA-256 of bytes.
     *
     * @param bytes the bytes
     * @return the digest
     */
    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(newDigest().digest(bytes));
    }

    /** @return how many bytes were handed out */
    long position() {
        return position;
    }

    /** @return whether a reader asked for all the bytes at once */
    boolean askedForEverything() {
        return askedForEverything;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public void close() {
        // nothing to release
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length == 0) {
            return 0;
        }
        if (position >= failAt && position < size) {
            throw new IOException("the artifact source failed after " + position + " of " + size
                    + " bytes (as the conformance kit intended)");
        }
        if (position >= size) {
            return -1;
        }
        int n = (int) Math.min(length, Math.min(size, failAt) - position);
        long index = -1;
        long word = 0;
        for (int i = 0; i < n; i++) {
            long at = position + i;
            if (at >>> 3 != index) {
                index = at >>> 3;
                word = word(seed, index);
            }
            buffer[offset + i] = (byte) (word >>> ((at & 7) << 3));
        }
        position += n;
        return n;
    }

    @Override
    public byte[] readAllBytes() {
        askedForEverything = true;
        throw new AssertionError("The repository called readAllBytes() on the artifact's stream: it holds the whole "
                + "artifact (" + size + " bytes) in memory as one array instead of streaming it");
    }

    @Override
    public byte[] readNBytes(int length) throws IOException {
        if (length >= size - position && size - position > BLOCK) {
            askedForEverything = true;
            throw new AssertionError("The repository called readNBytes(" + length + ") for the rest of the "
                    + "artifact's stream: it holds the whole artifact in memory as one array instead of streaming it");
        }
        return super.readNBytes(length);
    }

    /** Reads into a block a stream that never fails. */
    private int fill(byte[] block) {
        try {
            return read(block, 0, block.length);
        } catch (IOException e) {
            throw new IllegalStateException("a stream without a failure point failed", e);
        }
    }

    /** Eight bytes of the stream at once (SplitMix64 of the word's index). */
    private static long word(long seed, long wordIndex) {
        long z = seed * 0x9E3779B97F4A7C15L + wordIndex * 0xD1B54A32D192ED03L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256", e);
        }
    }
}
