package io.github.mlhighway.lifecycle.jdbc;

import io.github.mlhighway.lifecycle.core.store.StoreWatch;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jspecify.annotations.Nullable;

/**
 * A running subscription to a {@link PostgresStore}'s changes ({@link PostgresStore#subscribe}). A daemon thread
 * holds a connection of its own that {@code LISTEN}s on {@value #CHANNEL}; on every notification, and at least
 * every {@value #POLL_MILLIS} ms, it reads the change log after its cursor and hands each change to the listener,
 * in commit order. When the connection drops it reconnects and catches up from the cursor, so nothing is missed.
 *
 * @since 0.1
 */
public final class ChangeSubscription implements StoreWatch {

    /** The notification channel the store's trigger notifies. */
    public static final String CHANNEL = "lifecycle_changes";
    /** How often the change log is read when no notification arrives. */
    public static final int POLL_MILLIS = 500;

    private static final Logger LOG = LoggerFactory.getLogger(ChangeSubscription.class);
    private static final int BATCH = 1000;

    private final PostgresStore store;
    private final String collection;
    private final Consumer<StoreChange> listener;
    private final Thread thread;
    private volatile long cursor;
    private volatile boolean closed;
    private volatile @Nullable Connection listening;

    private ChangeSubscription(PostgresStore store, String collection, long cursor, Consumer<StoreChange> listener) {
        this.store = store;
        this.collection = collection;
        this.cursor = cursor;
        this.listener = listener;
        this.thread = new Thread(this::run, "lifecycle-postgres-changes");
        this.thread.setDaemon(true);
    }

    static ChangeSubscription start(PostgresStore store, String collection, long cursor,
            Consumer<StoreChange> listener) {
        ChangeSubscription subscription = new ChangeSubscription(store, collection, cursor,
                java.util.Objects.requireNonNull(listener, "listener"));
        subscription.thread.start();
        return subscription;
    }

    /**
     * The sequence of the last change handed to the listener (or skipped as another collection's).
     *
     * @return the cursor
     */
    public long cursor() {
        return cursor;
    }

    /** Stops the thread and closes its connection; waits briefly for it to end. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        closeQuietly(listening);
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (!closed) {
            try (Connection connection = connect()) {
                listening = connection;
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                catchUp();
                while (!closed) {
                    pg.getNotifications(POLL_MILLIS);
                    catchUp();
                }
            } catch (SQLException | RuntimeException e) {
                if (!closed) {
                    LOG.warn("Change feed of {} lost its connection ({}); reconnecting", store.location().redacted(),
                            store.location().scrub(e.getMessage()));
                    sleep(POLL_MILLIS);
                }
            } finally {
                listening = null;
            }
        }
    }

    private void catchUp() {
        while (!closed) {
            List<StoreChange> changes = store.changesSince(cursor, BATCH);
            for (StoreChange change : changes) {
                if (collection == null || collection.equals(change.collection())) {
                    try {
                        listener.accept(change);
                    } catch (RuntimeException e) {
                        LOG.warn("A change listener failed on {}", change, e);
                    }
                }
                cursor = change.sequence();
            }
            if (changes.size() < BATCH) {
                return;
            }
        }
    }

    private Connection connect() throws SQLException {
        PostgresLocation location = store.location();
        Properties properties = new Properties();
        location.user().ifPresent(user -> properties.setProperty("user", user));
        location.password().ifPresent(password -> properties.setProperty("password", password));
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(location.driverUrl(), properties);
    }

    private static void closeQuietly(@Nullable Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException | RuntimeException ignored) {
                // Closing to stop: nothing to do about a failure.
            }
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            if (!closed) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return "ChangeSubscription[" + store.location().redacted() + ", " + (collection == null ? "all collections"
                : collection) + ", after " + cursor + "]";
    }
}
