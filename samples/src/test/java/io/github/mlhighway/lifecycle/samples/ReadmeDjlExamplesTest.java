package io.github.mlhighway.lifecycle.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.mlhighway.lifecycle.core.evaluation.BinaryData;
import io.github.mlhighway.lifecycle.core.evaluation.Evaluator;
import io.github.mlhighway.lifecycle.core.evaluation.gate.ModelGate;
import io.github.mlhighway.lifecycle.core.pipeline.Pipeline;
import io.github.mlhighway.lifecycle.core.pipeline.PipelineRunner;
import io.github.mlhighway.lifecycle.core.pipeline.RunResult;
import io.github.mlhighway.lifecycle.core.registry.ModelRegistries;
import io.github.mlhighway.lifecycle.core.serving.GuardedModel;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.core.time.SimulatedClock;
import io.github.mlhighway.lifecycle.djl.DjlArtifacts;
import io.github.mlhighway.lifecycle.djl.DjlEvaluationStage;
import io.github.mlhighway.lifecycle.djl.DjlTrainer;
import io.github.mlhighway.lifecycle.djl.DjlTrainingStage;
import io.github.mlhighway.lifecycle.djl.EvaluatedModel;
import io.github.mlhighway.lifecycle.djl.PredictorPool;
import io.github.mlhighway.lifecycle.djl.ProbabilityTranslator;
import io.github.mlhighway.lifecycle.djl.TrainedDjlModel;
import io.github.mlhighway.lifecycle.djl.TrainedParameters;
import io.github.mlhighway.lifecycle.djl.TrainingData;
import io.github.mlhighway.lifecycle.evaluation.StandardMetric;
import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.gate.Verdict;
import io.github.mlhighway.lifecycle.pipeline.RunStatus;
import io.github.mlhighway.lifecycle.registry.AliasMoveRequest;
import io.github.mlhighway.lifecycle.registry.ArtifactRef;
import io.github.mlhighway.lifecycle.registry.ModelRef;
import io.github.mlhighway.lifecycle.registry.ModelRegistry;
import io.github.mlhighway.lifecycle.registry.ModelVersion;
import io.github.mlhighway.lifecycle.samples.weather.Example;
import io.github.mlhighway.lifecycle.samples.weather.RainFeatures;
import io.github.mlhighway.lifecycle.samples.weather.WeatherData;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DJL training, gating, registration and serving code shown in README.md. Paste changes back into the README. */
class ReadmeDjlExamplesTest {

    /** A simulated clock that moves forward a millisecond at every reading, as a real clock would between steps. */
    static final class TickingClock extends SimulatedClock {
        TickingClock() {
            super(TestClock.DEFAULT_START);
        }

        @Override
        public Instant instant() {
            return advance(Duration.ofMillis(1));
        }

        @Override
        public long millis() {
            return instant().toEpochMilli();
        }
    }

    @TempDir
    Path dir;

    @Test
    void trainGateRegisterAndServeADjlModel() throws Exception {
        Clock clock = new TickingClock();   // moves on at every reading, like Clock.systemUTC() in production
        WeatherData weather = WeatherData.load();     // "rain tomorrow" in Seattle: 2012-2014 train, 2015 holdout
        List<Example> train = weather.examples("Seattle", day -> day.getYear() <= 2014);
        List<Example> holdout = weather.examples("Seattle", day -> day.getYear() == 2015);
        float[][] trainX = RainFeatures.rows(train);
        float[] trainY = RainFeatures.trainingLabels(train);
        float[][] holdoutX = RainFeatures.rows(holdout);
        int[] holdoutY = RainFeatures.labels(holdout);
        float[] today = holdoutX[0];

        // --- README: djl ---
        DjlTrainer trainer = DjlTrainer.builder(() -> DjlTrainer.mlp(16))
                .epochs(10).batchSize(32).learningRate(0.005f).seed(7)
                // .progress(System.out)                         // one line per epoch: loss, samples/s, elapsed
                .build();
        Pipeline<TrainingData, EvaluatedModel> training = Pipeline.start("rain-djl", TrainingData.class)
                .then("train", TrainedParameters.class,
                        DjlTrainingStage.builder(trainer).checkpoints(dir.resolve("checkpoints")).build())
                .deadline(Duration.ofMinutes(20))                   // checked between batches
                .then("evaluate", EvaluatedModel.codec(),
                        DjlEvaluationStage.builder(() -> DjlTrainer.mlp(16), holdoutX, holdoutY).build())
                .then("save", Path.class, (evaluated, context) -> {  // the model's files, as DJL saves them
                    Path files = Files.createDirectories(dir.resolve("saved-" + context.runId() + "-"
                            + context.attempt()));
                    try (TrainedDjlModel model = evaluated.trained().toModel(() -> DjlTrainer.mlp(16))) {
                        model.model().save(files, "rain-djl");
                    }
                    return files;
                })
                .gate("auc", (files, context) -> context.output("evaluate", EvaluatedModel.class),
                        EvaluatedModel.gate(ModelGate.builder().metric("auc").atLeast(0.70).clock(clock).build()))
                .then("candidate", EvaluatedModel.codec(),
                        (files, context) -> context.output("evaluate", EvaluatedModel.class))
                .build();

        RunResult<EvaluatedModel> run = PipelineRunner.builder(Stores.inMemory(clock)).clock(clock).build()
                .run(training, "rain-2015", TrainingData.of(trainX, trainY));    // the same run id resumes
        EvaluatedModel candidate = run.outputOrThrow();
        double auc = candidate.evaluation(Evaluator.binary().build()).overall()
                .get(StandardMetric.AUC.key()).orElseThrow().value();
        Verdict verdict = run.record().stage("save").orElseThrow().verdicts().get(0);   // names the files' SHA-256

        ModelRegistry registry = ModelRegistries.directory(dir.resolve("registry"), clock);
        ModelVersion version;
        try (TrainedDjlModel model = candidate.trained().toModel(() -> DjlTrainer.mlp(16))) {
            version = DjlArtifacts.register(registry, model, "rain-djl", dir.resolve("registered"), Map.of("auc", auc));
        }
        // Registered after the gate decided; the verdict counts because it is about these very bytes.
        registry.moveAlias(AliasMoveRequest.of("rain-djl", "champion", version.version()).withVerdict(verdict));

        TrainedDjlModel champion = DjlArtifacts.load(registry, ModelRef.ofAlias("rain-djl", "champion"),
                dir.resolve("serving"), () -> DjlTrainer.mlp(16));
        try (PredictorPool<float[], Float> pool = PredictorPool.builder(champion.model(),
                        new ProbabilityTranslator(champion.width())).size(2).warmUp(today).build();
             GuardedModel<float[], Float> service = GuardedModel.<float[], Float>builder("rain")
                     .version(version.ref().toString(), pool).build()) {
            float rainTomorrow = service.predict("request-1", "seattle", today);
            // --- README: end ---

            assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
            assertThat(verdict.decidedAt()).as("gated before registering").isBefore(version.createdAt());
            assertThat(verdict.subject().values()).containsExactlyInAnyOrderElementsOf(
                    version.artifacts().stream().map(ArtifactRef::sha256).toList());
            assertThat(candidate.trained().report().epochsCompleted()).isEqualTo(10);
            assertThat(auc).isGreaterThanOrEqualTo(0.70);
            assertThat(registry.version(ModelRef.ofAlias("rain-djl", "champion")).version())
                    .isEqualTo(version.version());
            double expected = ((BinaryData) candidate.comparison().challenger()).probability(0);
            assertThat((double) rainTomorrow).isCloseTo(expected, within(1e-5));
        }
    }
}
