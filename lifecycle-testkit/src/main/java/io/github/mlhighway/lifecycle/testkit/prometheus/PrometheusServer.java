package io.github.mlhighway.lifecycle.testkit.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.DoublePredicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Prometheus server for a test: the installed {@code prometheus} binary (Debian package {@code prometheus})
 * started on a free loopback port with a temporary TSDB directory and a configuration that scrapes the given
 * targets (job {@value #JOB}) at a short interval. Close it to stop the process and delete its directory; a JVM
 * that exits first stops it too.
 *
 * <p>The binary is looked up in {@value #BINARY_VARIABLE}, then {@code /usr/bin/prometheus}, then the {@code PATH}.
 * {@link #start} throws {@link PrometheusUnavailableException} when there is none; {@link #startOrSkip} turns that
 * into a failure under {@code CI=true} (CI installs the package, so a skip there would hide a broken install) and a
 * skipped test elsewhere.
 *
 * <pre>{@code
 * try (PrometheusServer prometheus = PrometheusServer.startOrSkip(Duration.ofSeconds(1), List.of("127.0.0.1:" + port))) {
 *     prometheus.await("sum(up)", v -> v == 1, Duration.ofSeconds(20));
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class PrometheusServer implements AutoCloseable {

    /** The path of a Prometheus server binary to use instead of the installed one. */
    public static final String BINARY_VARIABLE = "LIFECYCLE_TEST_PROMETHEUS";
    /** The job name of the scraped targets (the {@code job} label of their series). */
    public static final String JOB = "lifecycle-test";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path directory;
    private final URI url;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Thread stopOnExit;

    private PrometheusServer(Process process, Path directory, URI url) {
        this.process = process;
        this.directory = directory;
        this.url = url;
        this.stopOnExit = new Thread(this::stopProcess, "lifecycle-test-prometheus-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Starts a server scraping the targets and waits until it is ready.
     *
     * @param scrapeInterval how often it scrapes (and evaluates rules), e.g. one second
     * @param targets        {@code host:port} of each target, scraped at {@code /metrics}
     * @return the running server
     * @throws PrometheusUnavailableException when no binary is found
     * @throws IllegalStateException          when the server does not start; the message holds its log
     */
    public static PrometheusServer start(Duration scrapeInterval, List<String> targets) {
        return start(findBinary(), scrapeInterval, targets);
    }

    static PrometheusServer start(Optional<Path> found, Duration scrapeInterval, List<String> targets) {
        Objects.requireNonNull(scrapeInterval, "scrapeInterval");
        Objects.requireNonNull(targets, "targets");
        if (scrapeInterval.toMillis() < 1) {
            throw new IllegalArgumentException("scrapeInterval must be at least 1ms, not " + scrapeInterval);
        }
        String config = config(scrapeInterval, targets);
        Path binary = found.orElseThrow(() -> new PrometheusUnavailableException("No Prometheus server "
                + "binary found ($" + BINARY_VARIABLE + ", /usr/bin/prometheus or prometheus on the PATH): install"
                + " it (Debian: apt-get install prometheus; .ci/run does) or set $" + BINARY_VARIABLE));
        try {
            Path directory = Files.createTempDirectory("lifecycle-prometheus-");
            Path configFile = directory.resolve("prometheus.yml");
            Files.writeString(configFile, config, StandardCharsets.UTF_8);
            int port = freePort();
            Path log = directory.resolve("prometheus.log");
            Process process = new ProcessBuilder(binary.toString(), "--config.file=" + configFile,
                    "--storage.tsdb.path=" + directory.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
                    "--storage.tsdb.retention.time=1d")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            PrometheusServer server = new PrometheusServer(process, directory,
                    URI.create("http://127.0.0.1:" + port));
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Prometheus from " + binary + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@link #start} for a test: without a binary, fails under {@code CI=true} and skips the test elsewhere, with
     * the reason.
     *
     * @param scrapeInterval how often it scrapes
     * @param targets        {@code host:port} of each target
     * @return the running server
     */
    public static PrometheusServer startOrSkip(Duration scrapeInterval, List<String> targets) {
        return startOrSkip(findBinary(), "true".equalsIgnoreCase(System.getenv("CI")), scrapeInterval, targets);
    }

    static PrometheusServer startOrSkip(Optional<Path> binary, boolean ci, Duration scrapeInterval,
                                        List<String> targets) {
        try {
            return start(binary, scrapeInterval, targets);
        } catch (PrometheusUnavailableException e) {
            if (ci) {
                throw new AssertionError("CI=true and the Prometheus server tests cannot run: " + e.getMessage(), e);
            }
            Assumptions.abort("Prometheus server tests skipped: " + e.getMessage());
            throw e;
        }
    }

    /**
     * The Prometheus server binary that {@link #start} would run.
     *
     * @return its path, or empty when none is installed
     */
    public static Optional<Path> findBinary() {
        String configured = System.getenv(BINARY_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured.trim());
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        Path debian = Path.of("/usr/bin/prometheus");
        if (Files.isExecutable(debian)) {
            return Optional.of(debian);
        }
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, "prometheus"))) {
                return Optional.of(Path.of(entry, "prometheus"));
            }
        }
        return Optional.empty();
    }

    /**
     * The server's base URL.
     *
     * @return e.g. {@code http://127.0.0.1:41234}
     */
    public URI url() {
        return url;
    }

    /**
     * Evaluates an instant query now.
     *
     * @param promql the query
     * @return the sum of the result vector's values, empty when the vector is empty
     * @throws IllegalStateException when the server answers an error
     */
    public Optional<Double> query(String promql) {
        Objects.requireNonNull(promql, "promql");
        URI uri = URI.create(url + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode root = JSON.readTree(response.body());
            if (response.statusCode() != 200 || !"success".equals(root.path("status").asText())) {
                throw new IllegalStateException("Prometheus " + url + " refused query `" + promql + "`: HTTP "
                        + response.statusCode() + " " + response.body());
            }
            JsonNode result = root.path("data").path("result");
            if (result.isEmpty()) {
                return Optional.empty();
            }
            double sum = 0;
            for (JsonNode series : result) {
                sum += Double.parseDouble(series.path("value").path(1).asText());
            }
            return Optional.of(sum);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot query Prometheus " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while querying Prometheus " + url, e);
        }
    }

    /**
     * Polls a query (every 100 ms) until its value satisfies the condition, e.g. until the newest scrape shows
     * every request a test sent.
     *
     * @param promql    the query
     * @param condition what its value must satisfy
     * @param timeout   how long to poll
     * @return the value that satisfied it
     * @throws AssertionError when the timeout passes first; the message holds the last value and the log
     */
    public double await(String promql, DoublePredicate condition, Duration timeout) {
        Objects.requireNonNull(condition, "condition");
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<Double> last = Optional.empty();
        while (true) {
            last = query(promql);
            if (last.isPresent() && condition.test(last.get())) {
                return last.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Prometheus " + url + ": `" + promql + "` was still "
                        + last.map(String::valueOf).orElse("empty") + " after " + timeout + "; log:\n" + logTail());
            }
            pause(100);
        }
    }

    /**
     * The server's log, for failure messages.
     *
     * @return the last lines
     */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(directory.resolve("prometheus.log"), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops the server and deletes its directory. */
    @Override
    public void close() {
        stopProcess();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException ignored) {
            // The JVM is exiting: the hook runs anyway.
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // A temporary directory left behind is harmless.
        }
    }

    @Override
    public String toString() {
        return "PrometheusServer[" + url + (process.isAlive() ? "" : ", stopped") + "]";
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        URI ready = URI.create(url + "/-/ready");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String log = logTail();
                close();
                throw new IllegalStateException("Prometheus exited with " + process.exitValue()
                        + " before it was ready at " + url + "; log:\n" + log);
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(ready)
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("Interrupted while waiting for Prometheus at " + url, e);
            }
            pause(50);
        }
        String log = logTail();
        close();
        throw new IllegalStateException("Prometheus was not ready at " + url + " within " + READY_TIMEOUT + "; log:\n"
                + log);
    }

    private void stopProcess() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static String config(Duration scrapeInterval, List<String> targets) {
        String interval = scrapeInterval.toMillis() + "ms";
        String list = targets.stream().map(t -> "'" + requireTarget(t) + "'").collect(Collectors.joining(", "));
        return "global:\n"
                + "  scrape_interval: " + interval + "\n"
                + "  scrape_timeout: " + interval + "\n"
                + "  evaluation_interval: " + interval + "\n"
                + "scrape_configs:\n"
                + "  - job_name: " + JOB + "\n"
                + "    static_configs:\n"
                + "      - targets: [" + list + "]\n";
    }

    private static String requireTarget(String target) {
        Objects.requireNonNull(target, "target");
        if (!target.matches("[A-Za-z0-9.\\-\\[\\]:]+:\\d+")) {
            throw new IllegalArgumentException("A scrape target is host:port, not '" + target + "'");
        }
        return target;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Prometheus", e);
        }
    }
}
