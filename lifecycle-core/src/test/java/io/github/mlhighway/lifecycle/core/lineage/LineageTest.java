package io.github.mlhighway.lifecycle.core.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.core.pipeline.internal.Digests;
import io.github.mlhighway.lifecycle.core.pipeline.Pipeline;
import io.github.mlhighway.lifecycle.core.pipeline.PipelineRunner;
import io.github.mlhighway.lifecycle.core.pipeline.RunResult;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.pipeline.Stage;
import io.github.mlhighway.lifecycle.store.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Provenance recorded by runs, and the lineage questions answered from it. */
class LineageTest {

    @TempDir
    Path directory;

    private final SimClock clock = SimClock.atDefault();
    private final Store store = Stores.inMemory(clock);

    private RunResult<String> run(String runId, Path data, String learningRate, String commit) {
        Pipeline<Path, String> pipeline = Pipeline.start("train", Path.class)
                .parameter("learningRate", learningRate)
                .then("read", String.class, Stage.of(path -> {
                    try {
                        return Files.readString(path);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }))
                .then("model", String.class, Stage.of(text -> "model of " + text.length() + " chars"))
                .build();
        return PipelineRunner.builder(store).clock(clock).codeVersion(new CodeVersion(commit, CodeVersion.GIT))
                .environment(Map.of("java.version", "17.0.1")).build().run(pipeline, runId, data);
    }

    @Test
    void whatProducedAModelIsAnsweredByItsDigest() {
        Path data = write("a.csv", "1,2,3");
        RunResult<String> result = run("r1", data, "0.1", "c1");
        String modelDigest = Digests.sha256(result.outputOrThrow().getBytes(StandardCharsets.UTF_8));

        assertThat(Lineage.over(store).producersOf(modelDigest))
                .containsExactly(new ProducedOutput("r1", "train", "model", modelDigest));
    }

    @Test
    void whatUsedADataSetIsAnsweredByItsContentDigest() {
        Path a = write("a.csv", "1,2,3");
        Path b = write("b.csv", "4,5,6");
        run("r1", a, "0.1", "c1");
        run("r2", b, "0.1", "c1");
        run("r3", a, "0.2", "c1");

        assertThat(Lineage.over(store).runsUsing(Digests.sha256(a))).containsExactly("r1", "r3");
    }

    @Test
    void theReproducibilityDiffNamesParametersCodeAndInputsThatDiffer() {
        run("r1", write("a.csv", "1,2,3"), "0.1", "c1");
        run("r2", write("b.csv", "1,2,3"), "0.2", "c2");

        ReproducibilityDiff diff = Lineage.over(store).diff("r1", "r2");

        assertThat(diff.differences()).extracting(Difference::aspect, Difference::key)
                .contains(org.assertj.core.groups.Tuple.tuple("code", "git/git"),
                        org.assertj.core.groups.Tuple.tuple("parameter", "learningRate"),
                        org.assertj.core.groups.Tuple.tuple("input", "file:a.csv"),
                        org.assertj.core.groups.Tuple.tuple("input", "file:b.csv"));
        assertThat(diff.differences()).noneMatch(d -> d.aspect().equals("environment"));
        assertThat(Lineage.over(store).diff("r1", "r1").identical()).isTrue();
        assertThatThrownBy(() -> Lineage.over(store).diff("r1", "nope")).hasMessageContaining("No run 'nope'");
    }

    @Test
    void theCodeVersionComesFromGitWhenThereIsARepositoryAndNeverFailsWithoutOne() {
        CodeVersion here = CodeVersion.detect(Path.of("").toAbsolutePath(), LineageTest.class);
        CodeVersion nowhere = CodeVersion.detect(directory, LineageTest.class);

        if (CodeVersion.findGitRoot(Path.of("")).isPresent()) {
            assertThat(here.version()).matches("[0-9a-f]{40}|unknown");
        }
        assertThat(nowhere.source()).isIn(CodeVersion.MANIFEST, CodeVersion.UNKNOWN, CodeVersion.GIT);
        assertThat(RuntimeEnvironment.capture()).containsKeys("java.version", "os.name");
    }

    private Path write(String name, String content) {
        try {
            return Files.writeString(directory.resolve(name), content);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
