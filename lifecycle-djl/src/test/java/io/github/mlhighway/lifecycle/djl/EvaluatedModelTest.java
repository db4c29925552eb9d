package io.github.mlhighway.lifecycle.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.core.evaluation.BinaryData;
import io.github.mlhighway.lifecycle.core.evaluation.Evaluator;
import io.github.mlhighway.lifecycle.core.evaluation.gate.ModelGate;
import io.github.mlhighway.lifecycle.core.pipeline.Codecs;
import io.github.mlhighway.lifecycle.evaluation.StandardMetric;
import io.github.mlhighway.lifecycle.gate.Gate;
import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.pipeline.Codec;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EvaluatedModelTest {

    private static final SeattleRain DATA = SeattleRain.load();
    private static TrainedParameters trained;

    @BeforeAll
    static void train() {
        try (TrainedDjlModel model = DjlTrainer.builder(() -> DjlTrainer.mlp(8)).epochs(3).batchSize(64).seed(9)
                .build().train(DATA.trainX, DATA.trainY)) {
            trained = TrainedParameters.of(model);
        }
    }

    private static DjlEvaluationStage.Builder evaluation() {
        return DjlEvaluationStage.builder(() -> DjlTrainer.mlp(8), DATA.holdoutX, DATA.holdoutY);
    }

    @Test
    void trained_parameters_survive_the_pipeline_json_codec_and_predict_the_same() throws Exception {
        Codec<TrainedParameters> codec = Codecs.json(TrainedParameters.class);

        TrainedParameters back = codec.decode(codec.encode(trained));

        assertThat(back).isEqualTo(trained);
        try (TrainedDjlModel a = trained.toModel(() -> DjlTrainer.mlp(8));
             TrainedDjlModel b = back.toModel(() -> DjlTrainer.mlp(8))) {
            assertThat(b.predictProbabilities(DATA.holdoutX)).containsExactly(a.predictProbabilities(DATA.holdoutX));
        }
    }

    @Test
    void parameters_whose_digest_does_not_match_are_refused() {
        byte[] bytes = trained.parameters().clone();
        bytes[bytes.length - 1] ^= 0x01;

        assertThatThrownBy(() -> new TrainedParameters(trained.width(), bytes, trained.sha256(), trained.report()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("do not match their SHA-256");
    }

    @Test
    void an_evaluated_model_survives_its_codec_with_the_champion_predictions() throws Exception {
        double[] champion = new double[DATA.holdoutY.length];
        Arrays.fill(champion, 0.5);
        EvaluatedModel evaluated = evaluation().champion(champion).build().evaluate(trained);

        EvaluatedModel back = EvaluatedModel.codec().decode(EvaluatedModel.codec().encode(evaluated));

        assertThat(back.trained()).isEqualTo(trained);
        assertThat(back.comparison().toJson()).isEqualTo(evaluated.comparison().toJson());
        assertThat(back.comparison().champion()).isPresent();
    }

    @Test
    void the_gate_on_evaluated_models_gives_the_model_gate_verdict_under_its_name() {
        EvaluatedModel evaluated = evaluation().build().evaluate(trained);
        ModelGate strict = ModelGate.builder().name("auc-gate").metric("auc").atLeast(0.99)
                .clock(TestClock.create()).build();

        Gate<EvaluatedModel> gate = EvaluatedModel.gate(strict);

        assertThat(gate.name()).isEqualTo("auc-gate");
        assertThat(gate.evaluate(evaluated).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(gate.evaluate(evaluated)).isEqualTo(strict.evaluate(evaluated.comparison()));
    }

    @Test
    void the_evaluation_has_the_auc_of_the_holdout_predictions() {
        EvaluatedModel evaluated = evaluation().build().evaluate(trained);

        double auc = evaluated.evaluation(Evaluator.binary().resamples(50).build()).overall()
                .get(StandardMetric.AUC.key()).orElseThrow().value();

        try (TrainedDjlModel model = trained.toModel(() -> DjlTrainer.mlp(8))) {
            double direct = Evaluator.binary().resamples(50).build()
                    .evaluate(BinaryData.of(DATA.holdoutY, model.predictProbabilities(DATA.holdoutX)))
                    .overall().get(StandardMetric.AUC.key()).orElseThrow().value();
            assertThat(auc).isEqualTo(direct).isGreaterThan(0.6);
        }
    }

    @Test
    void the_evaluation_stage_builder_rejects_mismatched_holdout_data_at_once() {
        assertThatThrownBy(() -> DjlEvaluationStage.builder(() -> DjlTrainer.mlp(8), DATA.holdoutX, new int[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3");
        assertThatThrownBy(() -> evaluation().champion(new double[] {0.5}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 1");
        double[] outOfRange = new double[DATA.holdoutY.length];
        outOfRange[4] = 1.5;
        assertThatThrownBy(() -> evaluation().champion(outOfRange))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 4").hasMessageContaining("1.5");
    }

    @Test
    void a_cancelled_context_stops_the_evaluation_stage_before_predicting() {
        FakeStageContext context = new FakeStageContext(TestClock.create(), null);
        context.cancelled = true;

        assertThatThrownBy(() -> evaluation().build().apply(trained, context))
                .isInstanceOf(io.github.mlhighway.lifecycle.pipeline.StageCancelledException.class);
    }
}
