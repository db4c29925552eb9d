package io.github.mlhighway.lifecycle.testkit.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A real PostgreSQL server for tests and benchmarks, one per JVM: the installed server binaries ({@code initdb},
 * {@code pg_ctl}; the Debian package {@code postgresql}) initialised into a temporary directory and started on a
 * free loopback port, or an existing server named by {@value #URL_VARIABLE}.
 *
 * <p>PostgreSQL refuses to run as root, so as root the binaries run as the {@code postgres} user through
 * {@code runuser} (the temporary directory is handed to that user). Binaries are looked up in
 * {@value #BIN_VARIABLE}, then {@code /usr/lib/postgresql/<newest>/bin}, then the {@code PATH}. When none is found
 * {@link #shared()} throws {@link PostgresUnavailableException}; the {@link PostgresExtension} turns that into a
 * failure under {@code CI=true} and a skip elsewhere.
 *
 * <p>Each test takes a database of its own from {@link #newDatabase()}. The JDBC driver must be on the class path
 * (only {@code java.sql} is used here). The server started here stops when the JVM exits.
 *
 * @since 0.1
 */
public final class PostgresServer {

    /** An existing server's JDBC URL (with a user that may create databases) to use instead of starting one. */
    public static final String URL_VARIABLE = "LIFECYCLE_TEST_PG_URL";
    /** Set this system property to {@code true} to keep fsync on (for benchmarks); tests run without it. */
    public static final String DURABLE_PROPERTY = "lifecycle.test.pg.durable";
    /** A directory holding {@code initdb} and {@code pg_ctl}. */
    public static final String BIN_VARIABLE = "LIFECYCLE_TEST_PG_BIN";

    private static final String SUPERUSER = "postgres";
    private static @Nullable PostgresServer shared;

    private final String adminUrl;
    private final @Nullable Path binaries;
    private final @Nullable Path directory;
    private final int port;
    private final boolean asPostgresUser;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresServer(String adminUrl, @Nullable Path binaries, @Nullable Path directory, int port,
                           boolean asPostgresUser) {
        this.adminUrl = adminUrl;
        this.binaries = binaries;
        this.directory = directory;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /**
     * The server of this JVM, started at the first call.
     *
     * @return the server
     * @throws PostgresUnavailableException if there is no server binary and no {@value #URL_VARIABLE}
     */
    public static synchronized PostgresServer shared() {
        PostgresServer server = shared;
        if (server == null) {
            String url = System.getenv(URL_VARIABLE);
            server = url != null && !url.isBlank() ? new PostgresServer(url.trim(), null, null, -1, false)
                    : startLocal();
            shared = server;
            Runtime.getRuntime().addShutdownHook(new Thread(server::stopQuietly, "lifecycle-test-postgres-stop"));
        }
        return server;
    }

    /**
     * Whether this server was started here (and can therefore be stopped and restarted by a test).
     *
     * @return true when started from local binaries
     */
    public boolean isLocal() {
        return binaries != null;
    }

    /**
     * The URL of the maintenance database, as the superuser.
     *
     * @return a JDBC URL
     */
    public String adminUrl() {
        return adminUrl;
    }

    /**
     * Creates an empty database of its own for a test.
     *
     * @return its JDBC URL
     */
    public String newDatabase() {
        String name = "lifecycle_test_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(adminUrl);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name + " on " + redact(adminUrl) + ": "
                    + e.getMessage(), e);
        }
        return withDatabase(adminUrl, name);
    }

    /**
     * Stops the server (fast shutdown: connections are cut, committed work is kept).
     *
     * @throws IllegalStateException if the server was not started here
     */
    public void stop() {
        requireLocal("stop");
        runAsServerUser(List.of(localBinaries().resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "fast",
                "-w", "-t", "60", "stop"));
    }

    /**
     * Starts the server again after {@link #stop()}, on the same port.
     *
     * @throws IllegalStateException if the server was not started here
     */
    public void start() {
        requireLocal("start");
        startServer(localBinaries(), localDirectory(), port, asPostgresUser);
    }

    /**
     * The server's log (of a server started here), for failure messages.
     *
     * @return the last lines, or empty
     */
    public String logTail() {
        if (directory == null) {
            return "";
        }
        try {
            List<String> lines = Files.readAllLines(directory.resolve("server.log"), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public String toString() {
        return "PostgresServer[" + redact(adminUrl) + (isLocal() ? ", started from " + binaries : ", external") + "]";
    }

    private static PostgresServer startLocal() {
        Path binaries = findBinaries().orElseThrow(() -> new PostgresUnavailableException("No PostgreSQL server "
                + "binaries found (initdb and pg_ctl in $" + BIN_VARIABLE + ", /usr/lib/postgresql/*/bin or the "
                + "PATH): install the server (Debian: apt-get install postgresql; .ci/run does) or point $"
                + URL_VARIABLE + " at a server whose user may create databases"));
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            Path directory = Files.createTempDirectory("lifecycle-postgres-");
            if (root) {
                run(List.of("chown", SUPERUSER + ":" + SUPERUSER, directory.toString()));
            }
            int port = freePort();
            PostgresServer server = new PostgresServer("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user="
                    + SUPERUSER, binaries, directory, port, root);
            server.runAsServerUser(List.of(binaries.resolve("initdb").toString(), "-D", server.data().toString(),
                    "-U", SUPERUSER, "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"));
            startServer(binaries, directory, port, root);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare a PostgreSQL data directory: " + e.getMessage(), e);
        }
    }

    private static void startServer(Path binaries, Path directory, int port, boolean root) {
        String options = "-c listen_addresses=127.0.0.1 -p " + port + " -c unix_socket_directories=" + directory
                + (Boolean.getBoolean(DURABLE_PROPERTY) ? "" : " -c fsync=off -c full_page_writes=off")
                + " -c max_connections=200 -c shared_buffers=64MB";
        List<String> command = List.of(binaries.resolve("pg_ctl").toString(), "-D",
                directory.resolve("data").toString(), "-o", options, "-l", directory.resolve("server.log").toString(),
                "-w", "-t", "60", "start");
        run(root ? asPostgres(command) : command);
    }

    private void runAsServerUser(List<String> command) {
        run(asPostgresUser ? asPostgres(command) : command);
    }

    private static List<String> asPostgres(List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", SUPERUSER, "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private Path data() {
        return localDirectory().resolve("data");
    }

    /** @return the binaries of a server started here (callers check {@link #isLocal()} first) */
    private Path localBinaries() {
        return Objects.requireNonNull(binaries, "an external PostgreSQL server has no local binaries");
    }

    /** @return the temporary directory of a server started here (callers check {@link #isLocal()} first) */
    private Path localDirectory() {
        return Objects.requireNonNull(directory, "an external PostgreSQL server has no local directory");
    }

    private void requireLocal(String what) {
        if (!isLocal()) {
            throw new IllegalStateException("Cannot " + what + " the external server " + redact(adminUrl)
                    + " (from $" + URL_VARIABLE + ")");
        }
    }

    private void stopQuietly() {
        if (!isLocal()) {
            return;
        }
        try {
            runAsServerUser(List.of(localBinaries().resolve("pg_ctl").toString(), "-D", data().toString(), "-m",
                    "immediate", "-w", "stop"));
        } catch (RuntimeException ignored) {
            // Already stopped.
        }
        try {
            if (asPostgresUser) {
                run(List.of("runuser", "-u", SUPERUSER, "--", "rm", "-rf", data().toString()));
            }
            try (Stream<Path> files = Files.walk(localDirectory())) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        } catch (IOException | RuntimeException ignored) {
            // A temporary directory left behind is harmless.
        }
    }

    private static Optional<Path> findBinaries() {
        String configured = System.getenv(BIN_VARIABLE);
        if (configured != null && Files.isExecutable(Path.of(configured, "initdb"))) {
            return Optional.of(Path.of(configured));
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Optional<Path> newest = versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                        .max(Comparator.comparingInt(PostgresServer::majorVersion));
                if (newest.isPresent()) {
                    return Optional.of(newest.get().resolve("bin"));
                }
            } catch (IOException ignored) {
                // Look on the PATH instead.
            }
        }
        for (String entry : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, "initdb"))
                    && Files.isExecutable(Path.of(entry, "pg_ctl"))) {
                return Optional.of(Path.of(entry));
            }
        }
        return Optional.empty();
    }

    private static int majorVersion(Path directory) {
        try {
            return Integer.parseInt(directory.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("Command " + String.join(" ", command) + " failed: "
                        + new String(output, StandardCharsets.UTF_8).trim());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command.get(0), e);
        }
    }

    static String withDatabase(String url, String database) {
        int question = url.indexOf('?');
        String base = question < 0 ? url : url.substring(0, question);
        String query = question < 0 ? "" : url.substring(question);
        int slash = base.indexOf('/', "jdbc:postgresql://".length());
        String server = slash < 0 ? base : base.substring(0, slash);
        return server + "/" + database.toLowerCase(Locale.ROOT) + query;
    }

    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
