package io.github.mlhighway.lifecycle.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.pipeline.RunStatus;
import io.github.mlhighway.lifecycle.pipeline.StageCancelledException;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DjlTrainingStageTest {

    private static final SeattleRain DATA = SeattleRain.load();
    private static final TrainingData TRAINING = TrainingData.of(DATA.trainX, DATA.trainY);
    private static final int BATCH = 256;
    private static final int BATCHES = (DATA.trainY.length + BATCH - 1) / BATCH;
    private static final DjlTrainer TRAINER = DjlTrainer.builder(() -> DjlTrainer.mlp(8))
            .epochs(5).batchSize(BATCH).seed(3).build();

    /** Each batch takes one simulated second (the stage checks the context once before each): 20 batches fit. */
    private static FakeStageContext contextWithDeadlineAfter20Batches() {
        TestClock clock = TestClock.create();
        return new FakeStageContext(clock, clock.instant().plusMillis(20_500), Duration.ofSeconds(1));
    }

    @Test
    void at_the_deadline_the_stage_writes_a_checkpoint_and_fails_with_deadline_exceeded(@TempDir Path dir) {
        DjlTrainingStage stage = DjlTrainingStage.builder(TRAINER).checkpoints(dir).build();

        assertThatThrownBy(() -> stage.apply(TRAINING, contextWithDeadlineAfter20Batches()))
                .isInstanceOfSatisfying(StageCancelledException.class,
                        e -> assertThat(e.status()).isEqualTo(RunStatus.DEADLINE_EXCEEDED));

        CheckpointManifest manifest = new Checkpoints(dir.resolve("run-1").resolve("train")).manifest().orElseThrow();
        assertThat(manifest.steps()).isEqualTo(20);
        assertThat(manifest.epochsCompleted()).isEqualTo(20 / BATCHES);
        assertThat(manifest.batchesIntoEpoch()).isEqualTo(20 % BATCHES);
    }

    @Test
    void with_stop_early_the_stage_returns_the_model_trained_until_the_deadline() {
        DjlTrainingStage stage = DjlTrainingStage.builder(TRAINER).stopEarlyAtDeadline().build();

        TrainedParameters trained = stage.apply(TRAINING, contextWithDeadlineAfter20Batches());

        assertThat(trained.report().stoppedEarly()).isTrue();
        assertThat(trained.report().steps()).isEqualTo(20);
        assertThat(trained.report().epochsCompleted()).isEqualTo(20 / BATCHES).isLessThan(5);
        try (TrainedDjlModel model = trained.toModel(() -> DjlTrainer.mlp(8))) {
            assertThat(model.predictProbabilities(DATA.holdoutX)).hasSize(DATA.holdoutY.length);
        }
    }

    @Test
    void a_cancelled_run_fails_the_stage_even_when_stopping_early_at_the_deadline_is_allowed() {
        DjlTrainingStage stage = DjlTrainingStage.builder(TRAINER).stopEarlyAtDeadline().build();
        FakeStageContext context = new FakeStageContext(TestClock.create(), null);
        context.cancelled = true;

        assertThatThrownBy(() -> stage.apply(TRAINING, context))
                .isInstanceOfSatisfying(StageCancelledException.class,
                        e -> assertThat(e.status()).isEqualTo(RunStatus.CANCELLED));
    }

    @Test
    void without_a_deadline_the_stage_trains_every_epoch_and_records_the_data_digest_for_lineage() {
        FakeStageContext context = new FakeStageContext(TestClock.create(), null, Duration.ofSeconds(1));

        TrainedParameters trained = DjlTrainingStage.of(TRAINER).apply(TRAINING, context);

        assertThat(trained.report().epochsCompleted()).isEqualTo(5);
        assertThat(trained.report().stoppedEarly()).isFalse();
        assertThat(context.inputs).containsEntry(DjlTrainingStage.INPUT_NAME, TRAINING.sha256());
    }

    @Test
    void a_nan_loss_fails_the_stage_with_the_divergence_message() {
        float[][] x = DATA.trainX.clone();
        x[7] = x[7].clone();
        x[7][1] = Float.NaN;
        FakeStageContext context = new FakeStageContext(TestClock.create(), null);

        assertThatThrownBy(() -> DjlTrainingStage.of(TRAINER).apply(TrainingData.of(x, DATA.trainY), context))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageContaining("diverged")
                .hasMessageContaining("epoch 1");
    }
}
