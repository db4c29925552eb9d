package io.github.mlhighway.lifecycle.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.training.Trainer;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.listener.TrainingListenerAdapter;
import io.github.mlhighway.lifecycle.core.evaluation.BinaryData;
import io.github.mlhighway.lifecycle.core.evaluation.Evaluator;
import io.github.mlhighway.lifecycle.evaluation.Evaluation;
import io.github.mlhighway.lifecycle.evaluation.StandardMetric;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SeattleRainTest {

    private static final SeattleRain DATA = SeattleRain.load();

    @Test
    void a_small_mlp_predicts_rain_tomorrow_in_seattle_on_the_2015_holdout() {
        DjlTrainer trainer = DjlTrainer.builder(() -> DjlTrainer.mlp(16))
                .epochs(15).batchSize(32).learningRate(0.005f).seed(7).build();

        try (TrainedDjlModel model = trainer.train(DATA.trainX, DATA.trainY)) {
            double[] probabilities = model.predictProbabilities(DATA.holdoutX);
            Evaluation evaluation = Evaluator.binary().resamples(200).build()
                    .evaluate(BinaryData.of(DATA.holdoutY, probabilities, "djl-mlp"));
            System.out.println("Seattle 2015 holdout AUC: " + auc(evaluation));

            assertThat(model.epochLosses()).hasSize(15).allMatch(Double::isFinite);
            assertThat(model.epochLosses().get(14)).isLessThan(model.epochLosses().get(0));
            assertThat(auc(evaluation)).isGreaterThanOrEqualTo(0.72);
        }
    }

    @Test
    void a_failing_listener_is_isolated_and_recorded() {
        AtomicInteger epochs = new AtomicInteger();
        TrainingListener failing = new TrainingListenerAdapter() {
            @Override
            public void onEpoch(Trainer trainer) {
                epochs.incrementAndGet();
                throw new IllegalStateException("listener bug");
            }
        };
        DjlTrainer trainer = DjlTrainer.builder(() -> DjlTrainer.mlp(4))
                .epochs(2).batchSize(128).listener(failing).build();

        try (TrainedDjlModel model = trainer.train(DATA.trainX, DATA.trainY)) {
            assertThat(epochs.get()).isEqualTo(2);
            assertThat(model.epochLosses()).hasSize(2);
            assertThat(model.listenerFailures()).hasSize(2).allMatch(e -> e.getMessage().equals("listener bug"));
        }
    }

    @Test
    void a_nan_loss_fails_training_with_a_clear_message() {
        float[][] x = DATA.trainX.clone();
        x[3] = x[3].clone();
        x[3][0] = Float.NaN;
        DjlTrainer trainer = DjlTrainer.builder(() -> DjlTrainer.mlp(4)).epochs(1).batchSize(2000).build();

        assertThatThrownBy(() -> trainer.train(x, DATA.trainY))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageContaining("diverged")
                .hasMessageContaining("epoch 1");
    }

    private static double auc(Evaluation evaluation) {
        return evaluation.overall().get(StandardMetric.AUC.key()).orElseThrow().value();
    }
}
