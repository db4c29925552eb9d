package io.github.mlhighway.lifecycle.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.core.slo.SloRegistry;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.gate.Finding;
import io.github.mlhighway.lifecycle.gate.Gate;
import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.gate.Verdict;
import io.github.mlhighway.lifecycle.pipeline.PipelineDefinitionException;
import io.github.mlhighway.lifecycle.pipeline.RunStatus;
import io.github.mlhighway.lifecycle.pipeline.Stage;
import io.github.mlhighway.lifecycle.slo.Operator;
import io.github.mlhighway.lifecycle.slo.Slo;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Pipelines declare SLOs on their runs and gates; every run records its events once, also when resumed. */
class PipelineSloTest {

    private final PipelineFixture fixture = new PipelineFixture();
    private final SloRegistry slos = SloRegistry.create(fixture.clock);
    private final AtomicBoolean failTrainingOnce = new AtomicBoolean();

    private final Slo trainingInTime = Slo.ratio("training.completes-in-20m").objective(0.95)
            .rollingWindow(Duration.ofDays(28)).build();
    private final Slo batchesPass = Slo.ratio("batches.pass-validation").objective(0.99)
            .rollingWindow(Duration.ofDays(28)).build();

    private final Gate<Integer> atLeastThreeRows = Gate.named("rows", rows -> Verdict.fromFindings("rows",
            List.of(Finding.of("rows", rows >= 3 ? Outcome.PASS : Outcome.FAIL, rows, 3, "row count")),
            fixture.clock.instant()));

    private Pipeline<String, String> pipeline(Duration trainingTakes) {
        return Pipeline.start("daily", String.class)
                .then("load", Integer.class, Stage.of(text -> text.split(",").length))
                .gate(atLeastThreeRows)
                .gateSlo(batchesPass)
                .then("train", String.class, (rows, context) -> {
                    fixture.clock.advance(trainingTakes);
                    context.checkCancelled();
                    if (failTrainingOnce.getAndSet(false)) {
                        throw new IllegalStateException("GPU lost");
                    }
                    return "model of " + rows + " rows";
                })
                .runDeadline(Duration.ofMinutes(20))
                .runSlo(trainingInTime)
                .build();
    }

    private PipelineRunner runner() {
        return PipelineRunner.builder(fixture.store).clock(fixture.clock).slos(slos)
                .codeVersion(new io.github.mlhighway.lifecycle.core.lineage.CodeVersion("unknown", "unknown"))
                .environment(java.util.Map.of()).build();
    }

    private long good(Slo slo) {
        return slos.tracker(slo.name()).goodEventsRecorded();
    }

    private long bad(Slo slo) {
        return slos.tracker(slo.name()).badEventsRecorded();
    }

    @Test
    void aSuccessfulRunRecordsOneGoodEventPerSlo() {
        RunResult<String> run = runner().run(pipeline(Duration.ofMinutes(5)), "2026-06-01", "1,2,3");

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(good(trainingInTime)).isEqualTo(1);
        assertThat(good(batchesPass)).isEqualTo(1);
        assertThat(bad(trainingInTime) + bad(batchesPass)).isZero();
    }

    @Test
    void aFailingGateBurnsTheGateSlo() {
        RunResult<String> run = runner().run(pipeline(Duration.ofMinutes(5)), "2026-06-01", "1,2");
        slos.tick();

        SloTracker gate = slos.tracker(batchesPass.name());
        assertThat(run.status()).isEqualTo(RunStatus.STOPPED_BY_GATE);
        assertThat(bad(batchesPass)).isEqualTo(1);
        assertThat(gate.budget().consumedFraction()).isGreaterThan(1.0);
        assertThat(bad(trainingInTime)).as("a run stopped by a gate did not complete").isEqualTo(1);
    }

    @Test
    void aRunPastItsDeadlineBurnsTheRunSlo() {
        RunResult<String> run = runner().run(pipeline(Duration.ofMinutes(25)), "2026-06-01", "1,2,3");
        slos.tick();

        assertThat(run.status()).isEqualTo(RunStatus.DEADLINE_EXCEEDED);
        assertThat(bad(trainingInTime)).isEqualTo(1);
        assertThat(good(trainingInTime)).isZero();
        assertThat(good(batchesPass)).as("its gate passed").isEqualTo(1);
        assertThat(slos.tracker(trainingInTime.name()).budget().bad()).isEqualTo(1.0);
    }

    @Test
    void aResumedRunRecordsNoSecondEventForItsGateOrItself() {
        failTrainingOnce.set(true);
        Pipeline<String, String> pipeline = pipeline(Duration.ofMinutes(5));

        assertThat(runner().run(pipeline, "2026-06-01", "1,2,3").status()).isEqualTo(RunStatus.FAILED);
        assertThat(runner().run(pipeline, "2026-06-01", "1,2,3").status()).isEqualTo(RunStatus.SUCCEEDED);
        runner().run(pipeline, "2026-06-01", "1,2,3");    // succeeded: returns the stored record

        assertThat(good(batchesPass) + bad(batchesPass)).as("one gate event for the run").isEqualTo(1);
        assertThat(good(trainingInTime) + bad(trainingInTime)).as("one run event for the run id").isEqualTo(1);
        assertThat(bad(trainingInTime)).as("its first end counts").isEqualTo(1);
    }

    @Test
    void aGateThatFailedAndPassesOnResumeIsCountedOnceAsItFirstDecided() {
        Pipeline<String, String> pipeline = pipeline(Duration.ofMinutes(5));
        AtomicBoolean flaky = new AtomicBoolean(true);
        Pipeline<String, String> flakyGate = Pipeline.start("daily", String.class)
                .then("load", Integer.class, Stage.of(text -> text.split(",").length))
                .gate(Gate.named("rows", rows -> Verdict.fromFindings("rows", List.of(Finding.note("rows",
                        flaky.getAndSet(false) ? Outcome.INCONCLUSIVE : Outcome.PASS, "flaky")),
                        fixture.clock.instant())))
                .gateSlo(batchesPass)
                .then("train", String.class, Stage.of(rows -> "model"))
                .build();

        runner().run(flakyGate, "r1", "1,2,3");
        runner().run(flakyGate, "r1", "1,2,3");

        assertThat(bad(batchesPass)).isEqualTo(1);
        assertThat(good(batchesPass)).isZero();
        assertThat(pipeline.slos()).containsExactly(trainingInTime, batchesPass);
    }

    @Test
    void runsOfDifferentRunIdsEachRecordTheirOwnEvents() {
        runner().run(pipeline(Duration.ofMinutes(5)), "2026-06-01", "1,2,3");
        runner().run(pipeline(Duration.ofMinutes(5)), "2026-06-02", "1,2");
        runner().run(pipeline(Duration.ofMinutes(5)), "2026-06-03", "1,2,3,4");

        assertThat(good(batchesPass)).isEqualTo(2);
        assertThat(bad(batchesPass)).isEqualTo(1);
        assertThat(good(trainingInTime)).isEqualTo(2);
    }

    @Test
    void aThresholdSloOrASecondSloOfTheSameNameIsRefused() {
        Slo latency = Slo.threshold("train.minutes", Operator.LTE, 20.0)
                .objective(0.95).rollingWindow(Duration.ofDays(28)).build();
        assertThatThrownBy(() -> Pipeline.start("p", String.class).then("a", String.class, Stage.of(s -> s))
                .runSlo(latency)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threshold indicator");
        assertThatThrownBy(() -> Pipeline.start("p", String.class).then("a", String.class, Stage.of(s -> s))
                .gateSlo(batchesPass)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("add a gate with gate() first");

        slos.register(Slo.ratio(batchesPass.name()).objective(0.9).rollingWindow(Duration.ofDays(7)).build());
        assertThatThrownBy(() -> runner().run(pipeline(Duration.ofMinutes(1)), "r1", "1,2,3"))
                .isInstanceOf(PipelineDefinitionException.class)
                .hasMessageContaining("already has an SLO named 'batches.pass-validation'");
    }
}
