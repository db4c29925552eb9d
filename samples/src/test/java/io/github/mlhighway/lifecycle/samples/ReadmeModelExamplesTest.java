package io.github.mlhighway.lifecycle.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.evaluation.BinaryData;
import io.github.mlhighway.lifecycle.core.evaluation.Evaluator;
import io.github.mlhighway.lifecycle.core.evaluation.gate.ModelComparison;
import io.github.mlhighway.lifecycle.core.evaluation.gate.ModelGate;
import io.github.mlhighway.lifecycle.core.pipeline.Pipeline;
import io.github.mlhighway.lifecycle.core.pipeline.PipelineRunner;
import io.github.mlhighway.lifecycle.core.pipeline.RunResult;
import io.github.mlhighway.lifecycle.core.registry.ModelRegistries;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.evaluation.Evaluation;
import io.github.mlhighway.lifecycle.gate.Finding;
import io.github.mlhighway.lifecycle.gate.Gate;
import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.gate.Verdict;
import io.github.mlhighway.lifecycle.pipeline.RunStatus;
import io.github.mlhighway.lifecycle.pipeline.Stage;
import io.github.mlhighway.lifecycle.registry.AliasMoveRequest;
import io.github.mlhighway.lifecycle.registry.LineageRef;
import io.github.mlhighway.lifecycle.registry.LoadedModel;
import io.github.mlhighway.lifecycle.registry.ModelRef;
import io.github.mlhighway.lifecycle.registry.ModelRegistry;
import io.github.mlhighway.lifecycle.registry.ModelVersion;
import io.github.mlhighway.lifecycle.registry.NewModelVersion;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline, model gate and registry code shown in README.md. Paste changes back into the README. */
class ReadmeModelExamplesTest {

    record Numbers(List<Double> values) {
    }

    record Model(double mean) {
    }

    record Score(double meanAbsoluteError) {
    }

    @TempDir
    Path directory;

    @Test
    void aPipelineIsInterruptedAndResumes() throws IOException {
        Clock clock = TestClock.create();                       // Clock.systemUTC() in production
        Path data = Files.writeString(directory.resolve("numbers.txt"), "3\n5\n4\n6\n");
        AtomicBoolean powerCut = new AtomicBoolean(true);       // the first "train" is interrupted

        // --- README: pipeline ---
        Gate<Numbers> enoughRows = Gate.named("enough-rows", numbers -> Verdict.fromFindings("enough-rows",
                List.of(Finding.of("rows", numbers.values().size() >= 3 ? Outcome.PASS : Outcome.FAIL,
                        numbers.values().size(), 3, "rows loaded")), clock.instant()));

        Pipeline<Path, Score> pipeline = Pipeline.start("mean-model", Path.class)
                .then("load", Numbers.class, Stage.of(path -> new Numbers(readNumbers(path))))
                .gate(enoughRows)                                   // FAIL stops the run, WARN is recorded
                .then("train", Model.class, (numbers, context) -> {
                    if (powerCut.getAndSet(false)) {
                        throw new IllegalStateException("power cut");
                    }
                    context.checkCancelled();                       // cooperative deadline and cancellation
                    return new Model(numbers.values().stream().mapToDouble(x -> x).average().orElseThrow());
                })
                .deadline(Duration.ofMinutes(20))
                .then("evaluate", Score.class, (model, context) -> new Score(1.0))
                .build();                                           // a stage output without a codec fails here

        PipelineRunner runner = PipelineRunner.builder(Stores.directory(directory.resolve("lifecycle-data")))
                .build();
        RunResult<Score> interrupted = runner.run(pipeline, "run-1", data);   // FAILED at "train"
        RunResult<Score> resumed = runner.run(pipeline, "run-1", data);       // same id: resumes after "load"
        // --- README: end ---

        assertThat(interrupted.status()).isEqualTo(RunStatus.FAILED);
        assertThat(resumed.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(resumed.record().stage("load").orElseThrow().attempts()).isEqualTo(1);
        assertThat(resumed.outputOrThrow().meanAbsoluteError()).isEqualTo(1.0);
    }

    @Test
    void aChallengerIsGatedAgainstTheChampionAndPromotedWithItsEvidence() throws IOException {
        TestClock clock = TestClock.create();
        int n = 2000;
        int[] labels = new int[n];
        double[] championP = new double[n];
        double[] challengerP = new double[n];
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextDouble() < 0.4 ? 1 : 0;
            double signal = labels[i] == 1 ? 1 : -1;
            championP[i] = 1 / (1 + Math.exp(-(0.8 * signal + random.nextGaussian())));
            challengerP[i] = 1 / (1 + Math.exp(-(1.2 * signal + random.nextGaussian())));
        }
        Path weights = Files.writeString(directory.resolve("model.bin"), "challenger weights");

        // --- README: gate and registry ---
        Evaluator evaluator = Evaluator.binary().resamples(1000).seed(42).build();   // seeded bootstrap CIs
        Evaluation holdout = evaluator.evaluate(BinaryData.of(labels, challengerP));

        ModelRegistry registry = ModelRegistries.directory(directory.resolve("lifecycle-data"), clock);
        ModelVersion candidate = registry.register(NewModelVersion.of("rain")
                .metric("auc", holdout.metric("auc").orElseThrow().value())
                .file("model.bin", weights)                          // content-addressed, SHA-256
                .lineage(LineageRef.run("run-1"))
                .build());

        ModelGate gate = ModelGate.builder()
                .metric("auc").atLeast(0.70).againstChampion().nonInferiority(0.01).confidence(0.95)
                .clock(clock)
                .build();
        Verdict verdict = gate.evaluate(ModelComparison.binary(labels, challengerP, championP)); // paired bootstrap

        registry.moveAlias(AliasMoveRequest.of("rain", "champion", candidate.version())
                .withVerdict(verdict, "rain@" + candidate.version()));           // refused unless PASS or WARN
        LoadedModel champion = registry.load(ModelRef.parse("rain:champion"));
        LoadedModel serving = champion.copyTo(directory.resolve("serving"));     // verified private copy
        // --- README: end ---

        assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
        assertThat(holdout.metric("auc").orElseThrow().interval()).isNotNull();
        assertThat(serving.file("model.bin")).hasContent("challenger weights");
        assertThat(registry.aliasMoves("rain")).hasSize(1);
    }

    private static List<Double> readNumbers(Path path) {
        try {
            return Files.readAllLines(path).stream().map(Double::valueOf).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
