package io.github.mlhighway.lifecycle.core.store;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import com.google.common.hash.HashingOutputStream;
import com.google.common.io.ByteStreams;
import com.google.common.io.CountingOutputStream;
import io.github.mlhighway.lifecycle.registry.ArtifactIntegrityException;
import io.github.mlhighway.lifecycle.registry.ArtifactRef;
import io.github.mlhighway.lifecycle.registry.VerifyingInputStream;
import io.github.mlhighway.lifecycle.store.StoreException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Content-addressed binary files beside the documents of a {@link DirectoryStore}: a file whose bytes hash to
 * {@code ab12…} (SHA-256, lowercase hex) lives at {@code <root>/_artifacts/sha256/ab/ab12…}. The {@code _}
 * prefix keeps the area out of the collection namespace, since no collection name may start with it.
 *
 * <p>Writes stream through the hash into a temporary dot-file ending in {@code .tmp}, which is fsynced and
 * atomically renamed to its digest, then the directory is fsynced: a crash leaves the artifact complete or
 * absent, never torn, and a left-over temporary file is never taken for an artifact. Nothing is read into one
 * array, so a 50 MB file costs a 64 KB buffer. Every {@link #verified verified} read hashes the file again and
 * refuses one that does not match with an {@link ArtifactIntegrityException}; {@link #open(String, long)} hashes
 * the bytes as it hands them out, which is the form to use when the bytes must be the verified ones. Thread-safe and multi-process safe:
 * two writers of the same bytes rename identical files over each other. This is the default
 * {@link ArtifactRepository}.
 *
 * @since 0.1
 */
public final class ArtifactStore implements ArtifactRepository {

    /** The artifact area's directory under the store root. */
    public static final String DIRECTORY = "_artifacts";
    /** The subdirectory for SHA-256 addressed files. */
    public static final String ALGORITHM = "sha256";

    private static final int BUFFER = 64 * 1024;

    private final Path base;

    private ArtifactStore(Path base) {
        this.base = base;
    }

    /**
     * The artifact area of a store directory; nothing is created until the first write.
     *
     * @param storeRoot the store's root directory
     * @return the artifact store
     */
    public static ArtifactStore under(Path storeRoot) {
        return new ArtifactStore(storeRoot.toAbsolutePath().normalize().resolve(DIRECTORY).resolve(ALGORITHM));
    }

    /**
     * The directory that holds the shard directories.
     *
     * @return {@code <root>/_artifacts/sha256}
     */
    public Path directory() {
        return base;
    }

    /**
     * Stores a file's bytes.
     *
     * @param file the file
     * @return its digest and size
     * @throws StoreException if the file cannot be read or the artifact cannot be written
     */
    @Override
    public StoredArtifact put(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new StoreException("Cannot read artifact source " + file + ": it is not a regular file (a directory,"
                    + " FIFO, device or socket, or missing)");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return put(in);
        } catch (IOException e) {
            throw new StoreException("Cannot read artifact source " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stores the bytes of a stream, reading it to its end (the caller closes it).
     *
     * @param in the bytes
     * @return their digest and size
     * @throws StoreException if the stream fails or the artifact cannot be written
     */
    @Override
    public StoredArtifact put(InputStream in) {
        Objects.requireNonNull(in, "in");
        Path temp = null;
        try {
            SafeFiles.requireRealDirectories(storeRoot(), base);
            Files.createDirectories(base);
            temp = Files.createTempFile(base, ".", ".tmp");
            String sha256;
            long size;
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream file = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER);
                CountingOutputStream counting = new CountingOutputStream(file);
                HashingOutputStream hashing = new HashingOutputStream(Hashing.sha256(), counting);
                ByteStreams.copy(in, hashing);
                hashing.flush();
                channel.force(true);
                sha256 = hashing.hash().toString();
                size = counting.getCount();
            }
            Path target = file(sha256);
            Path shardDirectory = Objects.requireNonNull(target.getParent(), "an artifact file is in a shard");
            SafeFiles.requireRealDirectories(storeRoot(), shardDirectory);
            Path shard = Files.createDirectories(shardDirectory);
            // Always renamed, also over an identical file: the artifact's modification time then says when it was
            // last stored, which is what StoreGc's age threshold protects (a writer between storing an artifact and
            // writing the document that names it), and a link or FIFO in its place is replaced, never followed.
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system of " + base + " cannot rename atomically", e);
            }
            fsyncDirectory(shard);
            return new StoredArtifact(sha256, size);
        } catch (SafeFiles.NotRegularException e) {
            throw new StoreException("Cannot write artifact under " + base + ": " + e.getFile() + " is " + e.kind()
                    + ", not a directory of the store; it is not followed", e);
        } catch (IOException e) {
            throw new StoreException("Cannot write artifact under " + base + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * Where the artifact with a digest lives (or would live).
     *
     * @param sha256 the digest
     * @return the file
     * @throws IllegalArgumentException if the text is not a lowercase hex SHA-256
     */
    public Path file(String sha256) {
        if (!ArtifactRef.isSha256(sha256)) {
            throw new IllegalArgumentException("Not a SHA-256 digest: '" + sha256 + "'");
        }
        return base.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    /**
     * Whether an artifact file with this digest exists (its content is not checked).
     *
     * @param sha256 the digest
     * @return true when the file exists
     */
    @Override
    public boolean contains(String sha256) {
        return Files.isRegularFile(file(sha256), LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Opens an artifact for reading, hashing the bytes as they are read: at the end of the stream an
     * {@link ArtifactIntegrityException} is thrown if they do not match the digest. Unlike {@link #verified},
     * the bytes checked are exactly the bytes returned.
     *
     * @param sha256 the digest
     * @return a stream the caller closes
     * @throws ArtifactIntegrityException if the file is missing (at once) or its bytes do not match (at the end)
     * @throws StoreException             if the file cannot be opened
     */
    @Override
    public InputStream open(String sha256) {
        return open(sha256, -1);
    }

    /**
     * Opens an artifact for reading, hashing the bytes as they are read: at the end of the stream an
     * {@link ArtifactIntegrityException} is thrown if they do not match the digest or the expected size.
     * Treat the bytes as untrusted until the end was reached without an exception.
     *
     * @param sha256       the digest
     * @param expectedSize the expected length in bytes, or -1 to accept any
     * @return a stream the caller closes
     * @throws ArtifactIntegrityException if the file is missing (at once) or its bytes do not match (at the end)
     * @throws StoreException             if the file cannot be opened
     */
    @Override
    public InputStream open(String sha256, long expectedSize) {
        Path file = file(sha256);
        try {
            return new VerifyingInputStream(SafeFiles.open(Objects.requireNonNull(storeRoot()), file), file, sha256,
                    expectedSize);
        } catch (NoSuchFileException e) {
            throw new ArtifactIntegrityException(file, sha256, "missing", "no such file");
        } catch (SafeFiles.NotRegularException e) {
            throw notRegular(file, sha256, e);
        } catch (IOException e) {
            throw new StoreException("Cannot open artifact " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Hashes the artifact's file and returns it if its bytes match its digest.
     *
     * <p>Time-of-check/time-of-use: the path is returned after the check, so the file can change before the
     * caller reads it. Use {@link #open(String)} when the bytes read must be the verified ones.
     *
     * @param sha256 the digest
     * @return the verified file
     * @throws ArtifactIntegrityException naming the file and both digests if it is missing or does not match
     */
    @Override
    public Path verified(String sha256) {
        return verified(sha256, -1);
    }

    /**
     * Hashes the artifact's file and returns it if its bytes match its digest and its size the expected one. Only a
     * regular file is read, never through a symbolic link: an artifact replaced by a link, a FIFO or a directory
     * fails verification at once instead of being followed or blocking.
     *
     * <p>Time-of-check/time-of-use: the path is returned after the check, so the file can change before the
     * caller reads it. Use {@link #open(String, long)} when the bytes read must be the verified ones.
     *
     * @param sha256       the digest
     * @param expectedSize the expected length in bytes, or -1 to accept any
     * @return the verified file
     * @throws ArtifactIntegrityException naming the file and both digests if it is missing or does not match
     */
    @Override
    public Path verified(String sha256, long expectedSize) {
        Path file = file(sha256);
        long size;
        String actual;
        try (InputStream in = SafeFiles.open(Objects.requireNonNull(storeRoot()), file)) {
            Hasher hasher = Hashing.sha256().newHasher();
            byte[] buffer = new byte[BUFFER];
            size = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                hasher.putBytes(buffer, 0, n);
                size += n;
            }
            actual = hasher.hash().toString();
        } catch (NoSuchFileException e) {
            throw new ArtifactIntegrityException(file, sha256, "missing", "no such file");
        } catch (SafeFiles.NotRegularException e) {
            throw notRegular(file, sha256, e);
        } catch (IOException e) {
            throw new StoreException("Cannot read artifact " + file + ": " + e.getMessage(), e);
        }
        if (!actual.equals(sha256)) {
            throw new ArtifactIntegrityException(file, sha256, actual, size + " bytes"
                    + (expectedSize >= 0 ? ", " + expectedSize + " expected" : ""));
        }
        if (expectedSize >= 0 && size != expectedSize) {
            throw new ArtifactIntegrityException(file, sha256, actual, "recorded size " + expectedSize
                    + " bytes but the file has " + size);
        }
        return file;
    }

    /**
     * The digests of every artifact file present, sorted; temporary files and stray names are not listed.
     *
     * @return the digests
     * @throws StoreException if the area cannot be listed
     */
    @Override
    public List<String> digests() {
        List<String> digests = new ArrayList<>();
        if (!Files.isDirectory(base, LinkOption.NOFOLLOW_LINKS)) {
            return digests;
        }
        try (DirectoryStream<Path> shards = Files.newDirectoryStream(base,
                path -> Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS))) {
            for (Path shard : shards) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(shard)) {
                    for (Path file : files) {
                        String name = file.getFileName().toString();
                        if (ArtifactRef.isSha256(name) && name.startsWith(shard.getFileName().toString())
                                && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                            digests.add(name);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new StoreException("Cannot list artifacts under " + base + ": " + e.getMessage(), e);
        }
        Collections.sort(digests);
        return digests;
    }

    @Override
    public String toString() {
        return "ArtifactStore[" + base + "]";
    }

    /** The store root: two levels above {@code _artifacts/sha256}. */
    private Path storeRoot() {
        return Objects.requireNonNull(Objects.requireNonNull(base.getParent()).getParent(),
                () -> "artifact directory " + base + " is not two levels below a store root");
    }

    private static ArtifactIntegrityException notRegular(Path file, String sha256, SafeFiles.NotRegularException e) {
        return new ArtifactIntegrityException(file, sha256, "nothing readable", e.getFile() + " is " + e.kind()
                + ", and only regular files are read as artifacts; it was not opened");
    }

    private static void fsyncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms cannot open a directory for fsync; the rename itself is still atomic there.
        }
    }

    private static void deleteQuietly(@Nullable Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // A left-over temporary dot-file is harmless: it is never taken for an artifact.
            }
        }
    }
}
