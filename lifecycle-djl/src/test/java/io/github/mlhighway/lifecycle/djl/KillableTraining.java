package io.github.mlhighway.lifecycle.djl;

import java.nio.file.Path;

/**
 * The child process of {@link ChildJvmKillTest}: trains the Seattle model with checkpoints into the directory given
 * as the first argument, slowly (a short pause before every batch), until the parent kills it.
 */
final class KillableTraining {

    static final int EPOCHS = 6;
    static final int BATCH = 64;

    private KillableTraining() {
    }

    static DjlTrainer trainer() {
        return DjlTrainer.builder(() -> DjlTrainer.mlp(16)).epochs(EPOCHS).batchSize(BATCH).seed(13)
                .checkpointEverySteps(7).build();
    }

    public static void main(String[] args) {
        SeattleRain data = SeattleRain.load();
        trainer().train(TrainingData.of(data.trainX, data.trainY), new Checkpoints(Path.of(args[0])), () -> {
            try {
                Thread.sleep(15);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        }).close();
        System.out.println("finished");
    }
}
