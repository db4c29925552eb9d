package io.github.mlhighway.lifecycle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.registry.ModelRegistries;
import io.github.mlhighway.lifecycle.core.store.ArtifactStore;
import io.github.mlhighway.lifecycle.gate.Finding;
import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.gate.Verdict;
import io.github.mlhighway.lifecycle.registry.AliasMoveRequest;
import io.github.mlhighway.lifecycle.registry.LineageRef;
import io.github.mlhighway.lifecycle.registry.ModelRegistry;
import io.github.mlhighway.lifecycle.registry.ModelVersion;
import io.github.mlhighway.lifecycle.registry.NewModelVersion;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The store, registry and lineage commands on a store with two versions of one model. */
class RegistryCommandsTest {

    @TempDir
    Path store;

    @TempDir
    Path work;

    private ModelVersion second;

    @BeforeEach
    void registerTwoVersionsAndACampion() throws IOException {
        Clock clock = TestClock.at(Instant.parse("2026-01-01T00:00:00Z"));
        ModelRegistry registry = ModelRegistries.directory(store, clock);
        registry.register(NewModelVersion.of("rain").metric("auc", 0.81)
                .file("model.pt", Files.writeString(work.resolve("one.pt"), "one")).build());
        second = registry.register(NewModelVersion.of("rain").metric("auc", 0.84).parameter("epochs", "10")
                .file("model.pt", Files.writeString(work.resolve("two.pt"), "two"))
                .lineage(LineageRef.run("run-42")).lineage(LineageRef.dataset("sha256:feed")).build());
        Verdict pass = Verdict.fromFindings("auc-gate", List.of(Finding.of("auc", Outcome.PASS, 0.84, 0.7, "ok")),
                clock.instant());
        registry.moveAlias(AliasMoveRequest.of("rain", "champion", 2).withVerdict(pass));
        registry.moveAlias(AliasMoveRequest.of("rain", "shadow", 1).withOverride("alice", "compare old and new"));
    }

    @Test
    void registryListShowsModelsVersionsAndAliases() {
        CommandRun run = CommandRun.of("registry", "list", store.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(String.join(System.lineSeparator(),
                "rain",
                "  aliases: champion -> 2, shadow -> 1",
                "  v1  2026-01-01T00:00:00Z  auc=0.81  1 artifact  [shadow]",
                "  v2  2026-01-01T00:00:00Z  auc=0.84  1 artifact  [champion]",
                ""));
    }

    @Test
    void lineageByAliasPrintsTheVersionItsReferencesAndEveryArtifactWithItsSha256() {
        CommandRun run = CommandRun.of("lineage", store.toString(), "rain:champion");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("rain@2 (champion)")
                .contains("parameters: epochs=10", "metrics:    auc=0.84", "RUN           run-42",
                        "DATASET       sha256:feed",
                        "model.pt  sha256:" + second.artifacts().get(0).sha256() + "  3 bytes");
    }

    @Test
    void lineageByVersionWithVerifyReportsATamperedArtifactAndExitsOne() throws IOException {
        Files.writeString(ArtifactStore.under(store).file(second.artifacts().get(0).sha256()), "tw0");

        CommandRun run = CommandRun.of("lineage", store.toString(), "rain@2", "--verify");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("fails verification", second.artifacts().get(0).sha256());
    }

    @Test
    void lineageOfAnUnknownAliasNamesTheAliasesThereAreAndExitsTwo() {
        CommandRun run = CommandRun.of("lineage", store.toString(), "rain:champoin");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Model rain has no alias 'champoin'; its aliases are {champion=2, shadow=1}");
    }

    @Test
    void storeCheckOfACleanStoreExitsZero() {
        CommandRun run = CommandRun.of("store", "check", store.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("3 documents and 2 artifacts verified", "0 problems");
    }

    @Test
    void storeCheckPrintsOneLinePerProblemAndExitsOne() throws IOException {
        Files.writeString(ArtifactStore.under(store).file(second.artifacts().get(0).sha256()), "tw0");
        Path version = store.resolve("registry-versions/rain.v1.json");
        Files.writeString(version, Files.readString(version).replace("0.81", "0.99"));

        CommandRun run = CommandRun.of("store", "check", store.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out().lines()).hasSize(2).anySatisfy(line -> assertThat(line).contains(version.toString()))
                .anySatisfy(line -> assertThat(line).contains("Artifact ", "fails verification"));
    }

    @Test
    void aMissingDirectoryIsBadInputAndIsNotCreated() {
        Path absent = work.resolve("absent");

        CommandRun run = CommandRun.of("store", "check", absent.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("does not exist");
        assertThat(CommandRun.of("registry", "list", absent.toString()).exitCode()).isEqualTo(2);
        assertThat(CommandRun.of("lineage", absent.toString(), "rain@1").exitCode()).isEqualTo(2);
        assertThat(absent).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"store", "store check", "registry", "registry list", "lineage"})
    void everyLevelAnswersHelp(String command) {
        String[] words = (command + " --help").split(" ");

        CommandRun help = CommandRun.of(words);

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: lifecycle " + command);
    }

    @Test
    void theRootListsTheNewGroups() {
        assertThat(CommandRun.of("--help").out()).contains("store", "registry", "lineage");
    }
}
