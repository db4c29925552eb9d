package io.github.mlhighway.lifecycle.djl;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.evaluation.Evaluator;
import io.github.mlhighway.lifecycle.core.evaluation.gate.ModelGate;
import io.github.mlhighway.lifecycle.core.lineage.CodeVersion;
import io.github.mlhighway.lifecycle.core.pipeline.Pipeline;
import io.github.mlhighway.lifecycle.core.pipeline.PipelineRunner;
import io.github.mlhighway.lifecycle.core.pipeline.RunResult;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.evaluation.StandardMetric;
import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.gate.Verdict;
import io.github.mlhighway.lifecycle.pipeline.RunStatus;
import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DjlPipelineTest {

    private static final SeattleRain DATA = SeattleRain.load();
    private static final TrainingData TRAINING = TrainingData.of(DATA.trainX, DATA.trainY);
    private static final DjlTrainer TRAINER = DjlTrainer.builder(() -> DjlTrainer.mlp(16))
            .epochs(8).batchSize(32).learningRate(0.005f).seed(7).build();
    private static final DjlEvaluationStage EVALUATE = DjlEvaluationStage
            .builder(() -> DjlTrainer.mlp(16), DATA.holdoutX, DATA.holdoutY).build();

    private static Pipeline<TrainingData, EvaluatedModel> pipeline(DjlTrainingStage train, double minAuc) {
        return Pipeline.start("rain-djl", TrainingData.class)
                .then("train", TrainedParameters.class, train)
                .deadline(Duration.ofMinutes(10))
                .then("evaluate", EvaluatedModel.codec(), EVALUATE)
                .gate(EvaluatedModel.gate(ModelGate.builder().metric("auc").atLeast(minAuc).build()))
                .build();
    }

    private static PipelineRunner runner(Store store, Clock clock) {
        return PipelineRunner.builder(store).clock(clock)
                .codeVersion(new CodeVersion("0123456789abcdef0123456789abcdef01234567", CodeVersion.GIT))
                .environment(Map.of("java.version", "17"))
                .build();
    }

    @Test
    void train_evaluate_and_a_model_gate_at_auc_070_pass_on_the_seattle_holdout() {
        TestClock clock = TestClock.create();

        RunResult<EvaluatedModel> run = runner(Stores.inMemory(clock), clock)
                .run(pipeline(DjlTrainingStage.of(TRAINER), 0.70), "run-1", TRAINING);

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        EvaluatedModel evaluated = run.outputOrThrow();
        double auc = evaluated.evaluation(Evaluator.binary().resamples(100).build()).overall()
                .get(StandardMetric.AUC.key()).orElseThrow().value();
        assertThat(auc).isGreaterThanOrEqualTo(0.70);
        assertThat(evaluated.trained().report().epochsCompleted()).isEqualTo(8);
        assertThat(run.record().stage("evaluate").orElseThrow().verdicts())
                .extracting(Verdict::outcome).containsExactly(Outcome.PASS);
    }

    @Test
    void a_threshold_the_model_cannot_reach_stops_the_run_with_a_fail_verdict() {
        TestClock clock = TestClock.create();

        RunResult<EvaluatedModel> run = runner(Stores.inMemory(clock), clock)
                .run(pipeline(DjlTrainingStage.of(TRAINER), 0.99), "run-1", TRAINING);

        assertThat(run.status()).isEqualTo(RunStatus.STOPPED_BY_GATE);
        assertThat(run.output()).isEmpty();
        assertThat(run.record().stage("evaluate").orElseThrow().verdicts())
                .extracting(Verdict::outcome).containsExactly(Outcome.FAIL);
    }

    @Test
    void a_diverging_training_fails_the_run_with_the_divergence_message() {
        float[][] x = DATA.trainX.clone();
        x[0] = x[0].clone();
        x[0][2] = Float.NaN;
        TestClock clock = TestClock.create();

        RunResult<EvaluatedModel> run = runner(Stores.inMemory(clock), clock)
                .run(pipeline(DjlTrainingStage.of(TRAINER), 0.70), "run-1", TrainingData.of(x, DATA.trainY));

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.record().failure().type()).isEqualTo(TrainingDivergedException.class.getName());
        assertThat(run.record().failure().message()).contains("Training diverged").contains("epoch 1");
    }

    @Test
    void a_run_that_passed_its_deadline_resumes_the_training_from_its_checkpoint(@TempDir Path dir) {
        TestClock clock = TestClock.create();
        AtomicReference<Duration> perBatch = new AtomicReference<>(Duration.ofSeconds(1));
        Store store = Stores.inMemory(clock);
        Pipeline<TrainingData, EvaluatedModel> pipeline = Pipeline.start("rain-djl", TrainingData.class)
                .then("train", TrainedParameters.class, TimePassingContext.taking(
                        DjlTrainingStage.builder(TRAINER).checkpoints(dir).build(), clock, perBatch::get))
                .deadline(Duration.ofSeconds(100))
                .then("evaluate", EvaluatedModel.codec(), EVALUATE)
                .gate(EvaluatedModel.gate(ModelGate.builder().metric("auc").atLeast(0.70).build()))
                .build();

        RunResult<EvaluatedModel> first = runner(store, clock).run(pipeline, "run-1", TRAINING);
        CheckpointManifest atDeadline = new Checkpoints(dir.resolve("run-1").resolve("train")).manifest()
                .orElseThrow();
        perBatch.set(Duration.ZERO);
        RunResult<EvaluatedModel> second = runner(store, clock).run(pipeline, "run-1", TRAINING);

        assertThat(first.status()).isEqualTo(RunStatus.DEADLINE_EXCEEDED);
        assertThat(atDeadline.steps()).isBetween(1L, 100L);
        assertThat(second.status()).isEqualTo(RunStatus.SUCCEEDED);
        TrainingReport report = second.outputOrThrow().trained().report();
        assertThat(report.resumed()).isTrue();
        assertThat(report.steps()).isEqualTo(8L * ((DATA.trainY.length + 31) / 32));
        assertThat(report.resumedAtEpoch() * ((DATA.trainY.length + 31) / 32) + report.resumedAtBatch())
                .isEqualTo((int) atDeadline.steps());
    }
}
