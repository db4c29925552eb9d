package io.github.mlhighway.lifecycle.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.training.tracker.Tracker;
import io.github.mlhighway.lifecycle.core.evaluation.BinaryData;
import io.github.mlhighway.lifecycle.core.evaluation.Evaluator;
import io.github.mlhighway.lifecycle.evaluation.StandardMetric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointResumeTest {

    private static final SeattleRain DATA = SeattleRain.load();
    private static final TrainingData TRAINING = TrainingData.of(DATA.trainX, DATA.trainY);
    private static final int EPOCHS = 6;
    private static final int BATCH = 64;
    private static final int BATCHES = (DATA.trainY.length + BATCH - 1) / BATCH;
    private static final int KILL_AT_BATCH = 15;

    /**
     * A decaying schedule that remembers the last update count it was asked for (the trainer also samples it at
     * other steps before training, to fingerprint it for the checkpoint).
     */
    static final class RecordingSchedule implements Tracker {
        private final Tracker schedule = Tracker.factor().setBaseValue(0.01f).setFactor(0.999f).build();
        int lastUpdate;

        @Override
        public float getNewValue(int numUpdate) {
            lastUpdate = numUpdate;
            return schedule.getNewValue(numUpdate);
        }
    }

    /** Thrown by the stop check to simulate the process dying in the middle of a batch loop. */
    static final class Killed extends RuntimeException {
        Killed() {
            super("killed by the test");
        }
    }

    private static DjlTrainer trainer(Tracker schedule) {
        return DjlTrainer.builder(() -> DjlTrainer.mlp(16)).epochs(EPOCHS).batchSize(BATCH).seed(11)
                .learningRateTracker(schedule).checkpointEverySteps(10).build();
    }

    /** Dies before batch {@code KILL_AT_BATCH} of epoch 3, with no chance to write a checkpoint. */
    private static BooleanSupplier killedInEpoch3() {
        AtomicInteger checks = new AtomicInteger();
        return () -> {
            if (checks.incrementAndGet() > 2 * BATCHES + KILL_AT_BATCH) {
                throw new Killed();
            }
            return false;
        };
    }

    @Test
    void a_run_killed_in_epoch_3_resumes_with_the_same_epochs_steps_and_schedule_and_a_close_result(
            @TempDir Path dir) {
        RecordingSchedule uninterruptedSchedule = new RecordingSchedule();
        double uninterruptedAuc;
        TrainingReport uninterrupted;
        try (TrainedDjlModel model = trainer(uninterruptedSchedule).train(TRAINING, new Checkpoints(dir.resolve("a")),
                () -> false)) {
            uninterrupted = model.report().orElseThrow();
            uninterruptedAuc = auc(model);
        }

        Checkpoints checkpoints = new Checkpoints(dir.resolve("b"));
        assertThatThrownBy(() -> trainer(new RecordingSchedule()).train(TRAINING, checkpoints, killedInEpoch3()))
                .isInstanceOf(Killed.class);
        CheckpointManifest atKill = checkpoints.manifest().orElseThrow();
        assertThat(atKill.epochsCompleted()).isEqualTo(2);
        assertThat(atKill.batchesIntoEpoch()).isBetween(1, KILL_AT_BATCH);
        assertThat(atKill.steps()).isEqualTo(2L * BATCHES + atKill.batchesIntoEpoch());
        assertThat(atKill.epochReports()).hasSize(2);

        RecordingSchedule resumedSchedule = new RecordingSchedule();
        try (TrainedDjlModel model = trainer(resumedSchedule).train(TRAINING, checkpoints, () -> false)) {
            TrainingReport resumed = model.report().orElseThrow();
            double resumedAuc = auc(model);
            System.out.printf("AUC uninterrupted %.4f, resumed %.4f; final loss %.4f vs %.4f%n",
                    uninterruptedAuc, resumedAuc, uninterrupted.finalLoss(), resumed.finalLoss());

            assertThat(resumed.resumed()).isTrue();
            assertThat(resumed.resumedAtEpoch()).isEqualTo(2);
            assertThat(resumed.resumedAtBatch()).isEqualTo(atKill.batchesIntoEpoch());
            assertThat(resumed.epochsCompleted()).isEqualTo(uninterrupted.epochsCompleted()).isEqualTo(EPOCHS);
            assertThat(resumed.steps()).isEqualTo(uninterrupted.steps()).isEqualTo((long) EPOCHS * BATCHES);
            assertThat(resumed.epochReports()).extracting(EpochReport::epoch).containsExactly(1, 2, 3, 4, 5, 6);
            assertThat(resumed.epochReports().subList(0, 2)).isEqualTo(atKill.epochReports());
            assertThat(resumed.epochReports().get(2).rows())
                    .isEqualTo(DATA.trainY.length - (long) atKill.batchesIntoEpoch() * BATCH);
            assertThat(resumedSchedule.lastUpdate).isEqualTo(uninterruptedSchedule.lastUpdate)
                    .isEqualTo(EPOCHS * BATCHES);
            assertThat(resumed.finalLoss()).isCloseTo(uninterrupted.finalLoss(),
                    org.assertj.core.api.Assertions.within(0.02));
            assertThat(resumedAuc).isCloseTo(uninterruptedAuc, org.assertj.core.api.Assertions.within(0.02));
        }
    }

    @Test
    void the_epochs_before_the_kill_train_exactly_as_in_an_uninterrupted_run(@TempDir Path dir) throws IOException {
        Checkpoints a = new Checkpoints(dir.resolve("a"));
        Checkpoints b = new Checkpoints(dir.resolve("b"));
        DjlTrainer twoEpochs = DjlTrainer.builder(() -> DjlTrainer.mlp(16)).epochs(2).batchSize(BATCH).seed(11)
                .build();

        twoEpochs.train(TRAINING, a, () -> false).close();
        assertThatThrownBy(() -> DjlTrainer.builder(() -> DjlTrainer.mlp(16)).epochs(EPOCHS).batchSize(BATCH)
                .seed(11).build().train(TRAINING, b, killedInEpoch3())).isInstanceOf(Killed.class);

        // b was killed in epoch 3 with epoch-end checkpoints only: its checkpoint is the end of epoch 2
        CheckpointManifest ma = a.manifest().orElseThrow();
        CheckpointManifest mb = b.manifest().orElseThrow();
        assertThat(mb.epochsCompleted()).isEqualTo(2);
        assertThat(mb.batchesIntoEpoch()).isZero();
        assertThat(mb.parametersSha256()).isEqualTo(ma.parametersSha256());
        assertThat(mb.epochReports()).extracting(EpochReport::meanLoss)
                .isEqualTo(ma.epochReports().stream().map(EpochReport::meanLoss).toList());
    }

    @Test
    void a_tampered_checkpoint_is_refused_and_never_used(@TempDir Path dir) throws IOException {
        Checkpoints checkpoints = new Checkpoints(dir);
        DjlTrainer trainer = DjlTrainer.builder(() -> DjlTrainer.mlp(4)).epochs(1).batchSize(512).build();
        trainer.train(TRAINING, checkpoints, () -> false).close();
        Path parameters = dir.resolve(checkpoints.manifest().orElseThrow().parametersFile());
        byte[] bytes = Files.readAllBytes(parameters);
        bytes[bytes.length - 3] ^= 0x01;
        Files.write(parameters, bytes);

        assertThatThrownBy(() -> trainer.train(TRAINING, checkpoints, () -> false))
                .isInstanceOf(CheckpointIntegrityException.class)
                .hasMessageContaining("does not match its manifest")
                .hasMessageContaining(parameters.getFileName().toString());
    }

    @Test
    void a_checkpoint_of_other_settings_is_refused(@TempDir Path dir) {
        Checkpoints checkpoints = new Checkpoints(dir);
        DjlTrainer.builder(() -> DjlTrainer.mlp(4)).epochs(1).batchSize(512).build()
                .train(TRAINING, checkpoints, () -> false).close();
        DjlTrainer otherBatchSize = DjlTrainer.builder(() -> DjlTrainer.mlp(4)).epochs(1).batchSize(256).build();

        assertThatThrownBy(() -> otherBatchSize.train(TRAINING, checkpoints, () -> false))
                .isInstanceOf(CheckpointIntegrityException.class)
                .hasMessageContaining("other settings or data");
    }

    @Test
    void temporary_files_left_by_a_killed_writer_are_deleted_when_the_next_checkpoint_is_committed(@TempDir Path dir)
            throws IOException {
        Files.writeString(dir.resolve(".parameters-7.params1234.tmp"), "half a copy of the parameters");
        Files.writeString(dir.resolve("notes.txt"), "not ours");

        DjlTrainer.builder(() -> DjlTrainer.mlp(4)).epochs(1).batchSize(512).build()
                .train(TRAINING, new Checkpoints(dir), () -> false).close();

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .noneMatch(name -> name.endsWith(".tmp")).contains("notes.txt", Checkpoints.MANIFEST);
        }
    }

    @Test
    void a_checkpoint_of_another_schedule_base_value_is_refused(@TempDir Path dir) {
        Checkpoints checkpoints = new Checkpoints(dir);
        scheduled(() -> Tracker.factor().setBaseValue(0.01f).setFactor(0.999f).build())
                .train(TRAINING, checkpoints, () -> false).close();
        DjlTrainer otherBaseValue = scheduled(() -> Tracker.factor().setBaseValue(0.02f).setFactor(0.999f).build());

        assertThatThrownBy(() -> otherBaseValue.train(TRAINING, checkpoints, () -> false))
                .isInstanceOf(CheckpointIntegrityException.class)
                .hasMessageContaining("other settings or data");
    }

    @Test
    void a_checkpoint_of_the_same_schedule_built_again_is_resumed(@TempDir Path dir) {
        Checkpoints checkpoints = new Checkpoints(dir);
        scheduled(() -> Tracker.factor().setBaseValue(0.01f).setFactor(0.999f).build())
                .train(TRAINING, checkpoints, () -> false).close();
        // an equal schedule of another class (here a lambda) is the same schedule
        Supplier<Tracker> same = () -> Tracker.factor().setBaseValue(0.01f).setFactor(0.999f).build()::getNewValue;

        try (TrainedDjlModel again = scheduled(same).train(TRAINING, checkpoints, () -> false)) {
            assertThat(again.report().orElseThrow().resumed()).isTrue();
        }
    }

    @Test
    void with_a_schedule_the_unused_fixed_learning_rate_does_not_matter_and_without_one_it_does(@TempDir Path dir) {
        Tracker schedule = Tracker.factor().setBaseValue(0.01f).setFactor(0.999f).build();
        DjlTrainer.Builder fixed = DjlTrainer.builder(() -> DjlTrainer.mlp(4)).epochs(1).batchSize(512);

        assertThat(fixed.learningRate(0.1f).learningRateTracker(schedule).build().configHash(TRAINING))
                .isEqualTo(fixed.learningRate(0.2f).learningRateTracker(schedule).build().configHash(TRAINING));
        assertThat(DjlTrainer.builder(() -> DjlTrainer.mlp(4)).learningRate(0.1f).build().configHash(TRAINING))
                .isNotEqualTo(DjlTrainer.builder(() -> DjlTrainer.mlp(4)).learningRate(0.2f).build()
                        .configHash(TRAINING));
    }

    @Test
    void schedules_that_differ_only_after_the_first_powers_of_two_are_told_apart() {
        Supplier<Tracker> steps100And200 = () -> Tracker.multiFactor().setSteps(new int[] {100, 200})
                .setBaseValue(0.01f).optFactor(0.5f).build();
        Supplier<Tracker> steps100And250 = () -> Tracker.multiFactor().setSteps(new int[] {100, 250})
                .setBaseValue(0.01f).optFactor(0.5f).build();

        assertThat(scheduled(steps100And200).configHash(TRAINING))
                .isNotEqualTo(scheduled(steps100And250).configHash(TRAINING))
                .isEqualTo(scheduled(steps100And200).configHash(TRAINING));
    }

    @Test
    void a_schedule_given_as_an_instance_is_not_asked_for_later_steps_so_a_stateful_tracker_is_left_as_it_was() {
        // DJL's MultiFactorTracker moves its base value forward when asked for a later step, and never back
        Tracker multiFactor = Tracker.multiFactor().setSteps(new int[] {100, 200}).setBaseValue(0.01f)
                .optFactor(0.5f).build();
        DjlTrainer trainer = DjlTrainer.builder(() -> DjlTrainer.mlp(4)).learningRateTracker(multiFactor).build();

        trainer.configHash(TRAINING);

        assertThat(multiFactor.getNewValue(1)).isEqualTo(0.01f);
    }

    private static DjlTrainer scheduled(Supplier<Tracker> schedule) {
        return DjlTrainer.builder(() -> DjlTrainer.mlp(4)).epochs(1).batchSize(512).learningRateSchedule(schedule)
                .build();
    }

    @Test
    void a_finished_run_started_again_trains_no_more_and_predicts_the_same(@TempDir Path dir) throws IOException {
        Checkpoints checkpoints = new Checkpoints(dir);
        DjlTrainer trainer = DjlTrainer.builder(() -> DjlTrainer.mlp(4)).epochs(2).batchSize(256).build();
        double[] first;
        try (TrainedDjlModel model = trainer.train(TRAINING, checkpoints, () -> false)) {
            first = model.predictProbabilities(DATA.holdoutX);
        }

        try (TrainedDjlModel again = trainer.train(TRAINING, checkpoints, () -> false)) {
            assertThat(again.report().orElseThrow().resumedAtEpoch()).isEqualTo(2);
            assertThat(again.report().orElseThrow().epochsCompleted()).isEqualTo(2);
            assertThat(again.predictProbabilities(DATA.holdoutX)).containsExactly(first);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .hasSize(2).contains(Checkpoints.MANIFEST).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    private static double auc(TrainedDjlModel model) {
        return Evaluator.binary().resamples(50).build()
                .evaluate(BinaryData.of(DATA.holdoutY, model.predictProbabilities(DATA.holdoutX)))
                .overall().get(StandardMetric.AUC.key()).orElseThrow().value();
    }

}
