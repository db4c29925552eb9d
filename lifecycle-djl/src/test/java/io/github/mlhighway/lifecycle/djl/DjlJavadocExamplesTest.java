package io.github.mlhighway.lifecycle.djl;

import static io.github.mlhighway.lifecycle.testkit.docs.JavadocExamples.copy;
import static io.github.mlhighway.lifecycle.testkit.docs.JavadocExamples.example;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.translate.Translator;
import io.github.mlhighway.lifecycle.core.evaluation.gate.ModelGate;
import io.github.mlhighway.lifecycle.core.pipeline.Pipeline;
import io.github.mlhighway.lifecycle.core.pipeline.PipelineRunner;
import io.github.mlhighway.lifecycle.core.pipeline.RunResult;
import io.github.mlhighway.lifecycle.core.serving.GuardedModel;
import io.github.mlhighway.lifecycle.core.slo.SloRegistry;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.pipeline.RunStatus;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code examples in the javadoc of the DJL module, run on the Seattle rain data with the offline PyTorch engine;
 * one test per example checks that the javadoc shows exactly the code run here.
 */
class DjlJavadocExamplesTest {

    private static final SeattleRain DATA = SeattleRain.load();
    private static final Path MAIN = Path.of("src/main/java/io/github/mlhighway/lifecycle/djl/");
    private static final Path THIS_TEST = Path.of("src/test/java/io/github/mlhighway/lifecycle/djl/"
            + "DjlJavadocExamplesTest.java");

    @TempDir
    Path dir;

    @Test
    void theDjlEngineExampleLoadsTheOfflinePyTorchEngine() {
        // --- javadoc: DjlEngine ---
        Engine engine = DjlEngine.requireOfflinePyTorch();
        // --- javadoc: end ---

        assertThat(engine.getEngineName()).isEqualTo("PyTorch");
        assertThat(System.getProperty(DjlEngine.OFFLINE_PROPERTY)).isEqualTo("true");
    }

    @Test
    void theDjlTrainerExampleTrainsAModelThatRanksRainyDaysHigher() {
        float[][] features = DATA.trainX;
        float[] labels = DATA.trainY;
        float[][] holdoutFeatures = DATA.holdoutX;

        // --- javadoc: DjlTrainer ---
        DjlTrainer trainer = DjlTrainer.builder(() -> DjlTrainer.mlp(16)).epochs(20).batchSize(32).seed(7).build();
        double[] p;
        try (TrainedDjlModel model = trainer.train(features, labels)) {   // closing frees the model's native memory
            p = model.predictProbabilities(holdoutFeatures);
        }
        // --- javadoc: end ---

        assertThat(p).hasSize(holdoutFeatures.length);
        assertThat(Arrays.stream(p).allMatch(probability -> probability >= 0 && probability <= 1)).isTrue();
        assertThat(meanWhere(p, 1)).isGreaterThan(meanWhere(p, 0) + 0.1);
    }

    @Test
    void theDjlEvaluationStageExampleComparesTheTrainedModelWithTheChampion() {
        float[][] holdoutX = DATA.holdoutX;
        int[] holdoutY = DATA.holdoutY;
        double[] championProbabilities = new double[holdoutY.length];
        Arrays.fill(championProbabilities, 0.5);
        TrainedParameters trained;
        try (TrainedDjlModel model = DjlTrainer.builder(() -> DjlTrainer.mlp(16)).epochs(1).seed(7).build()
                .train(DATA.trainX, DATA.trainY)) {
            trained = TrainedParameters.of(model);
        }

        // --- javadoc: DjlEvaluationStage ---
        DjlEvaluationStage evaluate = DjlEvaluationStage.builder(() -> DjlTrainer.mlp(16), holdoutX, holdoutY)
            .champion(championProbabilities)
            .build();
        // --- javadoc: end ---

        EvaluatedModel evaluated = evaluate.evaluate(trained);
        assertThat(evaluated.trained()).isEqualTo(trained);
        assertThat(evaluated.comparison().rows()).isEqualTo(holdoutY.length);
        assertThat(evaluated.comparison().champion()).isPresent();
    }

    @Test
    void theDjlTrainingStageExamplePipelineTrainsEvaluatesAndPassesItsGate() throws Exception {
        DjlTrainer trainer = DjlTrainer.builder(() -> DjlTrainer.mlp(16))
                .epochs(8).batchSize(32).learningRate(0.005f).seed(7).build();
        DjlEvaluationStage evaluation = DjlEvaluationStage
                .builder(() -> DjlTrainer.mlp(16), DATA.holdoutX, DATA.holdoutY).build();
        ModelGate modelGate = ModelGate.builder().metric("auc").atLeast(0.70).build();
        TestClock clock = TestClock.create();

        // --- javadoc: DjlTrainingStage ---
        Pipeline<TrainingData, EvaluatedModel> pipeline = Pipeline.start("rain", TrainingData.class)
            .then("train", TrainedParameters.class, DjlTrainingStage.builder(trainer).checkpoints(dir).build())
            .deadline(Duration.ofMinutes(20))
            .then("evaluate", EvaluatedModel.codec(), evaluation)
            .gate(EvaluatedModel.gate(modelGate))
            .build();
        // --- javadoc: end ---

        RunResult<EvaluatedModel> run = PipelineRunner.builder(Stores.inMemory(clock)).clock(clock).build()
                .run(pipeline, "run-1", TrainingData.of(DATA.trainX, DATA.trainY));
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.outputOrThrow().trained().report().epochsCompleted()).isEqualTo(8);
        assertThat(dir.resolve("run-1").resolve("train")).isDirectory();
    }

    @Test
    void thePredictorPoolExampleServesTheModelThroughAGuardedModel() {
        TrainedDjlModel trained = tinyModel();
        Model model = trained.model();
        Translator<float[], Float> translator = new ProbabilityTranslator(SeattleRain.WIDTH);
        float[] sampleRow = DATA.holdoutX[0];
        double expected = trained.predictProbabilities(new float[][] {DATA.holdoutX[1]})[0];

        // --- javadoc: PredictorPool ---
        PredictorPool<float[], Float> pool = PredictorPool.builder(model, translator)
            .size(2).warmUp(sampleRow).build();
        GuardedModel<float[], Float> rain = GuardedModel.<float[], Float>builder("rain")
            .version("rain@1", pool)
            .build();
        // --- javadoc: end ---

        try (rain; pool) {
            assertThat((double) rain.predict("req-1", "user-1", DATA.holdoutX[1])).isCloseTo(expected, offset(1e-5));
            assertThat(pool.idle()).isEqualTo(2);
        }
        assertThat(model.getNDManager().isOpen()).isFalse();
    }

    @Test
    void theMicroBatcherExampleServesTheModelThroughAGuardedModel() throws Exception {
        try (TrainedDjlModel trained = tinyModel()) {
            Model model = trained.model();
            double expected = trained.predictProbabilities(new float[][] {DATA.holdoutX[1]})[0];

            // --- javadoc: MicroBatcher ---
            SloRegistry slos = SloRegistry.create(Clock.systemUTC());
            MicroBatcher<float[], Float> batcher = MicroBatcher.builder(model, new ProbabilityTranslator(11))
                .name("rain").workers(2).maxBatchSize(64).maxDelay(Duration.ofMillis(1)).queueCapacity(1024)
                .listener(BatchSlis.builder(slos, "rain.version.rain_1").build())
                .build();
            GuardedModel<float[], Float> rain = GuardedModel.<float[], Float>builder("rain")
                .sloRegistry(slos)
                .version("rain@1", batcher)
                .build();
            // --- javadoc: end ---

            try (rain; batcher) {
                assertThat((double) rain.predict("req-1", "user-1", DATA.holdoutX[1]))
                        .isCloseTo(expected, offset(1e-5));
                assertThat(slos.tracker("rain.version.rain_1.batch_forward").goodEventsRecorded()).isEqualTo(1);
                assertThat(slos.find("rain.version.rain_1.availability")).isPresent();
            }
            Translator<float[], Float> translator = new ProbabilityTranslator(SeattleRain.WIDTH);
            try (Predictor<float[], Float> stillUsable = model.newPredictor(translator)) {
                assertThat(stillUsable.predict(DATA.holdoutX[1])).isBetween(0f, 1f); // the batcher left the model open
            }
        }
    }

    @Test
    void theDjlEngineJavadocShowsTheCodeThisTestRuns() {
        assertThat(copy(THIS_TEST, "DjlEngine")).isEqualTo(example(MAIN.resolve("DjlEngine.java"), 0));
    }

    @Test
    void theDjlTrainerJavadocShowsTheCodeThisTestRuns() {
        assertThat(copy(THIS_TEST, "DjlTrainer")).isEqualTo(example(MAIN.resolve("DjlTrainer.java"), 0));
    }

    @Test
    void theDjlEvaluationStageJavadocShowsTheCodeThisTestRuns() {
        assertThat(copy(THIS_TEST, "DjlEvaluationStage"))
                .isEqualTo(example(MAIN.resolve("DjlEvaluationStage.java"), 0));
    }

    @Test
    void theDjlTrainingStageJavadocShowsTheCodeThisTestRuns() {
        assertThat(copy(THIS_TEST, "DjlTrainingStage")).isEqualTo(example(MAIN.resolve("DjlTrainingStage.java"), 0));
    }

    @Test
    void thePredictorPoolJavadocShowsTheCodeThisTestRuns() {
        assertThat(copy(THIS_TEST, "PredictorPool")).isEqualTo(example(MAIN.resolve("PredictorPool.java"), 0));
    }

    @Test
    void theMicroBatcherJavadocShowsTheCodeThisTestRuns() {
        assertThat(copy(THIS_TEST, "MicroBatcher")).isEqualTo(example(MAIN.resolve("MicroBatcher.java"), 0));
    }

    private static TrainedDjlModel tinyModel() {
        return DjlTrainer.builder(() -> DjlTrainer.mlp(4)).epochs(1).batchSize(128).seed(7).build()
                .train(DATA.trainX, DATA.trainY);
    }

    private static double meanWhere(double[] probabilities, int label) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < probabilities.length; i++) {
            if (DATA.holdoutY[i] == label) {
                sum += probabilities[i];
                count++;
            }
        }
        return sum / count;
    }
}
