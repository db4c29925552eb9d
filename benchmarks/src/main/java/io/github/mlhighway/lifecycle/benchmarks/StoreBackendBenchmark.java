package io.github.mlhighway.lifecycle.benchmarks;

import io.github.mlhighway.lifecycle.core.json.Json;
import io.github.mlhighway.lifecycle.core.registry.ModelRegistries;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.registry.AliasMoveRequest;
import io.github.mlhighway.lifecycle.registry.ModelRef;
import io.github.mlhighway.lifecycle.registry.ModelRegistry;
import io.github.mlhighway.lifecycle.registry.ModelVersion;
import io.github.mlhighway.lifecycle.registry.NewModelVersion;
import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.store.StoredDocument;
import io.github.mlhighway.lifecycle.testkit.postgres.PostgresServer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The directory store against the PostgreSQL store on loopback, side by side ({@code backend} = {@code directory}
 * or {@code postgres}), for what a fleet does to its registry:
 * <ul>
 *   <li>{@code registerWith1MbArtifact}: register a version with a 1 MiB artifact (different bytes every time, so
 *       the upload is never deduplicated);</li>
 *   <li>{@code resolveAlias}: {@code registry.version(rain:champion)};</li>
 *   <li>{@code readDocument}: {@code store.read} of a 1 KB document;</li>
 *   <li>{@code casUpdate}: read a document and write it back with its revision (compare-and-set);</li>
 *   <li>{@code searchByTag}: the versions of a model with {@code versions} versions whose tags match three
 *       filters ({@code registry.versions(model)} filtered: the registry has no server-side search).</li>
 * </ul>
 * PostgreSQL: {@code $LIFECYCLE_BENCH_PG_URL}, or else a server started from the installed binaries with fsync on
 * (as durable as the directory store, which fsyncs every write).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StoreBackendBenchmark {

    /** Which store. */
    @Param({"directory", "postgres"})
    public String backend;

    /** How many versions the searched model has. */
    @Param({"10000"})
    public int versions;

    private Path temp;
    private Store store;
    private ModelRegistry registry;
    private Path artifact;
    private byte[] bytes;
    private long counter;

    /**
     * Opens the store and fills it: one model with an alias, one with {@link #versions} versions.
     *
     * @throws IOException if temporary files cannot be written
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        temp = Files.createTempDirectory("lifecycle-store-bench");
        if (backend.equals("postgres")) {
            String url = System.getenv("LIFECYCLE_BENCH_PG_URL");
            if (url == null || url.isBlank()) {
                System.setProperty(PostgresServer.DURABLE_PROPERTY, "true");
                url = PostgresServer.shared().newDatabase();
            }
            store = Stores.open(url, Clock.systemUTC());
        } else {
            store = Stores.open(temp.resolve("store").toString(), Clock.systemUTC());
        }
        registry = ModelRegistries.on(store, Stores.artifactsOf(store), Clock.systemUTC());
        bytes = new byte[1024 * 1024];
        new Random(42).nextBytes(bytes);
        artifact = temp.resolve("model.bin");
        Files.write(artifact, bytes);
        ModelVersion first = registry.register(NewModelVersion.of("rain").file("model.bin", artifact).build());
        registry.moveAlias(AliasMoveRequest.of("rain", "champion", first.version()).withOverride("bench", "setup"));
        store.put("bench", "doc", "{\"text\":\"" + "x".repeat(1000) + "\"}");
        for (int n = 1; n <= versions; n++) {
            ModelVersion version = new ModelVersion("search", n, Clock.systemUTC().instant(), Map.of(),
                    Map.of("auc", 0.5 + n % 100 / 1000.0), Map.of("team", n % 2 == 0 ? "rain" : "wind",
                    "region", "r" + n % 10, "stage", n % 3 == 0 ? "prod" : "dev"), List.of(), List.of(), null);
            store.write("registry-versions", "search.v" + n, Json.write(version), Store.MUST_NOT_EXIST);
        }
    }

    /** Closes the store and removes the temporary directory. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        store.close();
        try (Stream<Path> files = Files.walk(temp)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /**
     * Registers a version with a 1 MiB artifact.
     *
     * @return the version
     * @throws IOException if the artifact cannot be rewritten
     */
    @Benchmark
    public ModelVersion registerWith1MbArtifact() throws IOException {
        ByteBuffer.wrap(bytes).putLong(0, ++counter);
        Files.write(artifact, bytes);
        return registry.register(NewModelVersion.of("rain").file("model.bin", artifact).build());
    }

    /**
     * Resolves the champion alias.
     *
     * @return the version
     */
    @Benchmark
    public ModelVersion resolveAlias() {
        return registry.version(ModelRef.ofAlias("rain", "champion"));
    }

    /**
     * Reads a document.
     *
     * @return the document
     */
    @Benchmark
    public StoredDocument readDocument() {
        return store.read("bench", "doc").orElseThrow();
    }

    /**
     * Reads a counter and writes it back with its revision.
     *
     * @return the written document
     */
    @Benchmark
    public StoredDocument casUpdate() {
        long revision = store.read("bench", "counter").map(StoredDocument::revision).orElse(Store.MUST_NOT_EXIST);
        return store.write("bench", "counter", "{\"value\":" + revision + "}", revision);
    }

    /**
     * Finds the versions tagged team=rain, stage=prod, region=r4.
     *
     * @return how many matched
     */
    @Benchmark
    public long searchByTag() {
        return registry.versions("search").stream().filter(v -> "rain".equals(v.tags().get("team"))
                && "prod".equals(v.tags().get("stage")) && "r4".equals(v.tags().get("region"))).count();
    }
}
