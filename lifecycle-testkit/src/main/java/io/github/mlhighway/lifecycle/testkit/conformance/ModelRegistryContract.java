package io.github.mlhighway.lifecycle.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.gate.Finding;
import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.gate.Verdict;
import io.github.mlhighway.lifecycle.registry.AliasConflictException;
import io.github.mlhighway.lifecycle.registry.AliasMove;
import io.github.mlhighway.lifecycle.registry.AliasMoveRefusedException;
import io.github.mlhighway.lifecycle.registry.AliasMoveRequest;
import io.github.mlhighway.lifecycle.registry.ArtifactIntegrityException;
import io.github.mlhighway.lifecycle.registry.ArtifactRef;
import io.github.mlhighway.lifecycle.registry.LineageRef;
import io.github.mlhighway.lifecycle.registry.LoadedModel;
import io.github.mlhighway.lifecycle.registry.MetricPoint;
import io.github.mlhighway.lifecycle.registry.ModelNotFoundException;
import io.github.mlhighway.lifecycle.registry.ModelRef;
import io.github.mlhighway.lifecycle.registry.ModelRegistry;
import io.github.mlhighway.lifecycle.registry.ModelVersion;
import io.github.mlhighway.lifecycle.registry.NewModelVersion;
import io.github.mlhighway.lifecycle.registry.RegistrationConflictException;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract of a {@link ModelRegistry} as tests, for the registry over any store: extend it and return a fresh,
 * empty registry whose clock is the kit's {@link #clock}:
 *
 * <pre>{@code
 * class MyRegistryContractTest extends ModelRegistryContract {
 *     @TempDir
 *     Path root;
 *
 *     @Override
 *     protected ModelRegistry newRegistry() {
 *         return ModelRegistries.on(myStore(), ArtifactStore.under(root), clock);   // here: your store
 *     }
 * }
 * }</pre>
 *
 * <p>The rules, and the tests that assert them:
 * <ul>
 *   <li><b>Registration</b>: versions are numbered 1, 2, … per model, with {@code createdAt} from the registry's
 *       clock, the draft's metadata and lineage, and each file as an artifact with its SHA-256 and size; models
 *       sorted, versions oldest first, metric history oldest first skipping versions without the metric
 *       ({@link #versionsAreNumberedFromOneWithTheirMetadataAndArtifacts}, {@link #metricHistoryFollowsTheVersions}).
 *   </li>
 *   <li><b>Version allocation under concurrency</b>: {@value #THREADS} threads registering at once get distinct,
 *       gap-free numbers and every version keeps its own metadata
 *       ({@link #concurrentRegistrationsGetDistinctConsecutiveVersions}).</li>
 *   <li><b>Idempotent registration</b>: a draft whose key a version carries returns that version, also when
 *       registered from several threads at once; the same key with other artifacts is a
 *       {@link RegistrationConflictException} ({@link #aKeyedDraftIsRegisteredOnce},
 *       {@link #concurrentRegistrationsOfOneKeyMakeOneVersion}, {@link #aKeyWithOtherArtifactsConflicts}).</li>
 *   <li><b>Alias compare-and-set</b>: a move expecting another current version, or expecting the alias not to
 *       exist, is an {@link AliasConflictException} and changes nothing; of concurrent moves from one version
 *       exactly one wins; the audit log numbers every move and records where the alias came from
 *       ({@link #aliasMovesAreCompareAndSet}, {@link #ofConcurrentMovesOfOneAliasExactlyOneWins}).</li>
 *   <li><b>Verdict rules</b> ({@link AliasMoveRequest}): no evidence, a FAIL verdict, a verdict decided before the
 *       version was registered (unless its subject names exactly the version's digests) and a declared subject
 *       naming another version are refused with {@link AliasMoveRefusedException} and change nothing; PASS, WARN, a
 *       matching subject and an override (recorded with its verdict) move
 *       ({@link #movesWithoutAllowingEvidenceAreRefused}, {@link #aVerdictFromBeforeTheVersionCountsOnlyForItsExactBytes},
 *       {@link #allowingEvidenceMovesTheAliasAndIsRecorded}).</li>
 *   <li><b>Artifact verification</b>: {@code load} returns the registered bytes, and refuses an artifact whose
 *       bytes changed with an {@link ArtifactIntegrityException} naming both digests, every time, not only the
 *       first ({@link #loadVerifiesEveryArtifactEveryTime}).</li>
 *   <li><b>Names and lookups</b>: invalid model and alias names are refused with an
 *       {@link IllegalArgumentException}; unknown models, versions and aliases are a
 *       {@link ModelNotFoundException} ({@link #invalidNamesAreRefused}, {@link #unknownReferencesAreNotFound}).</li>
 * </ul>
 * What the kit cannot check: durability of the registry (that is its store's, see {@link StoreContract}) and
 * crash safety between writing an artifact and its version (the core's crash tests kill a process for that).
 *
 * @since 0.1
 */
public abstract class ModelRegistryContract {

    /** How many threads the concurrency tests run. */
    protected static final int THREADS = 4;
    /** Registrations per thread in the concurrency test. */
    protected static final int REGISTRATIONS_PER_THREAD = 25;
    /** Rounds of concurrent moves of one alias. */
    protected static final int MOVE_ROUNDS = 20;

    /** The registry's clock: pass it to the registry in {@link #newRegistry()}; tests advance it. */
    protected final TestClock clock = TestClock.create();

    /** Where the tests write the files they register. */
    @TempDir
    protected Path files;

    /** The registry under test, fresh for each test. */
    protected ModelRegistry registry;

    /** Creates the contract; subclasses are JUnit test classes. */
    protected ModelRegistryContract() {
    }

    /**
     * A fresh, empty registry whose clock is {@link #clock}. Called once before each test.
     *
     * @return the registry under test
     * @throws Exception if it cannot be created
     */
    protected abstract ModelRegistry newRegistry() throws Exception;

    /**
     * Changes the stored bytes of an artifact, as a disk fault or an intruder would. The default overwrites the
     * file that {@code load} returned for it; override it for a registry whose loaded paths are private copies.
     *
     * @param loaded   a verified load of the version
     * @param artifact the artifact's name
     * @throws Exception if the bytes cannot be changed
     */
    protected void tamper(LoadedModel loaded, String artifact) throws Exception {
        Path file = loaded.file(artifact);
        file.toFile().setWritable(true);
        Files.writeString(file, "tampered bytes", StandardCharsets.UTF_8);
    }

    /**
     * Opens the registry under test.
     *
     * @throws Exception if {@link #newRegistry()} fails
     */
    @BeforeEach
    protected void openRegistry() throws Exception {
        registry = newRegistry();
        assertThat(registry).as("newRegistry()").isNotNull();
    }

    /**
     * Versions count from 1 per model and carry createdAt from the clock, the draft's metadata and its artifacts.
     *
     * @throws IOException if a file cannot be written
     */
    @Test
    protected void versionsAreNumberedFromOneWithTheirMetadataAndArtifacts() throws IOException {
        clock.advance(Duration.ofHours(5));
        Path weights = file("weights.bin", "weights one");
        ModelVersion first = registry.register(NewModelVersion.of("rain").parameter("epochs", "3").metric("auc", 0.81)
                .tag("team", "forecast").file("model.bin", weights).lineage(LineageRef.run("run-1")).build());
        clock.advance(Duration.ofMinutes(7));
        ModelVersion second = registry.register(NewModelVersion.of("rain").file("model.bin", file("w2", "two"))
                .build());
        ModelVersion other = registry.register(NewModelVersion.of("hail").file("model.bin", file("w3", "3")).build());

        assertThat(first.version()).isEqualTo(1);
        assertThat(second.version()).isEqualTo(2);
        assertThat(other.version()).as("the first version of another model").isEqualTo(1);
        assertThat(first.createdAt()).as("createdAt of rain@1").isEqualTo(TestClock.DEFAULT_START.plus(
                Duration.ofHours(5)));
        assertThat(second.createdAt()).as("createdAt of rain@2").isEqualTo(clock.instant());
        assertThat(first.parameters()).containsExactly(Map.entry("epochs", "3"));
        assertThat(first.metrics()).containsExactly(Map.entry("auc", 0.81));
        assertThat(first.tags()).containsExactly(Map.entry("team", "forecast"));
        assertThat(first.lineage()).containsExactly(LineageRef.run("run-1"));
        assertThat(first.artifacts()).containsExactly(new ArtifactRef("model.bin", sha256("weights one"),
                "weights one".length()));
        assertThat(registry.version(ModelRef.ofVersion("rain", 1))).isEqualTo(first);
        assertThat(registry.versions("rain")).containsExactly(first, second);
        assertThat(registry.models()).containsExactly("hail", "rain");
    }

    /**
     * The metric history lists a metric's values across versions, oldest first, skipping versions without it.
     *
     * @throws IOException if a file cannot be written
     */
    @Test
    protected void metricHistoryFollowsTheVersions() throws IOException {
        registry.register(NewModelVersion.of("rain").metric("auc", 0.70).file("m", file("a", "a")).build());
        registry.register(NewModelVersion.of("rain").metric("loss", 1.0).file("m", file("b", "b")).build());
        clock.advance(Duration.ofSeconds(9));
        registry.register(NewModelVersion.of("rain").metric("auc", 0.75).file("m", file("c", "c")).build());

        List<MetricPoint> history = registry.metricHistory("rain", "auc");

        assertThat(history).extracting(MetricPoint::version).containsExactly(1, 3);
        assertThat(history).extracting(MetricPoint::value).containsExactly(0.70, 0.75);
        assertThat(history.get(1).createdAt()).isEqualTo(clock.instant());
    }

    /**
     * Threads registering versions of one model at once get 1 … n without gaps or duplicates.
     *
     * @throws Exception if a thread fails
     */
    @Test
    protected void concurrentRegistrationsGetDistinctConsecutiveVersions() throws Exception {
        List<Path> drafts = new ArrayList<>();
        for (int i = 0; i < THREADS * REGISTRATIONS_PER_THREAD; i++) {
            drafts.add(file("w" + i, "weights " + i));
        }
        List<List<ModelVersion>> results = concurrently(thread -> {
            List<ModelVersion> mine = new ArrayList<>();
            for (int i = 0; i < REGISTRATIONS_PER_THREAD; i++) {
                int n = thread * REGISTRATIONS_PER_THREAD + i;
                mine.add(registry.register(NewModelVersion.of("rain").tag("draft", String.valueOf(n))
                        .file("model.bin", drafts.get(n)).build()));
            }
            return mine;
        });
        List<Integer> numbers = new ArrayList<>();
        results.forEach(list -> list.forEach(v -> numbers.add(v.version())));
        int total = THREADS * REGISTRATIONS_PER_THREAD;

        assertThat(numbers).as("numbers given to %d concurrent registrations", total)
                .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, total).boxed().toList());
        assertThat(registry.versions("rain")).hasSize(total);
        for (List<ModelVersion> list : results) {
            for (ModelVersion returned : list) {
                ModelVersion stored = registry.version(returned.ref());
                assertThat(stored.tags()).as("tags of %s", returned.ref()).isEqualTo(returned.tags());
                assertThat(stored.artifacts()).as("artifacts of %s", returned.ref()).isEqualTo(returned.artifacts());
            }
        }
    }

    /**
     * A draft with a key a version carries returns that version instead of registering another.
     *
     * @throws IOException if a file cannot be written
     */
    @Test
    protected void aKeyedDraftIsRegisteredOnce() throws IOException {
        Path weights = file("weights", "same bytes");
        ModelVersion first = registry.register(NewModelVersion.of("rain").file("model.bin", weights)
                .idempotencyKey("run-7/train").build());
        clock.advance(Duration.ofMinutes(1));

        ModelVersion again = registry.register(NewModelVersion.of("rain").file("model.bin", file("copy", "same bytes"))
                .idempotencyKey("run-7/train").build());
        ModelVersion unkeyed = registry.register(NewModelVersion.of("rain").file("model.bin", weights).build());

        assertThat(again).as("the version registered under the same key").isEqualTo(first);
        assertThat(first.idempotencyKey()).isEqualTo("run-7/train");
        assertThat(unkeyed.version()).as("a draft without a key is a new version").isEqualTo(2);
        assertThat(registry.versions("rain")).hasSize(2);
    }

    /**
     * The same key with other artifacts is refused, and registers nothing.
     *
     * @throws IOException if a file cannot be written
     */
    @Test
    protected void aKeyWithOtherArtifactsConflicts() throws IOException {
        registry.register(NewModelVersion.of("rain").file("model.bin", file("a", "first bytes"))
                .idempotencyKey("run-7/train").build());

        assertThatThrownBy(() -> registry.register(NewModelVersion.of("rain").file("model.bin",
                file("b", "other bytes")).idempotencyKey("run-7/train").build()))
                .isInstanceOf(RegistrationConflictException.class);
        assertThat(registry.versions("rain")).hasSize(1);
    }

    /**
     * Registrations of one key from several threads at once make one version, returned to all.
     *
     * @throws Exception if a thread fails
     */
    @Test
    protected void concurrentRegistrationsOfOneKeyMakeOneVersion() throws Exception {
        Path weights = file("weights", "same bytes");
        for (int round = 0; round < 5; round++) {
            String key = "run-" + round + "/train";
            List<ModelVersion> results = concurrently(thread -> registry.register(NewModelVersion.of("rain")
                    .file("model.bin", weights).idempotencyKey(key).build()));
            assertThat(results).as("versions returned for key %s", key).extracting(ModelVersion::version)
                    .containsOnly(results.get(0).version());
        }
        assertThat(registry.versions("rain")).hasSize(5);
    }

    /**
     * Moves are compare-and-set on the alias's current version, and the audit log records them in order.
     *
     * @throws IOException if a file cannot be written
     */
    @Test
    protected void aliasMovesAreCompareAndSet() throws IOException {
        registerVersions("rain", 3);
        AliasMove first = registry.moveAlias(AliasMoveRequest.of("rain", "champion", 1).withVerdict(pass())
                .expectingFrom(AliasMoveRequest.UNASSIGNED));

        assertThatThrownBy(() -> registry.moveAlias(AliasMoveRequest.of("rain", "champion", 2).withVerdict(pass())
                .expectingFrom(AliasMoveRequest.UNASSIGNED))).as("expecting an alias that exists not to")
                .isInstanceOf(AliasConflictException.class);
        assertThatThrownBy(() -> registry.moveAlias(AliasMoveRequest.of("rain", "champion", 3).withVerdict(pass())
                .expectingFrom(2))).as("expecting version 2 where the alias is at 1")
                .isInstanceOf(AliasConflictException.class);
        assertThat(registry.aliases("rain")).containsExactly(Map.entry("champion", 1));

        AliasMove second = registry.moveAlias(AliasMoveRequest.of("rain", "champion", 3).withVerdict(pass())
                .expectingFrom(1));
        AliasMove third = registry.moveAlias(AliasMoveRequest.of("rain", "challenger", 2).withVerdict(pass()));

        assertThat(registry.aliases("rain")).containsExactly(Map.entry("challenger", 2), Map.entry("champion", 3));
        assertThat(registry.version(ModelRef.ofAlias("rain", "champion")).version()).isEqualTo(3);
        assertThat(registry.aliasMoves("rain")).containsExactly(first, second, third);
        assertThat(first.sequence()).isEqualTo(1);
        assertThat(first.fromVersion()).isEqualTo(AliasMoveRequest.UNASSIGNED);
        assertThat(second.sequence()).isEqualTo(2);
        assertThat(second.fromVersion()).isEqualTo(1);
        assertThat(third.sequence()).isEqualTo(3);
        assertThat(second.movedAt()).isEqualTo(clock.instant());
    }

    /**
     * Of threads moving one alias from the same version to other versions at once, exactly one wins; the log has
     * one entry per win. (A move to the version the alias is at would let a second move from that version
     * win after it, legitimately, so the targets all differ from it.)
     *
     * @throws Exception if a thread fails
     */
    @Test
    protected void ofConcurrentMovesOfOneAliasExactlyOneWins() throws Exception {
        registerVersions("rain", THREADS + 1);
        registry.moveAlias(AliasMoveRequest.of("rain", "champion", 1).withVerdict(pass()));
        for (int round = 0; round < MOVE_ROUNDS; round++) {
            int from = Objects.requireNonNull(registry.aliases("rain").get("champion"), "the champion alias of rain");
            List<Boolean> wins = concurrently(thread -> {
                int target = 1 + thread < from ? 1 + thread : 2 + thread;   // every version but the current one
                try {
                    registry.moveAlias(AliasMoveRequest.of("rain", "champion", target).withVerdict(pass())
                            .expectingFrom(from));
                    return true;
                } catch (AliasConflictException e) {
                    return false;
                }
            });
            assertThat(wins).as("winners of the moves of champion from %d", from).containsOnlyOnce(true);
        }
        assertThat(registry.aliasMoves("rain")).extracting(AliasMove::sequence).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, 1 + MOVE_ROUNDS).boxed().toList());
    }

    /**
     * No evidence, a failing verdict and a verdict declared about another version are refused, changing nothing.
     *
     * @throws IOException if a file cannot be written
     */
    @Test
    protected void movesWithoutAllowingEvidenceAreRefused() throws IOException {
        registerVersions("rain", 2);
        registry.moveAlias(AliasMoveRequest.of("rain", "champion", 1).withVerdict(pass()));

        assertThatThrownBy(() -> registry.moveAlias(AliasMoveRequest.of("rain", "champion", 2)))
                .as("a move without evidence").isInstanceOf(AliasMoveRefusedException.class);
        assertThatThrownBy(() -> registry.moveAlias(AliasMoveRequest.of("rain", "champion", 2)
                .withVerdict(verdict(Outcome.FAIL)))).as("a move with a FAIL verdict")
                .isInstanceOf(AliasMoveRefusedException.class);
        assertThatThrownBy(() -> registry.moveAlias(AliasMoveRequest.of("rain", "champion", 2)
                .withVerdict(pass(), "rain@1"))).as("a verdict declared about rain@1 for a move to rain@2")
                .isInstanceOf(AliasMoveRefusedException.class);
        assertThatThrownBy(() -> registry.moveAlias(AliasMoveRequest.of("rain", "champion", 2)
                .withVerdict(pass(), "hail@2"))).as("a verdict declared about another model")
                .isInstanceOf(AliasMoveRefusedException.class);
        assertThatThrownBy(() -> registry.moveAlias(AliasMoveRequest.of("rain", "champion", 9).withVerdict(pass())))
                .as("a move to a version that does not exist").isInstanceOf(ModelNotFoundException.class);

        assertThat(registry.aliases("rain")).containsExactly(Map.entry("champion", 1));
        assertThat(registry.aliasMoves("rain")).hasSize(1);
    }

    /**
     * A verdict decided before the version was registered is refused, unless it names exactly its digests.
     *
     * @throws IOException if a file cannot be written
     */
    @Test
    protected void aVerdictFromBeforeTheVersionCountsOnlyForItsExactBytes() throws IOException {
        Verdict early = verdict(Outcome.PASS);
        Verdict earlyAboutTheseBytes = early.about(Map.of("weights", sha256("the bytes")));
        Verdict earlyAboutOtherBytes = early.about(Map.of("weights", sha256("other bytes")));
        clock.advance(Duration.ofMinutes(10));
        registry.register(NewModelVersion.of("rain").file("model.bin", file("w", "the bytes")).build());

        assertThatThrownBy(() -> registry.moveAlias(AliasMoveRequest.of("rain", "champion", 1).withVerdict(early)))
                .as("a verdict from before the version, naming no subject")
                .isInstanceOf(AliasMoveRefusedException.class);
        assertThatThrownBy(() -> registry.moveAlias(AliasMoveRequest.of("rain", "champion", 1)
                .withVerdict(earlyAboutOtherBytes))).as("a verdict from before the version, about other bytes")
                .isInstanceOf(AliasMoveRefusedException.class);
        assertThat(registry.aliases("rain")).isEmpty();

        AliasMove move = registry.moveAlias(AliasMoveRequest.of("rain", "champion", 1)
                .withVerdict(earlyAboutTheseBytes));
        assertThat(move.verdict()).isEqualTo(earlyAboutTheseBytes);
        assertThat(registry.aliases("rain")).containsExactly(Map.entry("champion", 1));
    }

    /**
     * PASS, WARN, a matching declared subject and an override move the alias; the log keeps the evidence.
     *
     * @throws IOException if a file cannot be written
     */
    @Test
    protected void allowingEvidenceMovesTheAliasAndIsRecorded() throws IOException {
        registerVersions("rain", 3);
        Verdict fail = verdict(Outcome.FAIL);

        AliasMove byWarn = registry.moveAlias(AliasMoveRequest.of("rain", "champion", 1)
                .withVerdict(verdict(Outcome.WARN)));
        AliasMove bySubject = registry.moveAlias(AliasMoveRequest.of("rain", "champion", 2)
                .withVerdict(pass(), "rain@2"));
        AliasMove byOverride = registry.moveAlias(AliasMoveRequest.of("rain", "champion", 3).withVerdict(fail)
                .withOverride("oncall@example.com", "rollback drill"));

        assertThat(registry.aliases("rain")).containsExactly(Map.entry("champion", 3));
        assertThat(registry.aliasMoves("rain")).containsExactly(byWarn, bySubject, byOverride);
        assertThat(bySubject.verdictSubject()).isEqualTo("rain@2");
        assertThat(byOverride.verdict()).as("the failing verdict an override moved past").isEqualTo(fail);
        assertThat(Objects.requireNonNull(byOverride.override(), "the override of an overriding move").who())
                .isEqualTo("oncall@example.com");
    }

    /**
     * Load hands out the registered bytes and refuses changed ones, on every load.
     *
     * @throws Exception if a file cannot be written or tampered with
     */
    @Test
    protected void loadVerifiesEveryArtifactEveryTime() throws Exception {
        registry.register(NewModelVersion.of("rain").file("model.bin", file("w", "weights one"))
                .file("vocab.txt", file("v", "dry\nrain")).build());
        LoadedModel loaded = registry.load(ModelRef.ofVersion("rain", 1));
        assertThat(Files.readString(loaded.file("model.bin"))).isEqualTo("weights one");
        try (InputStream in = loaded.open("vocab.txt")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("dry\nrain");
        }

        tamper(loaded, "model.bin");

        assertThatThrownBy(() -> registry.load(ModelRef.ofVersion("rain", 1)))
                .as("loading a version whose artifact changed after an earlier load")
                .isInstanceOf(ArtifactIntegrityException.class)
                .satisfies(e -> assertThat(((ArtifactIntegrityException) e).expectedSha256())
                        .isEqualTo(sha256("weights one")));
    }

    /** Model and alias names outside the rule are refused. */
    @Test
    protected void invalidNamesAreRefused() {
        for (String name : List.of("../x", "a/b", "", "-lead", "x".repeat(ModelRegistry.MAX_NAME_LENGTH + 1), "a..b")) {
            assertThatThrownBy(() -> registry.register(NewModelVersion.of(name).build())).as("model %s", name)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> registry.versions(name)).as("versions of %s", name)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(registry.models()).isEmpty();
    }

    /**
     * Unknown models, versions and aliases are not found.
     *
     * @throws IOException if a file cannot be written
     */
    @Test
    protected void unknownReferencesAreNotFound() throws IOException {
        registerVersions("rain", 1);

        assertThatThrownBy(() -> registry.version(ModelRef.ofVersion("hail", 1)))
                .isInstanceOf(ModelNotFoundException.class);
        assertThatThrownBy(() -> registry.version(ModelRef.ofVersion("rain", 2)))
                .isInstanceOf(ModelNotFoundException.class);
        assertThatThrownBy(() -> registry.version(ModelRef.ofAlias("rain", "champion")))
                .isInstanceOf(ModelNotFoundException.class);
        assertThatThrownBy(() -> registry.load(ModelRef.ofVersion("rain", 2)))
                .isInstanceOf(ModelNotFoundException.class);
        assertThat(registry.versions("hail")).isEmpty();
    }

    /** A verdict of the {@code auc} gate at the clock's time. */
    private Verdict verdict(Outcome outcome) {
        return Verdict.fromFindings("auc-gate", List.of(Finding.of("auc", outcome, 0.8, 0.7, "auc vs threshold")),
                clock.instant());
    }

    private Verdict pass() {
        return verdict(Outcome.PASS);
    }

    private void registerVersions(String model, int count) throws IOException {
        for (int i = 1; i <= count; i++) {
            registry.register(NewModelVersion.of(model).file("model.bin", file(model + "-" + i, model + " " + i))
                    .build());
        }
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(files.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs one task per thread, started together, bounded in time; results in thread order. */
    private static <T> List<T> concurrently(ThreadTask<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                Callable<T> callable = () -> {
                    start.await();
                    return task.run(thread);
                };
                futures.add(pool.submit(callable));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            for (Future<T> future : futures) {
                try {
                    results.add(future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof AssertionError assertion) {
                        throw assertion;
                    }
                    throw e;
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface ThreadTask<T> {
        T run(int thread) throws Exception;
    }
}
