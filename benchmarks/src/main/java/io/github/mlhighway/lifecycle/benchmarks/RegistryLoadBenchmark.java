package io.github.mlhighway.lifecycle.benchmarks;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import io.github.mlhighway.lifecycle.core.registry.ModelRegistries;
import io.github.mlhighway.lifecycle.registry.LoadedModel;
import io.github.mlhighway.lifecycle.registry.ModelRef;
import io.github.mlhighway.lifecycle.registry.ModelRegistry;
import io.github.mlhighway.lifecycle.registry.ModelVersion;
import io.github.mlhighway.lifecycle.registry.NewModelVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Loading a registered model of one {@value #MIB} MiB artifact, which verifies its SHA-256 and size, against
 * reading the same bytes without verifying them. The artifact is random bytes from a seeded {@link Random},
 * registered once per trial in a {@code ModelRegistries.directory} under a temporary directory; every method
 * reads the registry's own copy of the file, so all of them read the same (page-cached) pages.
 * <ul>
 *   <li>{@code registryLoad}: {@link ModelRegistry#load} of version 1: read the version document, then hash the
 *       artifact and compare digest and size;</li>
 *   <li>{@code plainReadBuffer}: {@link Files#newInputStream} read to the end into a 64 KiB buffer, the floor;</li>
 *   <li>{@code plainReadAllBytes}: {@link Files#readAllBytes}, a 50 MiB array per call;</li>
 *   <li>{@code hashStream}: the same 64 KiB-buffer loop feeding Guava's {@code Hashing.sha256()}: the read plus
 *       the hash, without the registry around it;</li>
 *   <li>{@code hashInMemory}: {@code Hashing.sha256().hashBytes} over the bytes already in the heap: the hash
 *       alone, without any read.</li>
 * </ul>
 * Scores are milliseconds per 50 MiB; MiB/s = 50 000 / score.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RegistryLoadBenchmark {

    /** The artifact's size in MiB. */
    public static final int MIB = 50;
    /** The artifact's size in bytes. */
    public static final int SIZE = MIB * 1024 * 1024;
    private static final int BUFFER = 64 * 1024;

    private Path directory;
    private ModelRegistry registry;
    private ModelRef ref;
    private Path artifact;
    private byte[] bytes;
    private final byte[] buffer = new byte[BUFFER];

    /**
     * Writes the artifact and registers it as version 1 of model {@code bench}.
     *
     * @throws IOException if the temporary files cannot be written
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        directory = Files.createTempDirectory("lifecycle-registry-bench");
        bytes = new byte[SIZE];
        new Random(42).nextBytes(bytes);
        Path source = Files.write(directory.resolve("model.bin"), bytes);
        registry = ModelRegistries.directory(directory.resolve("store"), Clock.systemUTC());
        ModelVersion version = registry.register(NewModelVersion.of("bench").file("model.bin", source).build());
        ref = ModelRef.ofVersion("bench", version.version());
        artifact = registry.load(ref).file("model.bin");
        if (Files.size(artifact) != SIZE) {
            throw new IllegalStateException("artifact " + artifact + " has " + Files.size(artifact) + " bytes");
        }
    }

    /** Deletes the temporary directory. */
    @TearDown(Level.Trial)
    public void tearDown() {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the loaded model; digest and size verified */
    @Benchmark
    public LoadedModel registryLoad() {
        return registry.load(ref);
    }

    /**
     * @return the number of bytes read
     * @throws IOException if the file cannot be read
     */
    @Benchmark
    public long plainReadBuffer() throws IOException {
        long total = 0;
        try (InputStream in = Files.newInputStream(artifact)) {
            for (int n; (n = in.read(buffer)) != -1; ) {
                total += n;
            }
        }
        return total;
    }

    /**
     * @return the bytes
     * @throws IOException if the file cannot be read
     */
    @Benchmark
    public byte[] plainReadAllBytes() throws IOException {
        return Files.readAllBytes(artifact);
    }

    /**
     * @return the hex digest
     * @throws IOException if the file cannot be read
     */
    @Benchmark
    public String hashStream() throws IOException {
        Hasher hasher = Hashing.sha256().newHasher();
        try (InputStream in = Files.newInputStream(artifact)) {
            for (int n; (n = in.read(buffer)) != -1; ) {
                hasher.putBytes(buffer, 0, n);
            }
        }
        return hasher.hash().toString();
    }

    /** @return the hex digest of the bytes in memory */
    @Benchmark
    public String hashInMemory() {
        return Hashing.sha256().hashBytes(bytes).toString();
    }
}
