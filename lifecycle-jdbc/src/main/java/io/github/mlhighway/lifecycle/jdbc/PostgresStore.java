package io.github.mlhighway.lifecycle.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.mlhighway.lifecycle.core.store.ChangeNotifyingStore;
import io.github.mlhighway.lifecycle.core.store.DocumentChange;
import io.github.mlhighway.lifecycle.core.store.StoreBodies;
import io.github.mlhighway.lifecycle.core.store.StoreNames;
import io.github.mlhighway.lifecycle.core.store.StoreWithArtifacts;
import io.github.mlhighway.lifecycle.store.RevisionConflictException;
import io.github.mlhighway.lifecycle.store.StoreException;
import io.github.mlhighway.lifecycle.store.StoredDocument;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The shared store on PostgreSQL: the documents of every collection in one table with compare-and-set on a
 * revision column, artifacts beside them ({@link #artifacts()}), a change log with LISTEN/NOTIFY
 * ({@link #subscribe}, and {@link #watch} for code that follows any {@link ChangeNotifyingStore}), and the
 * schema migrated by Flyway when the store is opened.
 *
 * <p>Semantics are those of the directory store: a write is one SQL statement, so it is atomic and durable when
 * it returns (never half-applied); {@link #write} with an expected revision is a single conditional
 * {@code UPDATE} (or an {@code INSERT … ON CONFLICT DO NOTHING} for {@link #MUST_NOT_EXIST}), so two JVMs racing
 * for one revision cannot both win. Every row carries the SHA-256 of its fields (as the directory store's
 * envelope does) and a row that does not match is refused on read.
 *
 * <p>Faults: when the database is unreachable an operation fails with a {@link StoreException} naming the store
 * (never its password); reads and key listings, which are idempotent, are retried a few times first, writes
 * never (a write whose commit was lost with the connection would otherwise be applied twice). The pool revalidates
 * its connections, so the next call after the database is back succeeds. Thread-safe; open one per JVM and share
 * it.
 *
 * @since 0.1
 */
public final class PostgresStore implements StoreWithArtifacts, ChangeNotifyingStore {

    /** The Flyway history table in the store's schema. */
    public static final String SCHEMA_HISTORY_TABLE = "lifecycle_schema_history";
    /** The newest schema version this library knows. */
    public static final int SCHEMA_VERSION = 1;

    private static final int READ_ATTEMPTS = 3;
    private static final int ANY_REVISION_ATTEMPTS = 1000;
    private static final Pattern CONNECTION_STATES = Pattern.compile("^(08|57P0|53|40001|40P01).*");

    private final PostgresLocation location;
    private final HikariDataSource pool;
    private final Clock clock;
    private final PostgresArtifactStore artifacts;
    private final List<ChangeSubscription> subscriptions = new java.util.concurrent.CopyOnWriteArrayList<>();

    private PostgresStore(PostgresLocation location, HikariDataSource pool, Clock clock, @Nullable Path artifactCache) {
        this.location = location;
        this.pool = pool;
        this.clock = clock;
        this.artifacts = new PostgresArtifactStore(this, artifactCache);
    }

    /**
     * Opens a store, migrating its schema; credentials from the URL or the environment
     * ({@link PostgresLocation}).
     *
     * @param url   a {@code jdbc:postgresql://host:port/database} URL
     * @param clock the clock for document timestamps
     * @return the store, which the caller closes
     * @throws StoreException if the database cannot be reached, or its schema is newer than this library knows
     */
    public static PostgresStore open(String url, Clock clock) {
        return open(PostgresLocation.parse(url), clock, PostgresStoreOptions.defaults());
    }

    /**
     * Opens a store with options, migrating its schema.
     *
     * @param location where, and as whom
     * @param clock    the clock for document timestamps
     * @param options  pool size, timeouts, artifact cache
     * @return the store, which the caller closes
     * @throws StoreException if the database cannot be reached, or its schema is newer than this library knows
     */
    public static PostgresStore open(PostgresLocation location, Clock clock, PostgresStoreOptions options) {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(options, "options");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(location.driverUrl());
        location.user().ifPresent(config::setUsername);
        location.password().ifPresent(config::setPassword);
        config.setPoolName("lifecycle-postgres");
        config.setMaximumPoolSize(options.poolSize());
        config.setMinimumIdle(Math.min(2, options.poolSize()));
        config.setConnectionTimeout(options.connectionTimeout().toMillis());
        config.setValidationTimeout(Math.max(250, Math.min(options.connectionTimeout().toMillis(), 5000)));
        config.setInitializationFailTimeout(options.connectionTimeout().toMillis());
        config.setAutoCommit(true);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("Cannot connect to the PostgreSQL store " + location.redacted() + ": "
                    + location.scrub(rootMessage(e)), e);
        }
        try {
            SchemaMigrations.migrate(pool, location);
            return new PostgresStore(location, pool, clock, options.artifactCache());
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * Where this store is, for messages (never with its password).
     *
     * @return the location
     */
    public PostgresLocation location() {
        return location;
    }

    /**
     * The pool, for code of this module and for tests that inspect the tables.
     *
     * @return the data source
     */
    DataSource dataSource() {
        return pool;
    }

    @Override
    public PostgresArtifactStore artifacts() {
        return artifacts;
    }

    @Override
    public Optional<StoredDocument> read(String collection, String key) {
        StoreNames.requireValid(collection, "collection");
        StoreNames.requireValid(key, "key");
        return withRetries("read " + collection + "/" + key, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT revision, written_at, body, sha256 "
                    + "FROM lifecycle_documents WHERE collection = ? AND doc_key = ?")) {
                select.setString(1, collection);
                select.setString(2, key);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(verified(collection, key, row.getLong(1), row.getString(2), row.getString(3),
                            row.getString(4)));
                }
            }
        });
    }

    @Override
    public StoredDocument write(String collection, String key, String json, long expectedRevision) {
        StoreNames.requireValid(collection, "collection");
        StoreNames.requireValid(key, "key");
        String body = canonicalBody(collection, key, json);
        if (expectedRevision != ANY_REVISION) {
            for (int attempt = 0; ; attempt++) {
                Optional<StoredDocument> written = tryWrite(collection, key, body, expectedRevision);
                if (written.isPresent()) {
                    return written.get();
                }
                long actual = currentRevision(collection, key);
                if (actual != expectedRevision || attempt >= 2) {
                    throw new RevisionConflictException(collection, key, expectedRevision, actual);
                }
                // Deleted or created between the two statements: the expected revision holds again, try again.
            }
        }
        for (int attempt = 0; attempt < ANY_REVISION_ATTEMPTS; attempt++) {
            Optional<StoredDocument> written = tryWrite(collection, key, body, currentRevision(collection, key));
            if (written.isPresent()) {
                return written.get();
            }
        }
        throw new StoreException("Could not write " + collection + "/" + key + " in " + location.redacted()
                + " after " + ANY_REVISION_ATTEMPTS + " attempts: too many concurrent writers of that document");
    }

    @Override
    public List<String> keys(String collection) {
        StoreNames.requireValid(collection, "collection");
        return withRetries("list " + collection, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT doc_key FROM lifecycle_documents WHERE collection = ? ORDER BY doc_key")) {
                select.setString(1, collection);
                List<String> keys = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        keys.add(rows.getString(1));
                    }
                }
                return keys;
            }
        });
    }

    /** {@inheritDoc} One query; every row is verified against its digest. */
    @Override
    public List<StoredDocument> readAll(String collection, String keyPrefix) {
        StoreNames.requireValid(collection, "collection");
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        return withRetries("read " + collection + "/" + keyPrefix + "*", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT doc_key, revision, written_at, body, "
                    + "sha256 FROM lifecycle_documents WHERE collection = ? AND doc_key >= ? AND doc_key < ? "
                    + "ORDER BY doc_key")) {
                select.setString(1, collection);
                select.setString(2, keyPrefix);
                select.setString(3, keyPrefix + Character.MAX_VALUE);
                List<StoredDocument> documents = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String key = rows.getString(1);
                        if (key.startsWith(keyPrefix)) {
                            documents.add(verified(collection, key, rows.getLong(2), rows.getString(3),
                                    rows.getString(4), rows.getString(5)));
                        }
                    }
                }
                return documents;
            }
        });
    }

    /**
     * The collections that hold at least one document, sorted.
     *
     * @return collection names
     */
    public List<String> collections() {
        return withRetries("list the collections", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT DISTINCT collection FROM lifecycle_documents ORDER BY collection");
                 ResultSet rows = select.executeQuery()) {
                List<String> names = new ArrayList<>();
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
                return names;
            }
        });
    }

    @Override
    public boolean delete(String collection, String key) {
        StoreNames.requireValid(collection, "collection");
        StoreNames.requireValid(key, "key");
        return once("delete " + collection + "/" + key, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM lifecycle_documents WHERE collection = ? AND doc_key = ?")) {
                delete.setString(1, collection);
                delete.setString(2, key);
                return delete.executeUpdate() == 1;
            }
        });
    }

    /**
     * The changes committed after a cursor, oldest first: poll with the last {@link StoreChange#sequence()} seen.
     *
     * @param after a cursor, 0 for the beginning
     * @param limit at most this many
     * @return the changes
     */
    public List<StoreChange> changesSince(long after, int limit) {
        return withRetries("read the change log", connection -> ChangeLog.since(connection, after, limit));
    }

    /**
     * The cursor of the newest change committed so far, to start following changes from now.
     *
     * @return the cursor, 0 when nothing was ever written
     */
    public long latestChange() {
        return withRetries("read the change log", ChangeLog::latest);
    }

    /**
     * Calls a listener with every change to a collection committed from now on, in commit order, on a thread of
     * its own: woken by PostgreSQL's LISTEN/NOTIFY and backed by the change log, so no change is missed across
     * a dropped connection. Typically within milliseconds of the commit.
     *
     * @param collection the collection to follow, or null for all
     * @param listener   called with each change; exceptions it throws are logged and ignored
     * @return the subscription; close it to stop
     */
    public ChangeSubscription subscribe(String collection, Consumer<StoreChange> listener) {
        if (collection != null) {
            StoreNames.requireValid(collection, "collection");
        }
        ChangeSubscription subscription = ChangeSubscription.start(this, collection, latestChange(), listener);
        subscriptions.add(subscription);
        return subscription;
    }

    /**
     * {@inheritDoc} The same feed as {@link #subscribe(String, Consumer)}: LISTEN/NOTIFY backed by the change log,
     * so no change is missed across a dropped connection.
     */
    @Override
    public ChangeSubscription watch(String collection, Consumer<DocumentChange> listener) {
        StoreNames.requireValid(collection, "collection");
        Objects.requireNonNull(listener, "listener");
        return subscribe(collection, change -> listener.accept(new DocumentChange(change.collection(), change.key(),
                change.revision())));
    }

    /** Stops the subscriptions and closes the pool. */
    @Override
    public void close() {
        subscriptions.forEach(ChangeSubscription::close);
        subscriptions.clear();
        artifacts.close();
        pool.close();
    }

    @Override
    public String toString() {
        return "PostgresStore[" + location.redacted() + "]";
    }

    private Optional<StoredDocument> tryWrite(String collection, String key, String body, long expectedRevision) {
        Instant at = clock.instant();
        String writtenAt = at.toString();
        long revision = expectedRevision + 1;
        String sha256 = DocumentDigest.of(collection, key, revision, writtenAt, body);
        return once("write " + collection + "/" + key, connection -> {
            String sql = expectedRevision == MUST_NOT_EXIST
                    ? "INSERT INTO lifecycle_documents (revision, written_at, body, sha256, collection, doc_key) "
                            + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (collection, doc_key) DO NOTHING"
                    : "UPDATE lifecycle_documents SET revision = ?, written_at = ?, body = ?, sha256 = ? "
                            + "WHERE collection = ? AND doc_key = ? AND revision = ?";
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setLong(1, revision);
                statement.setString(2, writtenAt);
                statement.setString(3, body);
                statement.setString(4, sha256);
                statement.setString(5, collection);
                statement.setString(6, key);
                if (expectedRevision != MUST_NOT_EXIST) {
                    statement.setLong(7, expectedRevision);
                }
                return statement.executeUpdate() == 1
                        ? Optional.of(new StoredDocument(collection, key, revision, at, body))
                        : Optional.empty();
            }
        });
    }

    private long currentRevision(String collection, String key) {
        return withRetries("read the revision of " + collection + "/" + key, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT revision FROM lifecycle_documents WHERE collection = ? AND doc_key = ?")) {
                select.setString(1, collection);
                select.setString(2, key);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? row.getLong(1) : 0L;
                }
            }
        });
    }

    /** Verifies a row's digest and makes it a document; a mismatch is refused naming the row. */
    StoredDocument verified(String collection, String key, long revision, String writtenAt, String body,
            String recorded) {
        String actual = DocumentDigest.of(collection, key, revision, writtenAt, body);
        if (!actual.equals(recorded)) {
            throw new StoreException("Document " + collection + "/" + key + " in " + location.redacted()
                    + " fails verification: its row records SHA-256 " + recorded + " but its fields hash to " + actual
                    + "; it was changed outside Lifecycle");
        }
        try {
            return new StoredDocument(collection, key, revision, Instant.parse(writtenAt), body);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new StoreException("Document " + collection + "/" + key + " in " + location.redacted()
                    + " is malformed: " + e.getMessage(), e);
        }
    }

    /** Runs an idempotent operation, retrying a few times when the connection fails. */
    <T> T withRetries(String what, SqlWork<T> work) {
        StoreException last = null;
        for (int attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
            try {
                return once(what, work);
            } catch (StoreException e) {
                if (!(e.getCause() instanceof SQLException sql) || !isConnectionFailure(sql)) {
                    throw e;
                }
                last = e;
                pause(100L << attempt);
            }
        }
        throw last;
    }

    /** Runs an operation once on a pooled connection; a failure becomes a {@link StoreException}. */
    <T> T once(String what, SqlWork<T> work) {
        try (Connection connection = pool.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    StoreException failure(String what, SQLException e) {
        String state = e.getSQLState() == null ? "" : " (SQL state " + e.getSQLState() + ")";
        String hint = isConnectionFailure(e)
                ? "; the database is unreachable or restarting" + (what.startsWith("write") || what.startsWith("delete")
                        || what.startsWith("store") ? " and the outcome of this write is unknown: read it back before "
                        + "retrying" : "")
                : "";
        return new StoreException("Cannot " + what + " in PostgreSQL store " + location.redacted() + ": "
                + location.scrub(e.getMessage()) + state + hint, e);
    }

    static boolean isConnectionFailure(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && CONNECTION_STATES.matcher(sql.getSQLState()).matches()) {
                return true;
            }
            if (t instanceof java.sql.SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while waiting to retry", e);
        }
    }

    private static String canonicalBody(String collection, String key, String json) {
        return StoreBodies.canonical(collection, key, json);
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root.getMessage() + ")";
    }

    /** One unit of work on a connection. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
