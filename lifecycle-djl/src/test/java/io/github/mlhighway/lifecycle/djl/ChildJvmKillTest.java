package io.github.mlhighway.lifecycle.djl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildJvmKillTest {

    private static final SeattleRain DATA = SeattleRain.load();

    @Test
    void a_training_process_killed_with_sigkill_resumes_from_its_last_checkpoint(@TempDir Path dir) throws Exception {
        Checkpoints checkpoints = new Checkpoints(dir.resolve("checkpoints"));
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dai.djl.offline=true",
                KillableTraining.class.getName(), checkpoints.directory().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile())
                .start();
        try {
            CheckpointManifest beforeKill = awaitEpochs(checkpoints, child, 2);
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(beforeKill.epochsCompleted()).isLessThan(KillableTraining.EPOCHS);
        } finally {
            child.destroyForcibly();
        }
        CheckpointManifest atKill = checkpoints.manifest().orElseThrow();

        try (TrainedDjlModel model = KillableTraining.trainer().train(TrainingData.of(DATA.trainX, DATA.trainY),
                checkpoints, () -> false)) {
            TrainingReport report = model.report().orElseThrow();
            int batches = (DATA.trainY.length + KillableTraining.BATCH - 1) / KillableTraining.BATCH;

            assertThat(report.resumed()).isTrue();
            assertThat(report.resumedAtEpoch()).isEqualTo(atKill.epochsCompleted()).isGreaterThanOrEqualTo(2);
            assertThat(report.resumedAtBatch()).isEqualTo(atKill.batchesIntoEpoch());
            assertThat(report.epochsCompleted()).isEqualTo(KillableTraining.EPOCHS);
            assertThat(report.steps()).isEqualTo((long) KillableTraining.EPOCHS * batches);
            assertThat(report.epochLosses()).hasSize(KillableTraining.EPOCHS).allMatch(Double::isFinite);
        }
    }

    /** Polls the checkpoint manifest until the child has finished the given number of epochs. */
    private static CheckpointManifest awaitEpochs(Checkpoints checkpoints, Process child, int epochs)
            throws InterruptedException {
        for (int i = 0; i < 6000; i++) {
            Optional<CheckpointManifest> manifest = checkpoints.manifest();
            if (manifest.isPresent() && manifest.get().epochsCompleted() >= epochs) {
                return manifest.get();
            }
            if (!child.isAlive()) {
                throw new AssertionError("the training process ended with " + child.exitValue()
                        + " before it was killed; see child.log next to " + checkpoints.directory());
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the training process did not finish " + epochs + " epochs in time");
    }
}
