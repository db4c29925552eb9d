package io.github.mlhighway.lifecycle.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.pipeline.PipelineException;
import io.github.mlhighway.lifecycle.pipeline.RunRecord;
import io.github.mlhighway.lifecycle.pipeline.RunStatus;
import io.github.mlhighway.lifecycle.pipeline.Stage;
import io.github.mlhighway.lifecycle.pipeline.StageStatus;
import io.github.mlhighway.lifecycle.store.Store;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints and resumption: a run started again with the same id continues after its last completed stage. */
class DurableRunTest {

    record Rows(List<Integer> values) {
    }

    record Model(double slope) {
    }

    /** Thrown by a stage to stand for the process dying: the runner does not catch errors. */
    static final class PowerCut extends Error {
        private static final long serialVersionUID = 1L;

        PowerCut() {
            super("power cut");
        }
    }

    @TempDir
    Path directory;

    private final PipelineFixture fixture = new PipelineFixture();
    private final AtomicInteger loads = new AtomicInteger();
    private final AtomicInteger trainings = new AtomicInteger();
    private final AtomicBoolean failTrainingOnce = new AtomicBoolean();
    private final AtomicBoolean crashTrainingOnce = new AtomicBoolean();

    private Pipeline<String, Model> pipeline() {
        return Pipeline.start("durable", String.class)
                .then("load", Rows.class, Stage.of(text -> {
                    loads.incrementAndGet();
                    return new Rows(List.of(text.split(",")).stream().map(Integer::valueOf).toList());
                }))
                .then("train", Model.class, (rows, context) -> {
                    trainings.incrementAndGet();
                    fixture.clock.advance(Duration.ofMinutes(3));
                    if (failTrainingOnce.getAndSet(false)) {
                        throw new IllegalStateException("GPU lost");
                    }
                    if (crashTrainingOnce.getAndSet(false)) {
                        throw new PowerCut();
                    }
                    return new Model(rows.values().stream().mapToInt(Integer::intValue).sum() / 10.0);
                })
                .build();
    }

    @Test
    void aFailedRunResumedWithTheSameIdSkipsCompletedStagesAndGivesTheSameResult() {
        Model uninterrupted = fixture.runner().run(pipeline(), "clean", "1,2,3").outputOrThrow();
        loads.set(0);
        trainings.set(0);
        failTrainingOnce.set(true);

        RunResult<Model> first = fixture.runner().run(pipeline(), "r1", "1,2,3");
        RunResult<Model> resumed = fixture.runner().run(pipeline(), "r1", "1,2,3");

        assertThat(first.status()).isEqualTo(RunStatus.FAILED);
        assertThat(first.record().failure().message()).isEqualTo("GPU lost");
        assertThat(resumed.outputOrThrow()).isEqualTo(uninterrupted);
        assertThat(loads).as("load ran once, then came from its checkpoint").hasValue(1);
        assertThat(trainings).hasValue(2);
        RunRecord record = resumed.record();
        assertThat(record.executions()).isEqualTo(2);
        assertThat(record.stage("train").orElseThrow().attempts()).isEqualTo(2);
        assertThat(record.outputDigest()).isEqualTo(record.stage("train").orElseThrow().outputDigest());
        assertThat(fixture.eventNames()).contains("StageRestored");
    }

    @Test
    void aRunWhoseProcessDiedMidStageResumesFromTheDirectoryStore() {
        Store store = Stores.directory(directory, fixture.clock);
        crashTrainingOnce.set(true);

        assertThatThrownBy(() -> fixture.runner(store).run(pipeline(), "r1", "4,5,6"))
                .isInstanceOf(PowerCut.class);
        RunRecord abandoned = RunRecords.find(store, "r1").orElseThrow();
        assertThat(abandoned.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(abandoned.stage("train").orElseThrow().status()).isEqualTo(StageStatus.RUNNING);

        Store reopened = Stores.directory(directory, fixture.clock);
        RunResult<Model> resumed = fixture.runner(reopened).run(pipeline(), "r1", "4,5,6");

        assertThat(resumed.outputOrThrow()).isEqualTo(new Model(1.5));
        assertThat(loads).hasValue(1);
        assertThat(resumed.record().stage("train").orElseThrow().duration()).contains(Duration.ofMinutes(3));
    }

    @Test
    void aSucceededRunStartedAgainRunsNothingAndReturnsItsOutput() {
        RunResult<Model> first = fixture.runner().run(pipeline(), "r1", "1");
        RunResult<Model> again = fixture.runner().run(pipeline(), "r1", "1");

        assertThat(again.outputOrThrow()).isEqualTo(first.outputOrThrow());
        assertThat(again.record()).isEqualTo(first.record());
        assertThat(loads).hasValue(1);
        assertThat(trainings).hasValue(1);
    }

    @Test
    void resumingWithAnotherInputOrAnotherPipelineIsRefused() {
        failTrainingOnce.set(true);
        fixture.runner().run(pipeline(), "r1", "1,2");

        assertThatThrownBy(() -> fixture.runner().run(pipeline(), "r1", "9,9"))
                .isInstanceOf(PipelineException.class).hasMessageContaining("resumed with");
        var other = Pipeline.start("durable", String.class).then("load", String.class, Stage.of(s -> s)).build();
        assertThatThrownBy(() -> fixture.runner().run(other, "r1", "1,2"))
                .isInstanceOf(PipelineException.class).hasMessageContaining("[load, train]");
    }

    @Test
    void aTamperedCheckpointIsRefusedRatherThanResumedFrom() {
        failTrainingOnce.set(true);
        fixture.runner().run(pipeline(), "r1", "1,2");
        String key = RunRecords.checkpointKey(RunRecords.find(fixture.store, "r1").orElseThrow().stages().get(0)
                .outputDigest());
        String json = fixture.store.read(RunRecords.OUTPUTS, key).orElseThrow().json();
        fixture.store.put(RunRecords.OUTPUTS, key, json.replace("[1,2]", "[1,3]"));

        assertThatThrownBy(() -> fixture.runner().run(pipeline(), "r1", "1,2"))
                .isInstanceOf(PipelineException.class).hasMessageContaining("refusing to resume");
    }

    @Test
    void anOutputThatCannotBeEncodedFailsTheStageWithoutRetryingIt() {
        AtomicInteger calls = new AtomicInteger();
        var pipeline = Pipeline.start("p", String.class)
                .then("train", Codecs.<String>of("broken", "text/plain", text -> {
                    throw new IllegalArgumentException("too big to store");
                }, bytes -> ""), Stage.of(text -> text + calls.incrementAndGet()))
                .retry(RetryPolicy.exponential(3))
                .build();

        RunResult<String> result = fixture.runner().run(pipeline, "r1", "x");

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(calls).hasValue(1);
        assertThat(result.record().failure().message())
                .contains("Cannot encode the output of stage 'train'").contains("too big to store");
    }

    @Test
    void twoRunnersOfOneRunIdCannotBothProceed() {
        var pipeline = Pipeline.start("p", String.class)
                .then("a", String.class, Stage.of(text -> {
                    fixture.store.put(RunRecords.RUNS, "r1", fixture.store.read(RunRecords.RUNS, "r1")
                            .orElseThrow().json());
                    return text;
                }))
                .build();

        assertThatThrownBy(() -> fixture.runner().run(pipeline, "r1", "x"))
                .isInstanceOf(PipelineException.class).hasMessageContaining("changed by another runner");
    }

    @Test
    void theRunRecordIsJsonWithStatusAttemptsTimesAndDigests() {
        fixture.runner().run(pipeline(), "r1", "1,2");

        String json = fixture.store.read(RunRecords.RUNS, "r1").orElseThrow().json();

        assertThat(json).contains("\"status\":\"SUCCEEDED\"", "\"attempts\":1", "\"startedAt\":\"2026-01-01T",
                "\"outputDigest\":\"", "\"codeVersion\":\"0123456789abcdef", "\"codec\":\"json:");
    }
}
