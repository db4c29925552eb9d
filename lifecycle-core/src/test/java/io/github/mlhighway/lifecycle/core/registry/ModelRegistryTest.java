package io.github.mlhighway.lifecycle.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.gate.Finding;
import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.gate.Verdict;
import io.github.mlhighway.lifecycle.registry.AliasConflictException;
import io.github.mlhighway.lifecycle.registry.AliasMove;
import io.github.mlhighway.lifecycle.registry.AliasMoveRefusedException;
import io.github.mlhighway.lifecycle.registry.AliasMoveRequest;
import io.github.mlhighway.lifecycle.registry.ArtifactIntegrityException;
import io.github.mlhighway.lifecycle.registry.LineageKind;
import io.github.mlhighway.lifecycle.registry.LineageRef;
import io.github.mlhighway.lifecycle.registry.LoadedModel;
import io.github.mlhighway.lifecycle.registry.MetricPoint;
import io.github.mlhighway.lifecycle.registry.ModelNotFoundException;
import io.github.mlhighway.lifecycle.registry.ModelRef;
import io.github.mlhighway.lifecycle.registry.ModelRegistry;
import io.github.mlhighway.lifecycle.registry.ModelVersion;
import io.github.mlhighway.lifecycle.registry.NewModelVersion;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelRegistryTest {

    @TempDir
    Path root;

    @TempDir
    Path work;

    private final SimClock clock = SimClock.atDefault();

    private ModelRegistry registry() {
        return ModelRegistries.directory(root.resolve("store"), clock);
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(work.resolve(name), content, StandardCharsets.UTF_8);
    }

    private ModelVersion registerRain(ModelRegistry registry, String weights, double auc) throws IOException {
        clock.advance(Duration.ofHours(1));
        return registry.register(NewModelVersion.of("rain")
                .parameter("epochs", "10").metric("auc", auc).tag("team", "forecast")
                .file("model.pt", file("model-" + auc + ".pt", weights))
                .lineage(LineageRef.run("run-" + auc)).lineage(LineageRef.dataset("sha256:feed"))
                .build());
    }

    private Verdict verdict(Outcome outcome) {
        return Verdict.fromFindings("auc-gate", List.of(Finding.of("auc", outcome, 0.8, 0.7, "auc vs threshold")),
                clock.instant());
    }

    @Test
    void theUsageExampleRegistersPromotesAndLoadsAVersion() throws IOException {
        Path weights = file("model.pt", "weights");
        Verdict gateVerdict = verdict(Outcome.PASS);

        ModelRegistry registry = ModelRegistries.directory(root.resolve("store"), clock);
        ModelVersion v = registry.register(NewModelVersion.of("rain").metric("auc", 0.84)
                .file("model.pt", weights).lineage(LineageRef.run("run-42")).build());
        registry.moveAlias(AliasMoveRequest.of("rain", "champion", v.version()).withVerdict(gateVerdict));
        LoadedModel champion = registry.load(ModelRef.parse("rain:champion"));   // every artifact verified
        Path modelFile = champion.file("model.pt");

        assertThat(modelFile).hasContent("weights");
    }

    @Test
    void versionsAreNumberedFromOneAndKeepTheirMetadataArtifactsAndLineage() throws IOException {
        ModelRegistry registry = registry();

        ModelVersion first = registerRain(registry, "weights one", 0.81);
        ModelVersion second = registerRain(registry, "weights two", 0.84);

        assertThat(first.version()).isEqualTo(1);
        assertThat(second.version()).isEqualTo(2);
        ModelVersion read = registry.version(ModelRef.parse("rain@2"));
        assertThat(read).isEqualTo(second);
        assertThat(read.createdAt()).isEqualTo(clock.instant());
        assertThat(read.parameters()).containsEntry("epochs", "10");
        assertThat(read.artifact("model.pt").orElseThrow().sha256())
                .isEqualTo(Hashing.sha256().hashString("weights two", StandardCharsets.UTF_8).toString());
        assertThat(read.lineage()).contains(LineageRef.of(LineageKind.RUN, "run-0.84"));
        assertThat(registry.models()).containsExactly("rain");
        assertThat(registry.versions("rain")).extracting(ModelVersion::version).containsExactly(1, 2);
    }

    @Test
    void theMetricHistoryListsEachVersionsValueInOrder() throws IOException {
        ModelRegistry registry = registry();
        registerRain(registry, "a", 0.81);
        registerRain(registry, "b", 0.84);

        assertThat(registry.metricHistory("rain", "auc")).extracting(MetricPoint::value).containsExactly(0.81, 0.84);
        assertThat(registry.metricHistory("rain", "f1")).isEmpty();
    }

    @Test
    void championMovesWithAPassingVerdictAndLoadsByAliasWithVerifiedFiles() throws IOException {
        ModelRegistry registry = registry();
        registerRain(registry, "weights one", 0.81);

        AliasMove move = registry.moveAlias(AliasMoveRequest.of("rain", "champion", 1).withVerdict(verdict(Outcome.PASS)));
        LoadedModel loaded = registry.load(ModelRef.parse("rain:champion"));

        assertThat(move.fromVersion()).isEqualTo(AliasMoveRequest.UNASSIGNED);
        assertThat(loaded.version().version()).isEqualTo(1);
        assertThat(Files.readString(loaded.file("model.pt"))).isEqualTo("weights one");
        assertThat(registry.aliases("rain")).containsEntry("champion", 1);
    }

    @Test
    void aWarnVerdictAllowsTheMoveToo() throws IOException {
        ModelRegistry registry = registry();
        registerRain(registry, "w", 0.81);

        registry.moveAlias(AliasMoveRequest.of("rain", "challenger", 1).withVerdict(verdict(Outcome.WARN)));

        assertThat(registry.aliases("rain")).containsEntry("challenger", 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"FAIL", "INCONCLUSIVE"})
    void anAliasMoveWithAFailingVerdictIsRefusedAndNothingMoves(Outcome outcome) throws IOException {
        ModelRegistry registry = registry();
        registerRain(registry, "w", 0.81);

        assertThatThrownBy(() -> registry.moveAlias(AliasMoveRequest.of("rain", "champion", 1)
                .withVerdict(verdict(outcome))))
                .isInstanceOf(AliasMoveRefusedException.class)
                .hasMessageContaining("verdict " + outcome + " of gate 'auc-gate' does not allow it");
        assertThat(registry.aliases("rain")).isEmpty();
        assertThat(registry.aliasMoves("rain")).isEmpty();
    }

    @Test
    void anAliasMoveWithoutEvidenceIsRefused() throws IOException {
        ModelRegistry registry = registry();
        registerRain(registry, "w", 0.81);

        assertThatThrownBy(() -> registry.moveAlias(AliasMoveRequest.of("rain", "champion", 1)))
                .isInstanceOf(AliasMoveRefusedException.class).hasMessageContaining("has no evidence");
    }

    @Test
    void anOverrideMovesPastAFailingVerdictAndTheAuditLogRecordsBothInOrder() throws IOException {
        ModelRegistry registry = registry();
        registerRain(registry, "one", 0.81);
        registerRain(registry, "two", 0.79);
        registry.moveAlias(AliasMoveRequest.of("rain", "champion", 2).withVerdict(verdict(Outcome.PASS)));
        clock.advance(Duration.ofMinutes(5));

        registry.moveAlias(AliasMoveRequest.of("rain", "champion", 1).withVerdict(verdict(Outcome.FAIL))
                .withOverride("alice@example.org", "rollback during incident 17"));

        List<AliasMove> log = registry.aliasMoves("rain");
        assertThat(log).hasSize(2);
        assertThat(log.get(0).describe()).isEqualTo("#1 champion (new) -> 2 at 2026-01-01T02:00:00Z,"
                + " verdict PASS of gate 'auc-gate'");
        assertThat(log.get(1).fromVersion()).isEqualTo(2);
        assertThat(log.get(1).toVersion()).isEqualTo(1);
        assertThat(log.get(1).verdict().outcome()).isEqualTo(Outcome.FAIL);
        assertThat(log.get(1).override().why()).isEqualTo("rollback during incident 17");
        assertThat(log.get(1).movedAt()).isEqualTo(clock.instant());
        assertThat(registry.aliases("rain")).containsEntry("champion", 1);
    }

    @Test
    void anOverrideMustSayWhoAndWhy() {
        assertThatThrownBy(() -> AliasMoveRequest.of("rain", "champion", 1).withOverride("alice", " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("who decided and why");
    }

    @Test
    void anUnknownAliasVersionOrModelIsRefusedNamingWhatExists() throws IOException {
        ModelRegistry registry = registry();
        registerRain(registry, "w", 0.81);
        registry.moveAlias(AliasMoveRequest.of("rain", "champion", 1).withVerdict(verdict(Outcome.PASS)));

        assertThatThrownBy(() -> registry.load(ModelRef.parse("rain:champoin")))
                .isInstanceOf(ModelNotFoundException.class)
                .hasMessage("Model rain has no alias 'champoin'; its aliases are {champion=1}");
        assertThatThrownBy(() -> registry.load(ModelRef.parse("rain@7")))
                .isInstanceOf(ModelNotFoundException.class)
                .hasMessage("Model rain has no version 7; its versions are [1]");
        assertThatThrownBy(() -> registry.load(ModelRef.parse("snow:champion")))
                .isInstanceOf(ModelNotFoundException.class)
                .hasMessage("No model 'snow' in the registry; its models are [rain]");
        assertThatThrownBy(() -> registry.moveAlias(AliasMoveRequest.of("rain", "champion", 9)
                .withVerdict(verdict(Outcome.PASS)))).isInstanceOf(ModelNotFoundException.class);
    }

    @Test
    void aMoveExpectingAnotherCurrentVersionIsAConflictAndChangesNothing() throws IOException {
        ModelRegistry registry = registry();
        registerRain(registry, "one", 0.81);
        registerRain(registry, "two", 0.82);
        registry.moveAlias(AliasMoveRequest.of("rain", "champion", 1).withVerdict(verdict(Outcome.PASS)));

        assertThatThrownBy(() -> registry.moveAlias(AliasMoveRequest.of("rain", "champion", 2).expectingFrom(2)
                .withVerdict(verdict(Outcome.PASS))))
                .isInstanceOf(AliasConflictException.class)
                .hasMessageStartingWith("Alias rain:champion was moved concurrently: expected it at version 2 but it"
                        + " is at version 1");
        assertThat(registry.aliases("rain")).containsEntry("champion", 1);
    }

    @Test
    void twoThreadsMovingTheSameAliasAtOnceExactlyOneWinsTheOtherGetsAConflict() throws Exception {
        ModelRegistry registry = registry();
        registerRain(registry, "one", 0.81);
        registerRain(registry, "two", 0.82);
        registerRain(registry, "three", 0.83);
        registry.moveAlias(AliasMoveRequest.of("rain", "champion", 1).withVerdict(verdict(Outcome.PASS)));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                int from = registry.aliases("rain").get("champion");
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<AliasMove>> moves = new ArrayList<>();
                for (int to : new int[] {from % 3 + 1, (from + 1) % 3 + 1}) {
                    moves.add(pool.submit(() -> {
                        start.await();
                        return registry.moveAlias(AliasMoveRequest.of("rain", "champion", to).expectingFrom(from)
                                .withVerdict(verdict(Outcome.PASS)));
                    }));
                }
                int wins = 0;
                int conflicts = 0;
                for (Future<AliasMove> move : moves) {
                    try {
                        move.get(10, TimeUnit.SECONDS);
                        wins++;
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOf(AliasConflictException.class);
                        conflicts++;
                    }
                }
                assertThat(wins).as("round %d", round).isEqualTo(1);
                assertThat(conflicts).as("round %d", round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(registry.aliasMoves("rain")).hasSize(21);
    }

    @Test
    void concurrentRegistrationsTakeDistinctVersionNumbers() throws Exception {
        ModelRegistry registry = registry();
        Path weights = file("w.pt", "w");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ModelVersion>> results = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                results.add(pool.submit(() -> registry.register(NewModelVersion.of("rain").file("w.pt", weights)
                        .build())));
            }
            List<Integer> numbers = new ArrayList<>();
            for (Future<ModelVersion> result : results) {
                numbers.add(result.get(30, TimeUnit.SECONDS).version());
            }
            assertThat(numbers).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTamperedArtifactIsRefusedOnLoadNamingTheFileAndBothDigests() throws IOException {
        ModelRegistry registry = registry();
        ModelVersion version = registerRain(registry, "weights one", 0.81);
        String sha256 = version.artifacts().get(0).sha256();
        Path stored = root.resolve("store/_artifacts/sha256").resolve(sha256.substring(0, 2)).resolve(sha256);
        Files.writeString(stored, "weights 0ne");

        assertThatThrownBy(() -> registry.load(ModelRef.ofVersion("rain", 1)))
                .isInstanceOf(ArtifactIntegrityException.class)
                .hasMessageContaining(stored.toString())
                .hasMessageContaining("expected SHA-256 " + sha256)
                .hasMessageContaining(Hashing.sha256().hashString("weights 0ne", StandardCharsets.UTF_8).toString());
    }

    @Test
    void aFileChangedAfterLoadIsNeverHandedOutByOpenOrCopyTo() throws IOException {
        ModelRegistry registry = registry();
        registerRain(registry, "weights one", 0.81);
        LoadedModel loaded = registry.load(ModelRef.ofVersion("rain", 1));   // verified now
        Path shared = loaded.file("model.pt");
        Files.writeString(shared, "weights 0ne");                            // changed between check and use
        Path copies = work.resolve("private");

        assertThat(shared).hasContent("weights 0ne");                        // the documented limit of paths
        try (InputStream in = loaded.open("model.pt")) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(ArtifactIntegrityException.class)
                    .hasMessageContaining(shared.toString());
        }
        assertThatThrownBy(() -> loaded.copyTo(copies)).isInstanceOf(ArtifactIntegrityException.class)
                .hasMessageContaining(shared.toString());
        try (Stream<Path> left = Files.walk(copies)) {
            assertThat(left.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void copyToMakesAPrivateVerifiedCopyOfEveryArtifact() throws IOException {
        Path model = Files.createDirectories(work.resolve("djl-model"));
        Files.writeString(model.resolve("rain-0000.params"), "params");
        Files.createDirectories(model.resolve("meta"));
        Files.writeString(model.resolve("meta/synset.txt"), "dry\nrain");
        ModelRegistry registry = registry();
        ModelVersion version = registry.register(NewModelVersion.of("rain").directory(model).build());

        LoadedModel shared = registry.load(version.ref());
        LoadedModel local = shared.copyTo(work.resolve("local"));
        Files.writeString(shared.file("rain-0000.params"), "tampered later");   // the private copy is unaffected

        assertThat(local.file("meta/synset.txt")).isEqualTo(work.resolve("local/meta/synset.txt"))
                .hasContent("dry\nrain");
        assertThat(local.file("rain-0000.params")).hasContent("params");
        assertThat(local.version()).isEqualTo(version);
        try (InputStream in = local.open("rain-0000.params")) {
            assertThat(in.readAllBytes()).isEqualTo("params".getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aVerdictDecidedBeforeTheVersionExistedCannotMoveAnAlias() throws IOException {
        ModelRegistry registry = registry();
        registerRain(registry, "one", 0.81);
        Verdict old = verdict(Outcome.PASS);                                  // decided about version 1's era
        ModelVersion second = registerRain(registry, "two", 0.84);            // registered an hour later

        assertThatThrownBy(() -> registry.moveAlias(AliasMoveRequest.of("rain", "champion", 2).withVerdict(old)))
                .isInstanceOf(AliasMoveRefusedException.class)
                .hasMessage("Alias move rain:champion -> version 2 refused: verdict PASS of gate 'auc-gate' was"
                        + " decided at " + old.decidedAt() + ", before rain@2 was registered at "
                        + second.createdAt() + " and it names no subject digests, so it cannot be evidence about that"
                        + " version; gate the exact artifacts (a verdict whose subject names their SHA-256) or the"
                        + " registered version again, or attach an override saying who and why");
        assertThat(registry.aliasMoves("rain")).isEmpty();

        registry.moveAlias(AliasMoveRequest.of("rain", "champion", 1).withVerdict(old));   // same instant: allowed
        assertThat(registry.aliases("rain")).containsEntry("champion", 1);
    }

    @Test
    void aVerdictDeclaredForAnotherModelOrVersionIsRefusedAndTheSubjectIsAudited() throws IOException {
        ModelRegistry registry = registry();
        registerRain(registry, "one", 0.81);
        registerRain(registry, "two", 0.84);
        Verdict pass = verdict(Outcome.PASS);

        for (String wrong : List.of("rain@1", "snow@2", "rain:challenger")) {
            assertThatThrownBy(() -> registry.moveAlias(AliasMoveRequest.of("rain", "champion", 2)
                    .withVerdict(pass, wrong)))
                    .isInstanceOf(AliasMoveRefusedException.class)
                    .hasMessage("Alias move rain:champion -> version 2 refused: the verdict of gate 'auc-gate' is"
                            + " declared to be about '" + wrong + "', not about rain@2; attach the verdict of the"
                            + " version being promoted");
        }
        AliasMove move = registry.moveAlias(AliasMoveRequest.of("rain", "champion", 2).withVerdict(pass, "rain@2"));

        assertThat(move.verdictSubject()).isEqualTo("rain@2");
        assertThat(registry.aliasMoves("rain")).containsExactly(move);
        assertThat(move.describe()).endsWith("verdict PASS of gate 'auc-gate' for rain@2");
    }

    @Test
    void aModelDirectoryIsRegisteredFileByFile() throws IOException {
        Path model = Files.createDirectories(work.resolve("djl-model"));
        Files.writeString(model.resolve("rain-0000.params"), "params");
        Files.createDirectories(model.resolve("meta"));
        Files.writeString(model.resolve("meta/synset.txt"), "dry\nrain");
        ModelRegistry registry = registry();

        ModelVersion version = registry.register(NewModelVersion.of("rain").directory(model).build());
        LoadedModel loaded = registry.load(version.ref());

        assertThat(loaded.files()).containsOnlyKeys("meta/synset.txt", "rain-0000.params");
        assertThat(Files.readString(loaded.file("meta/synset.txt"))).isEqualTo("dry\nrain");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil", "..", "a/b", "", ".hidden", "a..b", "name with space"})
    void namesThatCouldLeaveTheStoreAreRefused(String name) throws IOException {
        ModelRegistry registry = registry();
        Path weights = file("w.pt", "w");

        assertThatThrownBy(() -> registry.register(NewModelVersion.of(name).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Invalid model name");
        assertThatThrownBy(() -> registry.version(ModelRef.ofAlias("rain", name)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Invalid alias name");
        assertThat(root.resolve("evil")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil", "a/../b", "/etc/passwd", "a//b", "a/", "", ".hidden", "dir/.x"})
    void artifactNamesThatCouldLeaveTheVersionAreRefused(String name) throws IOException {
        ModelRegistry registry = registry();
        Path weights = file("w.pt", "w");

        assertThatThrownBy(() -> registry.register(NewModelVersion.of("rain").file(name, weights).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Invalid artifact name");
        assertThat(registry.models()).isEmpty();
    }

    @Test
    void aNaNMetricIsRefusedWhenTheVersionIsDescribed() {
        assertThatThrownBy(() -> NewModelVersion.of("rain").metric("auc", Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Metric 'auc' of model 'rain' is NaN");
    }

    @Test
    void referencesParseBothForms() {
        assertThat(ModelRef.parse("rain@3")).isEqualTo(ModelRef.ofVersion("rain", 3));
        assertThat(ModelRef.parse("rain:champion")).isEqualTo(ModelRef.ofAlias("rain", "champion"));
        assertThatThrownBy(() -> ModelRef.parse("rain@zero")).hasMessageContaining("use a number from 1");
        assertThatThrownBy(() -> ModelRef.parse("rain")).hasMessageContaining("neither MODEL@VERSION nor MODEL:ALIAS");
    }
}
