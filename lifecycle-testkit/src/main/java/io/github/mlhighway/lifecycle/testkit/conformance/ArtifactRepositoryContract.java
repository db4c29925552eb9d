package io.github.mlhighway.lifecycle.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.github.mlhighway.lifecycle.core.store.ArtifactRepository;
import io.github.mlhighway.lifecycle.core.store.StoredArtifact;
import io.github.mlhighway.lifecycle.registry.ArtifactIntegrityException;
import io.github.mlhighway.lifecycle.store.StoreException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/**
 * The contract of the {@link ArtifactRepository} SPI (content-addressed model artifacts) as tests. An
 * implementation proves it by extending this class and returning a fresh, empty repository from
 * {@link #newRepository()}, and, if it is durable, a new instance over the same storage from
 * {@link #reopen(ArtifactRepository)}:
 *
 * <pre>{@code
 * class MyArtifactsContractTest extends ArtifactRepositoryContract {
 *     @TempDir
 *     Path root;
 *
 *     @Override
 *     protected ArtifactRepository newRepository() {
 *         return ArtifactStore.under(root);   // here: a fresh, empty repository of yours
 *     }
 *
 *     @Override
 *     protected ArtifactRepository reopen(ArtifactRepository repository) {
 *         return ArtifactStore.under(root);   // a new instance over what the old one persisted
 *     }
 * }
 * }</pre>
 *
 * <p>The rules, and the tests that assert them (each rule of the {@link ArtifactRepository} javadoc has one):
 * <ul>
 *   <li><b>Content addressing</b>: {@code put} of a stream and of a file return the lowercase hex SHA-256 of the
 *       bytes and their length, for the empty artifact, single bytes and lengths around the usual buffer and chunk
 *       sizes (64 KiB, 1 MiB); {@code contains} is then true
 *       ({@link #putNamesTheBytesByTheirSha256AndSize}).</li>
 *   <li><b>Read back</b>: {@code open} (with and without the expected size, read in bulk and byte by byte) and
 *       {@code verified} (a regular local file) give exactly the stored bytes
 *       ({@link #aStoredArtifactReadsBackByItsDigest}).</li>
 *   <li><b>Large artifacts</b>: an artifact of {@link #largeArtifactSize()} bytes (16 MiB and 13 bytes by default,
 *       generated as it is read, never one array in the kit) is stored with the right digest and size, the stream
 *       read to its end, and reads back byte for byte through {@code open} and {@code verified}
 *       ({@link #largeArtifactsStreamInAndOutWhole}).</li>
 *   <li><b>Streaming, never one array</b>: {@code put} never asks its input for all the bytes at once
 *       ({@code readAllBytes}, or {@code readNBytes} of the whole rest), and opening a large artifact and reading
 *       its first 64 KiB allocates less than half of its size on the reading thread (measured with
 *       {@code com.sun.management.ThreadMXBean}; that half is skipped on a JVM without it)
 *       ({@link #artifactsAreStreamedNotHeldAsOneArray}).</li>
 *   <li><b>Missing artifacts</b>: {@code contains} is false, and {@code open} (at once, before any byte is read)
 *       and {@code verified} throw an {@link ArtifactIntegrityException} whose expected digest is the one asked for
 *       and whose actual digest is {@code "missing"} ({@link #aMissingArtifactIsAnIntegrityFailureAtOnce}).</li>
 *   <li><b>Digest strings</b>: a text that is not 64 lowercase hex digits (null, empty, upper case, one digit too
 *       few or too many, a non-hex digit, {@code ../} and {@code /} path tricks, whitespace, a {@code sha256:}
 *       prefix) is refused with an {@link IllegalArgumentException} by {@code contains}, {@code open} and
 *       {@code verified}, also when it is the upper-case form of a stored digest
 *       ({@link #malformedDigestsAreRefused}).</li>
 *   <li><b>Verification on every read</b>: once the stored bytes change (one bit flipped, one byte cut or added,
 *       emptied; see {@link #tamper}), reading an {@code open} stream to its end and calling {@code verified} throw
 *       an {@link ArtifactIntegrityException} whose expected digest is the artifact's, whose message names it,
 *       and whose actual digest differs from it, every time, also when the artifact was read and verified before
 *       it changed ({@link #tamperedBytesAreDetectedOnEveryRead}); an expected size that differs from the
 *       artifact's, by one either way or zero, is an {@link ArtifactIntegrityException} with the artifact's
 *       expected digest in its message, while {@code -1} and the true size pass
 *       ({@link #aWrongExpectedSizeIsAnIntegrityFailure}).</li>
 *   <li><b>Idempotent put</b>: the same bytes put again, as a stream or a file, return the same digest and size
 *       and are listed once ({@link #puttingTheSameBytesAgainStoresThemOnce}).</li>
 *   <li><b>Listing</b>: {@code digests} is empty for a new repository, then lists every artifact once, sorted
 *       ({@link #digestsListEveryArtifactOnceSorted}).</li>
 *   <li><b>Failed writes</b>: a put whose stream fails (at once, after 100 bytes, after 1.5 MiB) or whose file is
 *       missing throws a {@link StoreException} and leaves no artifact: nothing new is listed, neither the bytes
 *       read so far nor the whole content is contained, and the whole content can be stored afterwards
 *       ({@link #aFailedWriteLeavesNoArtifact}).</li>
 *   <li><b>Thread safety</b>: {@value #THREADS} threads putting the same and different bytes at once all get the
 *       right digests, and every artifact reads back whole and is listed once
 *       ({@link #concurrentPutsOfTheSameAndDifferentBytesAreSafe}); while one thread puts the same artifact again
 *       and again, readers of it never see a partial or missing artifact
 *       ({@link #readersNeverSeeAPartialArtifactWhileItIsRewritten}). Both are bounded by
 *       {@link #concurrencyTimeout()}.</li>
 *   <li><b>Durability</b>: after {@link #reopen(ArtifactRepository)}, every artifact (empty, small and large) is
 *       listed, contained and reads back whole, and putting one again is still idempotent
 *       ({@link #artifactsSurviveAReopen}).</li>
 * </ul>
 *
 * <p><b>Not durable?</b> {@link #reopen(ArtifactRepository)} returns null by default, which declares the repository
 * not durable: the durability test is then skipped (reported as aborted), every other test runs.
 *
 * <p>What the kit cannot check: that a put holds no artifact-sized buffer it builds itself (only that it does not
 * ask its input for one; the allocation check covers reads); that a crash mid-write leaves nothing behind (a
 * failing input stream stands in for it; the core's crash tests kill a process); that {@code verified}'s file
 * stays unchanged after it is returned (the SPI says it may not; {@code open} is the safe form); and the
 * multi-process safety of a directory store.
 *
 * @since 0.1
 */
public abstract class ArtifactRepositoryContract {

    /** How many threads the concurrency tests run. */
    protected static final int THREADS = 4;
    /** Puts per thread in the concurrent-put test. */
    protected static final int PUTS_PER_THREAD = 8;
    /** How many times the rewrite test puts the artifact its readers read. */
    protected static final int REWRITES = 40;

    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final int BLOCK = 64 * 1024;
    private static final int MIB = 1024 * 1024;

    /** Where the tests write the files they put. */
    @TempDir
    protected Path files;

    /** The repository under test, fresh for each test (after a reopen, the reopened one). */
    protected ArtifactRepository repository;

    /** Creates the contract; subclasses are JUnit test classes. */
    protected ArtifactRepositoryContract() {
    }

    /**
     * A fresh, empty repository. Called once before each test.
     *
     * @return the repository under test
     * @throws Exception if it cannot be created
     */
    protected abstract ArtifactRepository newRepository() throws Exception;

    /**
     * A new instance over the same persisted artifacts as {@code repository}; release what the old instance holds
     * here. The default returns null: the repository is not durable, and the durability test is skipped.
     *
     * @param repository the instance to reopen
     * @return a new instance over its storage, or null when it is not durable
     * @throws Exception if it cannot be reopened
     */
    protected @Nullable ArtifactRepository reopen(ArtifactRepository repository) throws Exception {
        return null;
    }

    /**
     * Replaces the stored bytes of an artifact, as a disk fault or an intruder would. The default overwrites the
     * file {@code verified} returns for it, which for a directory repository is the stored artifact itself;
     * override it (and call {@code super}) for a repository whose {@code verified} files are local copies, so that
     * both the stored bytes and any copy change.
     *
     * @param repository the repository
     * @param sha256     the artifact's digest
     * @param bytes      the bytes it holds afterwards
     * @throws Exception if the bytes cannot be changed
     */
    protected void tamper(ArtifactRepository repository, String sha256, byte[] bytes) throws Exception {
        Path file = repository.verified(sha256);
        file.toFile().setWritable(true);
        Files.write(file, bytes);
    }

    /**
     * The size of the large artifact; the default, 16 MiB and 13 bytes, crosses many buffer and chunk boundaries.
     *
     * @return bytes, at least 2 MiB
     */
    protected long largeArtifactSize() {
        return 16L * MIB + 13;
    }

    /**
     * How long each concurrency test may run before it fails.
     *
     * @return the bound
     */
    protected Duration concurrencyTimeout() {
        return Duration.ofSeconds(120);
    }

    /**
     * Opens the repository under test.
     *
     * @throws Exception if {@link #newRepository()} fails
     */
    @BeforeEach
    protected void openRepository() throws Exception {
        repository = newRepository();
        assertThat(repository).as("newRepository()").isNotNull();
    }

    /**
     * Releases the repository under test; the default does nothing. Override for a repository that holds
     * connections or files (the current one is {@link #repository}).
     *
     * @throws Exception if releasing fails
     */
    @AfterEach
    protected void closeRepository() throws Exception {
    }

    /**
     * {@code put} of a stream or a file names the bytes by their lowercase hex SHA-256 and returns their length.
     *
     * @throws Exception if a file cannot be written
     */
    @Test
    protected void putNamesTheBytesByTheirSha256AndSize() throws Exception {
        int index = 0;
        for (byte[] bytes : samples()) {
            String expected = GeneratedBytes.sha256(bytes);
            StoredArtifact stored = repository.put(new ByteArrayInputStream(bytes));
            assertThat(stored).as("put of %d bytes", bytes.length)
                    .isEqualTo(new StoredArtifact(expected, bytes.length));
            assertThat(stored.sha256()).matches("[0-9a-f]{64}");
            assertThat(repository.contains(expected)).as("contains after put of %d bytes", bytes.length).isTrue();
            Path file = Files.write(files.resolve("sample-" + index++), bytes);
            assertThat(repository.put(file)).as("put of a file of %d bytes", bytes.length).isEqualTo(stored);
        }
        assertThat(repository.put(new ByteArrayInputStream(new byte[0])).sha256()).isEqualTo(EMPTY_SHA256);
    }

    /**
     * {@code open} and {@code verified} give back exactly the stored bytes.
     *
     * @throws Exception if reading fails
     */
    @Test
    protected void aStoredArtifactReadsBackByItsDigest() throws Exception {
        for (byte[] bytes : samples()) {
            String sha256 = repository.put(new ByteArrayInputStream(bytes)).sha256();
            try (InputStream in = repository.open(sha256)) {
                assertThat(in.readAllBytes()).as("open of %d bytes", bytes.length).isEqualTo(bytes);
                assertThat(in.read()).as("a read after the end").isEqualTo(-1);
            }
            try (InputStream in = repository.open(sha256, bytes.length)) {
                assertThat(readInSmallPieces(in)).as("open with its size, %d bytes", bytes.length).isEqualTo(bytes);
            }
            if (bytes.length <= 70_000) {
                try (InputStream in = repository.open(sha256)) {
                    assertThat(readByteByByte(in)).as("open read byte by byte, %d bytes", bytes.length)
                            .isEqualTo(bytes);
                }
            }
            Path file = repository.verified(sha256);
            assertThat(file).as("verified(%s)", sha256).isRegularFile();
            assertThat(Files.readAllBytes(file)).as("the verified file of %d bytes", bytes.length).isEqualTo(bytes);
            assertThat(Files.readAllBytes(repository.verified(sha256, bytes.length))).isEqualTo(bytes);
        }
    }

    /**
     * A large artifact, streamed in from a generator, is stored whole and streams back byte for byte.
     *
     * @throws Exception if reading fails
     */
    @Test
    protected void largeArtifactsStreamInAndOutWhole() throws Exception {
        long size = largeArtifactSize();
        GeneratedBytes source = GeneratedBytes.of(size, 7);

        StoredArtifact stored = repository.put(source);

        assertThat(source.position()).as("bytes of the input that put read").isEqualTo(size);
        assertThat(stored).isEqualTo(new StoredArtifact(GeneratedBytes.sha256(size, 7), size));
        assertThat(repository.contains(stored.sha256())).isTrue();
        try (InputStream in = repository.open(stored.sha256(), size)) {
            assertSameBytes(in, GeneratedBytes.of(size, 7), "open of the large artifact");
        }
        try (InputStream in = Files.newInputStream(repository.verified(stored.sha256(), size))) {
            assertSameBytes(in, GeneratedBytes.of(size, 7), "the verified file of the large artifact");
        }
    }

    /**
     * A put never asks its input for all the bytes at once, and reading the start of a large artifact does not
     * load all of it.
     *
     * @throws Exception if reading fails
     */
    @Test
    protected void artifactsAreStreamedNotHeldAsOneArray() throws Exception {
        long size = largeArtifactSize();
        GeneratedBytes source = GeneratedBytes.of(size, 11);
        String sha256 = repository.put(source).sha256();
        assertThat(source.askedForEverything()).as("put asked its input for all the bytes at once").isFalse();

        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean
                        && ((com.sun.management.ThreadMXBean) bean).isThreadAllocatedMemorySupported()
                        && ((com.sun.management.ThreadMXBean) bean).isThreadAllocatedMemoryEnabled(),
                "this JVM does not measure allocation per thread, so reads are not checked for streaming");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        byte[] start = new byte[BLOCK];
        readStart(sha256, size, start);   // warm up: class loading and connection set-up are not the artifact
        long before = threads.getCurrentThreadAllocatedBytes();
        readStart(sha256, size, start);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).as("bytes allocated to open an artifact of %d bytes and read its first %d", size, BLOCK)
                .isLessThan(size / 2);
        try (InputStream expected = GeneratedBytes.of(BLOCK, 11)) {
            assertThat(start).isEqualTo(expected.readNBytes(BLOCK));
        }
    }

    /** A digest that was never stored: not contained, and an integrity failure on open (at once) and verified. */
    @Test
    protected void aMissingArtifactIsAnIntegrityFailureAtOnce() {
        repository.put(new ByteArrayInputStream("present".getBytes(StandardCharsets.UTF_8)));
        String absent = GeneratedBytes.sha256("never stored".getBytes(StandardCharsets.UTF_8));

        assertThat(repository.contains(absent)).isFalse();
        assertThat(repository.digests()).doesNotContain(absent);
        assertMissing(() -> repository.open(absent), absent, "open");
        assertMissing(() -> repository.open(absent, 12), absent, "open with a size");
        assertMissing(() -> repository.verified(absent), absent, "verified");
        assertMissing(() -> repository.verified(absent, 12), absent, "verified with a size");
    }

    /** Texts that are not a lowercase hex SHA-256 are refused by every operation that takes a digest. */
    @Test
    protected void malformedDigestsAreRefused() {
        String stored = repository.put(new ByteArrayInputStream("a stored artifact".getBytes(StandardCharsets.UTF_8)))
                .sha256();
        int letter = stored.length() - 1;
        while (Character.isDigit(stored.charAt(letter))) {
            letter--;   // a digest of 64 decimal digits has odds of 1e-13; this one is fixed and has letters
        }
        List<String> malformed = Arrays.asList(null, "", stored.toUpperCase(Locale.ROOT),
                stored.substring(0, letter) + Character.toUpperCase(stored.charAt(letter)) + stored.substring(letter + 1),
                stored.substring(1), stored + "0", "g" + stored.substring(1), "../" + stored.substring(3),
                stored.substring(0, 2) + "/" + stored.substring(3), "../../../../../../../../etc/passwd", "..",
                " " + stored.substring(1), stored.substring(1) + "\n", "sha256:" + stored,
                        stored.substring(0, 62) + "/.",
                "\u0000" + stored.substring(1), "\u0660" + stored.substring(1));
        for (String text : malformed) {
            String shown = text == null ? "null" : "'" + text.replace("\n", "\\n").replace("\u0000", "\\0") + "'";
            assertRefused(() -> repository.contains(text), "contains(" + shown + ")");
            assertRefused(() -> close(repository.open(text)), "open(" + shown + ")");
            assertRefused(() -> close(repository.open(text, 17)), "open(" + shown + ", 17)");
            assertRefused(() -> repository.verified(text), "verified(" + shown + ")");
            assertRefused(() -> repository.verified(text, 17), "verified(" + shown + ", 17)");
        }
    }

    /**
     * Bytes changed after they were stored fail verification on every read, also after a good read.
     *
     * @throws Exception if the bytes cannot be changed
     */
    @Test
    protected void tamperedBytesAreDetectedOnEveryRead() throws Exception {
        Map<String, java.util.function.UnaryOperator<byte[]>> tamperings = new TreeMap<>();
        tamperings.put("one bit flipped", b -> {
            byte[] copy = b.clone();
            copy[copy.length / 2] ^= 0x10;
            return copy;
        });
        tamperings.put("the last byte cut", b -> Arrays.copyOf(b, b.length - 1));
        tamperings.put("a byte added", b -> Arrays.copyOf(b, b.length + 1));
        tamperings.put("emptied", b -> new byte[0]);
        int seed = 100;
        for (Map.Entry<String, java.util.function.UnaryOperator<byte[]>> tampering : tamperings.entrySet()) {
            byte[] original = GeneratedBytes.array(5000, seed++);
            String sha256 = repository.put(new ByteArrayInputStream(original)).sha256();
            try (InputStream in = repository.open(sha256)) {
                assertThat(in.readAllBytes()).isEqualTo(original);
            }
            assertThat(Files.readAllBytes(repository.verified(sha256))).isEqualTo(original);

            tamper(repository, sha256, tampering.getValue().apply(original));

            for (int round = 1; round <= 2; round++) {
                String what = tampering.getKey() + ", read " + round;
                assertTampered(() -> drain(repository.open(sha256)), sha256, "open, " + what);
                assertTampered(() -> drain(repository.open(sha256, original.length)), sha256,
                        "open with its size, " + what);
                assertTampered(() -> repository.verified(sha256), sha256, "verified, " + what);
                assertTampered(() -> repository.verified(sha256, original.length), sha256,
                        "verified with its size, " + what);
            }
        }
    }

    /**
     * An expected size other than the artifact's fails verification; -1 and the true size pass.
     *
     * @throws Exception if reading fails
     */
    @Test
    protected void aWrongExpectedSizeIsAnIntegrityFailure() throws Exception {
        byte[] bytes = GeneratedBytes.array(4096, 3);
        String sha256 = repository.put(new ByteArrayInputStream(bytes)).sha256();

        assertThat(drain(repository.open(sha256, bytes.length))).isEqualTo(bytes.length);
        assertThat(drain(repository.open(sha256, -1))).isEqualTo(bytes.length);
        assertThat(Files.size(repository.verified(sha256, bytes.length))).isEqualTo(bytes.length);
        assertThat(Files.size(repository.verified(sha256, -1))).isEqualTo(bytes.length);
        for (long wrong : new long[] {bytes.length - 1, bytes.length + 1, 0}) {
            assertIntegrityFailure(() -> drain(repository.open(sha256, wrong)), sha256,
                    "open expecting " + wrong + " bytes");
            assertIntegrityFailure(() -> repository.verified(sha256, wrong), sha256,
                    "verified expecting " + wrong + " bytes");
        }
    }

    /**
     * The same bytes put again return the same artifact and are listed once.
     *
     * @throws Exception if a file cannot be written
     */
    @Test
    protected void puttingTheSameBytesAgainStoresThemOnce() throws Exception {
        byte[] bytes = GeneratedBytes.array(70_000, 5);
        StoredArtifact first = repository.put(new ByteArrayInputStream(bytes));

        assertThat(repository.put(new ByteArrayInputStream(bytes))).isEqualTo(first);
        assertThat(repository.put(Files.write(files.resolve("same"), bytes))).isEqualTo(first);
        assertThat(repository.digests()).containsExactly(first.sha256());
        StoredArtifact other = repository.put(new ByteArrayInputStream("other".getBytes(StandardCharsets.UTF_8)));
        assertThat(repository.put(new ByteArrayInputStream(bytes))).isEqualTo(first);
        assertThat(repository.digests()).containsExactlyElementsOf(new TreeSet<>(List.of(first.sha256(),
                other.sha256())));
        try (InputStream in = repository.open(first.sha256(), bytes.length)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
    }

    /** {@code digests} lists every artifact once, sorted, and nothing for a new repository. */
    @Test
    protected void digestsListEveryArtifactOnceSorted() {
        assertThat(repository.digests()).as("digests of a new repository").isEmpty();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new java.util.Random(9));
        TreeSet<String> expected = new TreeSet<>();
        for (int i : order) {
            expected.add(repository.put(new ByteArrayInputStream(GeneratedBytes.array(10 + i * 37, 1000 + i)))
                    .sha256());
        }

        assertThat(repository.digests()).containsExactlyElementsOf(expected);
    }

    /**
     * A put whose input fails or whose file is missing throws a StoreException and leaves no artifact.
     *
     * @throws Exception if reading fails
     */
    @Test
    protected void aFailedWriteLeavesNoArtifact() throws Exception {
        repository.put(new ByteArrayInputStream("already there".getBytes(StandardCharsets.UTF_8)));
        List<String> before = repository.digests();
        long size = 3L * MIB;
        long seed = 21;
        for (long failAt : new long[] {0, 100, 3L * MIB / 2}) {
            GeneratedBytes failing = GeneratedBytes.failingAfter(size, seed, failAt);
            assertThatThrownBy(() -> repository.put(failing), "put of a stream failing after %d bytes", failAt)
                    .isInstanceOf(StoreException.class);
            assertThat(repository.digests()).as("digests after a put failing after %d bytes", failAt)
                    .isEqualTo(before);
            assertThat(repository.contains(GeneratedBytes.sha256(failAt, seed)))
                    .as("the %d bytes read before the input failed are contained", failAt).isFalse();
            assertThat(repository.contains(GeneratedBytes.sha256(size, seed)))
                    .as("the whole content of a failed put is contained").isFalse();
        }
        assertThatThrownBy(() -> repository.put(files.resolve("no-such-file")), "put of a missing file")
                .isInstanceOf(StoreException.class);
        assertThat(repository.digests()).as("digests after a put of a missing file").isEqualTo(before);
        assertThat(repository.contains(EMPTY_SHA256)).as("a missing file stored as empty").isFalse();

        StoredArtifact whole = repository.put(GeneratedBytes.of(size, seed));
        assertThat(whole).isEqualTo(new StoredArtifact(GeneratedBytes.sha256(size, seed), size));
        try (InputStream in = repository.open(whole.sha256(), size)) {
            assertSameBytes(in, GeneratedBytes.of(size, seed), "the content stored after failed puts of it");
        }
    }

    /**
     * Threads putting the same and different bytes at once all get the right digests, and every artifact is stored
     * whole, once.
     *
     * @throws Exception if a thread fails
     */
    @Test
    protected void concurrentPutsOfTheSameAndDifferentBytesAreSafe() throws Exception {
        byte[] shared = GeneratedBytes.array(300_000, 50);
        String sharedSha256 = GeneratedBytes.sha256(shared);
        Map<String, byte[]> expected = new TreeMap<>();
        expected.put(sharedSha256, shared);
        byte[][][] own = new byte[THREADS][PUTS_PER_THREAD][];
        for (int t = 0; t < THREADS; t++) {
            for (int i = 0; i < PUTS_PER_THREAD; i++) {
                own[t][i] = GeneratedBytes.array(60_000 + 1000 * t + i, 51 + t * 100L + i);
                expected.put(GeneratedBytes.sha256(own[t][i]), own[t][i]);
            }
        }

        runConcurrently(THREADS, thread -> {
            for (int i = 0; i < PUTS_PER_THREAD; i++) {
                byte[] bytes = i % 2 == 0 ? shared : own[thread][i];
                checkPut(repository.put(new ByteArrayInputStream(bytes)), bytes, thread);
                if (i % 2 == 0) {
                    checkPut(repository.put(new ByteArrayInputStream(own[thread][i])), own[thread][i], thread);
                }
            }
            return null;
        });

        assertThat(repository.digests()).as("digests after concurrent puts").containsExactlyElementsOf(
                expected.keySet());
        for (Map.Entry<String, byte[]> artifact : expected.entrySet()) {
            try (InputStream in = repository.open(artifact.getKey(), artifact.getValue().length)) {
                assertThat(in.readAllBytes()).as("artifact %s after concurrent puts", artifact.getKey())
                        .isEqualTo(artifact.getValue());
            }
        }
    }

    /**
     * While one thread puts an artifact again and again, readers of it always get it whole and verified.
     *
     * @throws Exception if a thread fails
     */
    @Test
    protected void readersNeverSeeAPartialArtifactWhileItIsRewritten() throws Exception {
        byte[] bytes = GeneratedBytes.array(MIB + 17, 60);
        String sha256 = repository.put(new ByteArrayInputStream(bytes)).sha256();
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();

        runConcurrently(THREADS, thread -> {
            if (thread == 0) {
                try {
                    for (int i = 0; i < REWRITES; i++) {
                        checkPut(repository.put(new ByteArrayInputStream(bytes)), bytes, thread);
                    }
                } finally {
                    writing.set(false);
                }
                return null;
            }
            do {
                byte[] read;
                try (InputStream in = repository.open(sha256)) {
                    read = in.readAllBytes();
                } catch (ArtifactIntegrityException e) {
                    throw new AssertionError("A reader saw a partial or missing artifact while it was put again: "
                            + e.getMessage(), e);
                }
                if (!Arrays.equals(read, bytes)) {
                    fail("A reader got " + read.length + " bytes that are not the artifact's " + bytes.length
                            + " while it was put again");
                }
                try {
                    repository.verified(sha256);
                } catch (ArtifactIntegrityException e) {
                    throw new AssertionError("verified saw a partial or missing artifact while it was put again: "
                            + e.getMessage(), e);
                }
                reads.incrementAndGet();
            } while (writing.get());
            return null;
        });

        assertThat(reads.get()).as("reads made while the artifact was put again").isGreaterThanOrEqualTo(THREADS - 1);
        assertThat(repository.digests()).containsExactly(sha256);
    }

    /**
     * Artifacts (empty, small, large) survive a reopen, and putting one again is still idempotent.
     *
     * @throws Exception if the repository cannot be reopened
     */
    @Test
    protected void artifactsSurviveAReopen() throws Exception {
        long size = largeArtifactSize();
        StoredArtifact large = repository.put(GeneratedBytes.of(size, 70));
        Map<String, byte[]> small = new TreeMap<>();
        for (byte[] bytes : List.of(new byte[0], GeneratedBytes.array(1, 71), GeneratedBytes.array(100_000, 72))) {
            small.put(repository.put(new ByteArrayInputStream(bytes)).sha256(), bytes);
        }
        List<String> digests = repository.digests();

        ArtifactRepository reopened = reopen(repository);
        if (reopened == null) { // as Assumptions.assumeTrue(false, ...), in a form NullAway understands
            throw new TestAbortedException("Assumption failed: not durable: reopen(repository) returned null, so"
                    + " durability is not checked for this repository");
        }
        assertThat(reopened).as("reopen(repository) must return a new instance").isNotSameAs(repository);
        repository = reopened;

        assertThat(repository.digests()).as("digests after a reopen").isEqualTo(digests);
        for (Map.Entry<String, byte[]> artifact : small.entrySet()) {
            assertThat(repository.contains(artifact.getKey())).isTrue();
            try (InputStream in = repository.open(artifact.getKey(), artifact.getValue().length)) {
                assertThat(in.readAllBytes()).as("artifact %s after a reopen", artifact.getKey())
                        .isEqualTo(artifact.getValue());
            }
            assertThat(Files.readAllBytes(repository.verified(artifact.getKey()))).isEqualTo(artifact.getValue());
        }
        try (InputStream in = repository.open(large.sha256(), size)) {
            assertSameBytes(in, GeneratedBytes.of(size, 70), "the large artifact after a reopen");
        }
        byte[] again = small.values().iterator().next();
        repository.put(new ByteArrayInputStream(again));
        assertThat(repository.digests()).as("digests after putting an artifact again after a reopen")
                .isEqualTo(digests);
    }

    /** Artifacts of sizes around the usual buffer and chunk boundaries, the empty one included. */
    private static List<byte[]> samples() {
        List<byte[]> samples = new ArrayList<>();
        samples.add(new byte[0]);
        samples.add(new byte[] {0});
        samples.add(new byte[] {(byte) 0xff});
        samples.add("model weights, version 1 — zürich".getBytes(StandardCharsets.UTF_8));
        int seed = 30;
        for (int size : new int[] {BLOCK - 1, BLOCK, BLOCK + 1, MIB - 1, MIB, MIB + 1}) {
            samples.add(GeneratedBytes.array(size, seed++));
        }
        return samples;
    }

    private void readStart(String sha256, long size, byte[] start) throws IOException {
        try (InputStream in = repository.open(sha256, size)) {
            int total = 0;
            while (total < start.length) {
                int n = in.read(start, total, start.length - total);
                if (n < 0) {
                    fail("The large artifact ended after " + total + " bytes");
                }
                total += n;
            }
        }
    }

    private static void checkPut(StoredArtifact stored, byte[] bytes, int thread) {
        StoredArtifact expected = new StoredArtifact(GeneratedBytes.sha256(bytes), bytes.length);
        if (!expected.equals(stored)) {
            fail("Thread " + thread + " put " + bytes.length + " bytes and got " + stored + ", expected " + expected);
        }
    }

    private static void assertMissing(ThrowingSupplier<?> call, String sha256, String what) {
        assertThatThrownBy(call::get, "%s of a digest never stored", what)
                .isInstanceOf(ArtifactIntegrityException.class)
                .satisfies(e -> {
                    ArtifactIntegrityException missing = (ArtifactIntegrityException) e;
                    assertThat(missing.expectedSha256()).as("expected digest").isEqualTo(sha256);
                    assertThat(missing.actualSha256()).as("actual digest of a missing artifact").isEqualTo("missing");
                });
    }

    private static void assertTampered(ThrowingSupplier<?> call, String sha256, String what) {
        assertIntegrityFailure(call, sha256, what).satisfies(e -> assertThat(
                ((ArtifactIntegrityException) e).actualSha256()).as("actual digest of changed bytes, %s", what)
                .isNotEqualTo(sha256).isNotBlank());
    }

    private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertIntegrityFailure(
            ThrowingSupplier<?> call, String sha256, String what) {
        return assertThatThrownBy(call::get, "%s", what).isInstanceOf(ArtifactIntegrityException.class)
                .satisfies(e -> {
                    ArtifactIntegrityException failure = (ArtifactIntegrityException) e;
                    assertThat(failure.expectedSha256()).as("expected digest").isEqualTo(sha256);
                    assertThat(failure.getMessage()).as("the message names the artifact's digest").contains(sha256);
                });
    }

    private static void assertRefused(ThrowingSupplier<?> call, String what) {
        assertThatThrownBy(call::get, "%s", what).isInstanceOf(IllegalArgumentException.class);
    }

    private static Object close(InputStream in) throws IOException {
        in.close();
        return in;
    }

    /** Reads a stream to its end and closes it. */
    private static long drain(InputStream stream) throws IOException {
        try (InputStream in = stream) {
            byte[] buffer = new byte[BLOCK];
            long total = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
            }
            return total;
        }
    }

    private static byte[] readInSmallPieces(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[7919];
        for (int n = in.read(buffer, 3, 4000); n >= 0; n = in.read(buffer, 3, 4000)) {
            out.write(buffer, 3, n);
        }
        return out.toByteArray();
    }

    private static byte[] readByteByByte(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            out.write(b);
        }
        return out.toByteArray();
    }

    /** Compares two streams block by block to their ends, naming the first offset where they differ. */
    private static void assertSameBytes(InputStream actual, InputStream expected, String what) throws IOException {
        byte[] a = new byte[BLOCK];
        byte[] e = new byte[BLOCK];
        long offset = 0;
        while (true) {
            int n = expected.readNBytes(e, 0, BLOCK);
            int m = actual.readNBytes(a, 0, BLOCK);
            if (n != m) {
                fail(what + ": " + (offset + Math.min(n, m)) + " bytes read where " + (n < m ? "fewer" : "more")
                        + " were expected (at offset " + offset + " a block of " + m + " instead of " + n + ")");
            }
            if (!Arrays.equals(a, 0, m, e, 0, n)) {
                int at = Arrays.mismatch(a, 0, m, e, 0, n);
                fail(what + ": byte " + (offset + at) + " differs");
            }
            if (n == 0) {
                return;
            }
            offset += n;
        }
    }

    /** Runs one task per thread, started together, within {@link #concurrencyTimeout()}. */
    private void runConcurrently(int threads, ThreadTask task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Callable<Object> callable = () -> {
                    start.await();
                    return task.run(thread);
                };
                futures.add(pool.submit(callable));
            }
            start.countDown();
            long deadline = System.nanoTime() + concurrencyTimeout().toNanos();
            for (int t = 0; t < threads; t++) {
                try {
                    futures.get(t).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof AssertionError assertion) {
                        throw assertion;
                    }
                    throw new AssertionError("Thread " + t + " failed: " + e.getCause(), e.getCause());
                } catch (TimeoutException e) {
                    fail("The concurrency test did not finish within " + concurrencyTimeout() + ": thread " + t
                            + " was still running");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface ThreadTask {
        @Nullable Object run(int thread) throws Exception;
    }
}
