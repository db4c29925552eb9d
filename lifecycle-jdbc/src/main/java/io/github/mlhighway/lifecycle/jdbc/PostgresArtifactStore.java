package io.github.mlhighway.lifecycle.jdbc;

import io.github.mlhighway.lifecycle.core.store.ArtifactRepository;
import io.github.mlhighway.lifecycle.core.store.ArtifactStore;
import io.github.mlhighway.lifecycle.core.store.StoredArtifact;
import io.github.mlhighway.lifecycle.registry.ArtifactIntegrityException;
import io.github.mlhighway.lifecycle.registry.ArtifactRef;
import io.github.mlhighway.lifecycle.registry.VerifyingInputStream;
import io.github.mlhighway.lifecycle.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The artifacts of a {@link PostgresStore}: content-addressed by SHA-256, the bytes in chunks of
 * {@value #CHUNK_SIZE} bytes ({@code lifecycle_artifact_chunks}) named by one row of {@code lifecycle_artifacts}.
 *
 * <p>A {@link #put} streams the input through the hash into chunk rows and inserts the artifact row last, all in
 * one transaction: an interrupted upload (a killed JVM, a dropped connection) is rolled back whole and leaves no
 * trace, and a second upload of the same bytes is rolled back as a duplicate. At most one chunk is in memory. An
 * {@link #open} fetches one chunk at a time and hashes the bytes as it hands them out
 * ({@link VerifyingInputStream}); {@link #verified} keeps a verified local copy in a cache directory, for code that
 * needs a file (e.g. a model loader), and hashes it again on every call.
 *
 * @since 0.1
 */
public final class PostgresArtifactStore implements ArtifactRepository {

    /** The bytes per chunk row. */
    public static final int CHUNK_SIZE = 1024 * 1024;

    private final PostgresStore store;
    private final @Nullable Path cacheDirectory;
    private final boolean ownsCache;
    private volatile @Nullable ArtifactStore cache;

    PostgresArtifactStore(PostgresStore store, @Nullable Path cacheDirectory) {
        this.store = store;
        this.cacheDirectory = cacheDirectory;
        this.ownsCache = cacheDirectory == null;
    }

    @Override
    public StoredArtifact put(InputStream in) {
        Objects.requireNonNull(in, "in");
        return store.once("store an artifact", connection -> {
            connection.setAutoCommit(false);
            try {
                StoredArtifact stored = upload(connection, in);
                return stored;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        });
    }

    private StoredArtifact upload(Connection connection, InputStream in) throws SQLException {
        long upload;
        try (PreparedStatement next = connection.prepareStatement("SELECT nextval('lifecycle_upload_seq')");
             ResultSet row = next.executeQuery()) {
            row.next();
            upload = row.getLong(1);
        }
        MessageDigest digest = sha256();
        byte[] buffer = new byte[CHUNK_SIZE];
        long size = 0;
        int chunks = 0;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO lifecycle_artifact_chunks (upload_id, chunk_no, data) VALUES (?, ?, ?)")) {
            while (true) {
                int length = readFully(in, buffer);
                if (length == 0) {
                    break;
                }
                digest.update(buffer, 0, length);
                insert.setLong(1, upload);
                insert.setInt(2, chunks);
                insert.setBytes(3, length == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, length));
                insert.executeUpdate();
                size += length;
                chunks++;
                if (length < buffer.length) {
                    break;
                }
            }
        }
        String sha256 = HexFormat.of().formatHex(digest.digest());
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO lifecycle_artifacts "
                + "(sha256, size, upload_id, chunk_count) VALUES (?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING")) {
            insert.setString(1, sha256);
            insert.setLong(2, size);
            insert.setLong(3, upload);
            insert.setInt(4, chunks);
            if (insert.executeUpdate() == 1) {
                connection.commit();
            } else {
                connection.rollback();   // the same bytes are stored already: keep those
            }
        }
        return new StoredArtifact(sha256, size);
    }

    @Override
    public boolean contains(String sha256) {
        requireDigest(sha256);
        return row(sha256).isPresent();
    }

    @Override
    public InputStream open(String sha256, long expectedSize) {
        requireDigest(sha256);
        Row row = row(sha256).orElseThrow(() -> new ArtifactIntegrityException(name(sha256), sha256, "missing",
                "no such artifact in " + store.location().redacted()));
        return new VerifyingInputStream(new ChunkStream(row), name(sha256), sha256, expectedSize);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The file is in this store's local cache directory; it is fetched (and hashed as it arrives) when absent
     * or when the cached copy no longer matches.
     */
    @Override
    public Path verified(String sha256, long expectedSize) {
        requireDigest(sha256);
        ArtifactStore local = cache();
        if (local.contains(sha256)) {
            try {
                return local.verified(sha256, expectedSize);
            } catch (ArtifactIntegrityException e) {
                // The cached copy was changed: fetch it again below.
            }
        }
        try (InputStream in = open(sha256, expectedSize)) {
            local.put(in);
        } catch (IOException e) {
            throw new StoreException("Cannot copy artifact " + sha256 + " from " + store.location().redacted()
                    + " to " + local.directory() + ": " + e.getMessage(), e);
        }
        return local.verified(sha256, expectedSize);
    }

    @Override
    public List<String> digests() {
        return store.withRetries("list the artifacts", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT sha256 FROM lifecycle_artifacts ORDER BY sha256");
                 ResultSet rows = select.executeQuery()) {
                List<String> digests = new ArrayList<>();
                while (rows.next()) {
                    digests.add(rows.getString(1));
                }
                return digests;
            }
        });
    }

    /**
     * The recorded size of an artifact.
     *
     * @param sha256 the digest
     * @return its size in bytes, or empty when absent
     */
    public Optional<Long> size(String sha256) {
        requireDigest(sha256);
        return row(sha256).map(Row::size);
    }

    /**
     * The name an artifact has in messages, e.g. {@code postgresql:db:5432/lifecycle/lifecycle_artifacts/ab12…}.
     *
     * @param sha256 the digest
     * @return a path-like name (no such local file exists)
     */
    public Path name(String sha256) {
        String url = store.location().driverUrl();
        int question = url.indexOf('?');
        String base = (question < 0 ? url : url.substring(0, question)).replace("jdbc:postgresql://", "postgresql:")
                .replace("jdbc:postgresql:", "postgresql:");
        return Path.of(base, "lifecycle_artifacts", sha256);
    }

    @Override
    public String toString() {
        return "PostgresArtifactStore[" + store.location().redacted() + "]";
    }

    void close() {
        ArtifactStore local = cache;
        if (ownsCache && local != null) {
            // The temporary directory is <temp>/_artifacts/sha256: remove <temp>.
            Path area = local.directory().getParent();
            Path root = area == null ? null : area.getParent();
            if (root == null) {
                return;
            }
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException | UncheckedIOException ignored) {
                // A temporary cache left behind is harmless.
            }
        }
    }

    private ArtifactStore cache() {
        ArtifactStore local = cache;
        if (local == null) {
            synchronized (this) {
                local = cache;
                if (local == null) {
                    Path directory = cacheDirectory;
                    try {
                        local = ArtifactStore.under(directory != null ? directory
                                : Files.createTempDirectory("lifecycle-postgres-artifacts-"));
                    } catch (IOException e) {
                        throw new StoreException("Cannot create a local cache directory for the artifacts of "
                                + store.location().redacted() + ": " + e.getMessage(), e);
                    }
                    cache = local;
                }
            }
        }
        return local;
    }

    private Optional<Row> row(String sha256) {
        return store.withRetries("read artifact " + sha256, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT upload_id, chunk_count, size FROM lifecycle_artifacts WHERE sha256 = ?")) {
                select.setString(1, sha256);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(new Row(sha256, row.getLong(1), row.getInt(2), row.getLong(3)))
                            : Optional.<Row>empty();
                }
            }
        });
    }

    private static void requireDigest(String sha256) {
        if (!ArtifactRef.isSha256(sha256)) {
            throw new IllegalArgumentException("Not a SHA-256 digest: '" + sha256 + "'");
        }
    }

    private static int readFully(InputStream in, byte[] buffer) {
        int total = 0;
        try {
            while (total < buffer.length) {
                int n = in.read(buffer, total, buffer.length - total);
                if (n < 0) {
                    break;
                }
                total += n;
            }
        } catch (IOException e) {
            throw new StoreException("Cannot read the artifact source: " + e.getMessage(), e);
        }
        return total;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256", e);
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The connection is broken; the server rolls the transaction back.
        }
    }

    /** An artifact row. */
    private record Row(String sha256, long uploadId, int chunks, long size) {
    }

    /** The bytes of an artifact, one chunk row at a time. */
    private final class ChunkStream extends InputStream {
        private final Row row;
        private int next;
        private byte[] chunk = new byte[0];
        private int position;

        ChunkStream(Row row) {
            this.row = row;
        }

        @Override
        public int read() {
            if (!fill()) {
                return -1;
            }
            return chunk[position++] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(length, chunk.length - position);
            System.arraycopy(chunk, position, buffer, offset, n);
            position += n;
            return n;
        }

        private boolean fill() {
            while (position >= chunk.length) {
                if (next >= row.chunks()) {
                    return false;
                }
                int number = next++;
                chunk = store.withRetries("read chunk " + number + " of artifact " + row.sha256(), connection -> {
                    try (PreparedStatement select = connection.prepareStatement(
                            "SELECT data FROM lifecycle_artifact_chunks WHERE upload_id = ? AND chunk_no = ?")) {
                        select.setLong(1, row.uploadId());
                        select.setInt(2, number);
                        try (ResultSet result = select.executeQuery()) {
                            if (!result.next()) {
                                throw new ArtifactIntegrityException(name(row.sha256()), row.sha256(), "missing",
                                        "chunk " + number + " of " + row.chunks() + " is missing");
                            }
                            return result.getBytes(1);
                        }
                    }
                });
                position = 0;
            }
            return true;
        }
    }
}
