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
import io.github.mlhighway.lifecycle.registry.ModelRef;
import io.github.mlhighway.lifecycle.registry.ModelRegistry;
import io.github.mlhighway.lifecycle.registry.ModelVersion;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DJL training, gating, registration and serving code shown in README.md. Paste changes back into the README. */
class ReadmeDjlExamplesTest {

    @TempDir
    Path dir;

    @Test
    void trainGateRegisterAndServeADjlModel() throws Exception {
        Clock clock = TestClock.create();                       // Clock.systemUTC() in production
        Rain rain = Rain.load();
        float[][] trainX = rain.trainX();
        float[] trainY = rain.trainY();
        float[][] holdoutX = rain.holdoutX();
        int[] holdoutY = rain.holdoutY();
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
                .gate(EvaluatedModel.gate(ModelGate.builder().metric("auc").atLeast(0.70).build()))
                .build();

        RunResult<EvaluatedModel> run = PipelineRunner.builder(Stores.inMemory(clock)).clock(clock).build()
                .run(training, "rain-2015", TrainingData.of(trainX, trainY));    // the same run id resumes
        EvaluatedModel candidate = run.outputOrThrow();
        double auc = candidate.evaluation(Evaluator.binary().build()).overall()
                .get(StandardMetric.AUC.key()).orElseThrow().value();
        Verdict verdict = run.record().stage("evaluate").orElseThrow().verdicts().get(0);

        ModelRegistry registry = ModelRegistries.directory(dir.resolve("registry"), clock);
        ModelVersion version;
        try (TrainedDjlModel model = candidate.trained().toModel(() -> DjlTrainer.mlp(16))) {
            version = DjlArtifacts.register(registry, model, "rain-djl", dir.resolve("saved"), Map.of("auc", auc));
        }
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
            assertThat(candidate.trained().report().epochsCompleted()).isEqualTo(10);
            assertThat(auc).isGreaterThanOrEqualTo(0.70);
            assertThat(registry.version(ModelRef.ofAlias("rain-djl", "champion")).version())
                    .isEqualTo(version.version());
            double expected = ((BinaryData) candidate.comparison().challenger()).probability(0);
            assertThat((double) rainTomorrow).isCloseTo(expected, within(1e-5));
        }
    }

    /** "Rain tomorrow" in Seattle: today's observations, 2012-2014 train, 2015 holdout, standardized. */
    private record Rain(float[][] trainX, float[] trainY, float[][] holdoutX, int[] holdoutY) {

        private static final String[] WEATHER = {"drizzle", "rain", "sun", "snow", "fog"};

        static Rain load() throws IOException {
            List<LocalDate> dates = new ArrayList<>();
            List<float[]> rows = new ArrayList<>();
            List<Double> precipitation = new ArrayList<>();
            try (InputStream in = Rain.class.getResourceAsStream("/data/weather.csv");
                 BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                reader.readLine();
                for (String line; (line = reader.readLine()) != null; ) {
                    String[] f = line.split(",");
                    if (!f[0].equals("Seattle")) {
                        continue;
                    }
                    LocalDate date = LocalDate.parse(f[1]);
                    double rainMm = Double.parseDouble(f[2]);
                    float[] x = new float[6 + WEATHER.length];
                    x[0] = (float) Math.log1p(rainMm);
                    x[1] = Float.parseFloat(f[3]);
                    x[2] = Float.parseFloat(f[4]);
                    x[3] = Float.parseFloat(f[5]);
                    double angle = 2 * Math.PI * date.getDayOfYear() / 365.25;
                    x[4] = (float) Math.sin(angle);
                    x[5] = (float) Math.cos(angle);
                    for (int k = 0; k < WEATHER.length; k++) {
                        x[6 + k] = WEATHER[k].equals(f[6]) ? 1f : 0f;
                    }
                    dates.add(date);
                    rows.add(x);
                    precipitation.add(rainMm);
                }
            }
            List<float[]> trainX = new ArrayList<>();
            List<Float> trainY = new ArrayList<>();
            List<float[]> holdoutX = new ArrayList<>();
            List<Integer> holdoutY = new ArrayList<>();
            for (int i = 0; i + 1 < rows.size(); i++) {
                if (!dates.get(i + 1).equals(dates.get(i).plusDays(1))) {
                    continue;
                }
                int label = precipitation.get(i + 1) > 0 ? 1 : 0;
                if (dates.get(i).getYear() <= 2014) {
                    trainX.add(rows.get(i));
                    trainY.add((float) label);
                } else {
                    holdoutX.add(rows.get(i));
                    holdoutY.add(label);
                }
            }
            float[][] tx = trainX.toArray(float[][]::new);
            float[][] hx = holdoutX.toArray(float[][]::new);
            standardize(tx, hx);
            float[] ty = new float[trainY.size()];
            for (int i = 0; i < ty.length; i++) {
                ty[i] = trainY.get(i);
            }
            return new Rain(tx, ty, hx, holdoutY.stream().mapToInt(Integer::intValue).toArray());
        }

        private static void standardize(float[][] train, float[][] holdout) {
            for (int j = 0; j < train[0].length; j++) {
                double sum = 0;
                double sumSq = 0;
                for (float[] row : train) {
                    sum += row[j];
                    sumSq += (double) row[j] * row[j];
                }
                double mean = sum / train.length;
                double std = Math.sqrt(Math.max(sumSq / train.length - mean * mean, 0));
                double scale = std > 1e-12 ? std : 1;
                for (float[] row : train) {
                    row[j] = (float) ((row[j] - mean) / scale);
                }
                for (float[] row : holdout) {
                    row[j] = (float) ((row[j] - mean) / scale);
                }
            }
        }
    }
}
