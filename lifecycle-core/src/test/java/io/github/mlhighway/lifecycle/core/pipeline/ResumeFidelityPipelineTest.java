package io.github.mlhighway.lifecycle.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.core.evaluation.gate.ModelComparison;
import io.github.mlhighway.lifecycle.core.evaluation.gate.ModelGate;
import io.github.mlhighway.lifecycle.core.lineage.CodeVersion;
import io.github.mlhighway.lifecycle.core.pipeline.internal.Digests;
import io.github.mlhighway.lifecycle.core.store.StoreCheck;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.gate.Finding;
import io.github.mlhighway.lifecycle.gate.Gate;
import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.gate.Verdict;
import io.github.mlhighway.lifecycle.pipeline.PipelineDefinitionException;
import io.github.mlhighway.lifecycle.pipeline.PipelineException;
import io.github.mlhighway.lifecycle.pipeline.RunRecord;
import io.github.mlhighway.lifecycle.pipeline.RunStatus;
import io.github.mlhighway.lifecycle.pipeline.Stage;
import io.github.mlhighway.lifecycle.pipeline.StageStatus;
import io.github.mlhighway.lifecycle.store.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 4 review: a resumed run gives the same result, with the same lineage, and stops and retries sanely. */
class ResumeFidelityPipelineTest {

    private final PipelineFixture f = new PipelineFixture();

    /** A class whose JSON drops a private field without a getter. */
    public static final class Hidden {
        private double slope;
        private double bias;

        public Hidden() {
        }

        Hidden(double slope, double bias) {
            this.slope = slope;
            this.bias = bias;
        }

        public double getSlope() {
            return slope;
        }

        double predict(double x) {
            return slope * x + bias;
        }
    }

    /** A class with no bean property at all. */
    public static final class Opaque {
        private final double[] w = {1, 2};

        public Opaque() {
        }

        public double[] weights() {
            return w;
        }
    }

    static final class PowerCut extends Error {
        PowerCut() {
            super("power cut");
        }
    }

    // 1. Resume gives the same result

    @Test
    void aFirstRunSeesWhatAResumedRunSees() {
        AtomicInteger crash = new AtomicInteger(1);
        Pipeline<String, String> p = Pipeline.start("p", String.class)
                .then("train", Hidden.class, Stage.of(s -> new Hidden(0.75, 10)))
                .then("use", String.class, Stage.of(w -> {
                    if (crash.getAndDecrement() > 0) {
                        throw new PowerCut();
                    }
                    return "predict(1)=" + w.predict(1);
                }))
                .build();
        assertThatThrownBy(() -> f.runner().run(p, "r", "x")).isInstanceOf(PowerCut.class);
        String resumed = f.runner().run(p, "r", "x").outputOrThrow();
        String clean = f.runner().run(p, "clean", "x").outputOrThrow();

        assertThat(clean).isEqualTo(resumed).isEqualTo("predict(1)=0.75");
    }

    @Test
    void aClassWithNoPropertiesIsRefusedByBuildBeforeAnythingRuns() {
        AtomicInteger ran = new AtomicInteger();
        assertThatThrownBy(() -> Pipeline.start("p", String.class)
                .then("train", Opaque.class, Stage.of(s -> {
                    ran.incrementAndGet();
                    return new Opaque();
                })).build())
                .isInstanceOf(PipelineDefinitionException.class)
                .hasMessageContaining(Opaque.class.getName()).hasMessageContaining("no property");
        assertThat(ran).hasValue(0);
    }

    @Test
    void aLossyCodecFailsTheStageWithAClearMessage() {
        Pipeline<String, String> p = Pipeline.start("p", String.class)
                .then("train", Codecs.<String>of("lossy", "text/plain", s -> s.getBytes(StandardCharsets.UTF_8),
                        b -> new String(b, StandardCharsets.UTF_8) + "!"), Stage.of(s -> s + "1"))
                .build();
        RunResult<String> r = f.runner().run(p, "r", "x");

        assertThat(r.status()).isEqualTo(RunStatus.FAILED);
        assertThat(r.record().failure().message()).contains("Codec lossy is lossy").contains("'train'");
    }

    // 2. Lineage is checked on resume

    @Test
    void aChangedInputFileParametersOrCodeRefuseTheResume(@TempDir Path dir) throws Exception {
        Path data = Files.writeString(dir.resolve("d.csv"), "1,2,3");
        AtomicInteger crash = new AtomicInteger(100);
        Pipeline<Path, String> p = filePipeline(crash, "lr", 0.1);
        assertThatThrownBy(() -> f.runner().run(p, "r", data)).isInstanceOf(PowerCut.class);

        Files.writeString(data, "9,9,9");
        assertThatThrownBy(() -> f.runner().run(p, "r", data)).isInstanceOf(PipelineException.class)
                .hasMessageContaining("input data").hasMessageContaining("file:d.csv");
        Files.writeString(data, "1,2,3");
        assertThatThrownBy(() -> f.runner().run(filePipeline(crash, "lr", 0.2), "r", data))
                .isInstanceOf(PipelineException.class).hasMessageContaining("parameters");
        PipelineRunner otherCode = PipelineRunner.builder(f.store).clock(f.clock)
                .sleeper(d -> f.clock.advance(d))
                .codeVersion(new CodeVersion("fedcba9876543210fedcba9876543210fedcba98", CodeVersion.GIT))
                .environment(Map.of()).build();
        assertThatThrownBy(() -> otherCode.run(p, "r", data)).isInstanceOf(PipelineException.class)
                .hasMessageContaining("code version");

        crash.set(0);
        assertThat(f.runner().run(p, "r", data).outputOrThrow()).isEqualTo("trained on 1,2,3");
    }

    private static Pipeline<Path, String> filePipeline(AtomicInteger crash, String key, double value) {
        return Pipeline.start("p", Path.class)
                .then("load", String.class, (path, c) -> Files.readString(path))
                .then("train", String.class, Stage.of(s -> {
                    if (crash.getAndDecrement() > 0) {
                        throw new PowerCut();
                    }
                    return "trained on " + s;
                }))
                .parameter(key, value)
                .build();
    }

    // 3. Cancelling by interrupt on a directory store

    @Test
    void anInterruptedStageOnADirectoryStoreIsRecordedCancelled(@TempDir Path dir) {
        Store store = Stores.directory(dir, f.clock);
        Pipeline<String, String> p = Pipeline.start("p", String.class)
                .then("train", String.class, (s, c) -> {
                    Thread.currentThread().interrupt();
                    Thread.sleep(10);
                    return s;
                })
                .build();
        RunResult<String> r;
        try {
            r = f.runner(store).run(p, "r", "x");
            assertThat(Thread.currentThread().isInterrupted()).as("interrupt flag restored").isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(r.status()).isEqualTo(RunStatus.CANCELLED);
        RunRecord stored = RunRecords.find(store, "r").orElseThrow();
        assertThat(stored.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(stored.stages().get(0).status()).isEqualTo(StageStatus.CANCELLED);
    }

    // 4. A gate verdict that stopped the run is decided again on resume

    @Test
    void aGateThatThrewIsEvaluatedAgainOnResumeKeepingTheEarlierVerdict() {
        AtomicInteger calls = new AtomicInteger();
        Gate<String> g = Gate.named("champion-gate", s -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("registry unreachable");
            }
            return Verdict.fromFindings("champion-gate", List.of(Finding.note("ok", Outcome.PASS, "ok")),
                    f.clock.instant());
        });
        Pipeline<String, String> p = Pipeline.start("p", String.class)
                .then("train", String.class, Stage.of(s -> s)).gate(g)
                .then("register", String.class, Stage.of(s -> s)).build();
        RunResult<String> a = f.runner().run(p, "r", "x");
        RunResult<String> b = f.runner().run(p, "r", "x");

        assertThat(a.status()).isEqualTo(RunStatus.STOPPED_BY_GATE);
        assertThat(b.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(calls).hasValue(2);
        var train = b.record().stages().get(0);
        assertThat(train.verdicts()).extracting(Verdict::outcome).containsExactly(Outcome.PASS);
        assertThat(train.earlierVerdicts()).extracting(Verdict::outcome).containsExactly(Outcome.FAIL);
        assertThat(RunRecords.find(f.store, "r").orElseThrow().stages().get(0).earlierVerdicts()).hasSize(1);
    }

    // 5. Checkpoints are content-addressed and checked by StoreCheck

    @Test
    void aStaleRunnerCannotOverwriteTheWinnersCheckpoint() {
        AtomicInteger crash = new AtomicInteger(1);
        Pipeline<String, String> p = Pipeline.start("p", String.class)
                .then("load", String.class, Stage.of(s -> s + "-loaded"))
                .then("train", String.class, Stage.of(s -> {
                    if (crash.getAndDecrement() > 0) {
                        throw new PowerCut();
                    }
                    return "trained on " + s;
                }))
                .build();
        assertThatThrownBy(() -> f.runner().run(p, "r", "x")).isInstanceOf(PowerCut.class);
        // a stale runner of the same run id writes its own output of stage 0 before its record CAS fails
        byte[] stale = "x-stale".getBytes(StandardCharsets.UTF_8);
        new RunStore(f.store, "r").saveOutput(0, "load", Codecs.utf8(), stale, Digests.sha256(stale));

        assertThat(f.runner().run(p, "r", "x").outputOrThrow()).isEqualTo("trained on x-loaded");
    }

    @Test
    void storeCheckComparesEachSucceededStageWithItsCheckpoint(@TempDir Path dir) throws Exception {
        Store store = Stores.directory(dir, f.clock);
        Pipeline<String, String> p = Pipeline.start("p", String.class)
                .then("load", String.class, Stage.of(s -> s + "-loaded"))
                .then("train", String.class, Stage.of(s -> "trained on " + s))
                .build();
        RunRecord record = f.runner(store).run(p, "r", "x").record();
        assertThat(StoreCheck.run(dir).problems()).isEmpty();

        Path outputs = dir.resolve(RunRecords.OUTPUTS);
        Path first = outputs.resolve(RunRecords.checkpointKey(record.stages().get(0).outputDigest()) + ".json");
        Path second = outputs.resolve(RunRecords.checkpointKey(record.stages().get(1).outputDigest()) + ".json");
        assertThat(first).exists();
        Files.delete(second);
        // replace the first checkpoint by a well-formed document with other content
        String key = RunRecords.checkpointKey(record.stages().get(0).outputDigest());
        String json = store.read(RunRecords.OUTPUTS, key).orElseThrow().json();
        String tampered = java.util.Base64.getEncoder().encodeToString("x-tampered".getBytes(StandardCharsets.UTF_8));
        assertThat(json).contains("base64");
        store.put(RunRecords.OUTPUTS, key, "{\"base64\":\"" + tampered + "\"}");

        List<String> problems = StoreCheck.run(dir).problems();
        assertThat(String.join("\n", problems)).contains("stage 'train' SUCCEEDED but its checkpoint")
                .contains("is missing");
        assertThat(problems).anySatisfy(line -> assertThat(line).contains("stage 'load'")
                .contains("but its checkpoint").contains("holds SHA-256"));
    }

    // 6. Retries count over every execution

    @Test
    void retryBudgetIsCumulativeOverExecutions() {
        AtomicInteger calls = new AtomicInteger();
        List<Integer> seen = new ArrayList<>();
        Pipeline<String, String> p = Pipeline.start("p", String.class)
                .then("flaky", String.class, (s, c) -> {
                    calls.incrementAndGet();
                    seen.add(c.attempt());
                    throw new IllegalStateException("boom");
                })
                .retry(RetryPolicy.exponential(3))
                .build();
        RunResult<String> a = f.runner().run(p, "r", "x");
        assertThat(calls).hasValue(3);
        assertThat(f.sleeps).hasSize(2);
        RunResult<String> b = f.runner().run(p, "r", "x");

        assertThat(a.status()).isEqualTo(RunStatus.FAILED);
        assertThat(b.status()).isEqualTo(RunStatus.FAILED);
        assertThat(calls).as("a resume gets one attempt once the budget is spent").hasValue(4);
        assertThat(seen).containsExactly(1, 2, 3, 4);
        assertThat(f.sleeps).hasSize(2);
        assertThat(b.record().stages().get(0).attempts()).isEqualTo(4);
    }

    // 7. Backoff honours cancellation and the run deadline

    @Test
    void aCancelledRunStopsDuringBackoffAtOnce() throws Exception {
        Cancellation cancellation = new Cancellation();
        PipelineRunner runner = PipelineRunner.builder(f.store).random(new Random(1))
                .environment(Map.of()).build();
        List<String> started = new CopyOnWriteArrayList<>();
        Pipeline<String, String> p = Pipeline.start("p", String.class)
                .then("flaky", String.class, (s, c) -> {
                    started.add("attempt " + c.attempt());
                    throw new IllegalStateException("boom");
                })
                .retry(RetryPolicy.exponential(3).withInitialDelay(Duration.ofMinutes(10)).withJitter(0))
                .build();
        AtomicReference<RunResult<String>> result = new AtomicReference<>();
        Thread thread = new Thread(() -> result.set(runner.run(p, "r", "x", cancellation)));
        thread.start();
        while (started.isEmpty()) {
            Thread.sleep(5);
        }
        Thread.sleep(100);
        long before = System.nanoTime();
        cancellation.cancel("operator");
        thread.join(10_000);

        assertThat(thread.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(5));
        assertThat(result.get().status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(started).hasSize(1);
    }

    @Test
    void backoffIsCutShortByTheRunDeadline() {
        Pipeline<String, String> p = Pipeline.start("p", String.class)
                .then("flaky", String.class, Stage.of(s -> {
                    throw new IllegalStateException("boom");
                }))
                .retry(RetryPolicy.exponential(3).withInitialDelay(Duration.ofMinutes(10)).withJitter(0))
                .runDeadline(Duration.ofMinutes(1))
                .build();
        RunResult<String> r = f.runner().run(p, "r", "x");

        assertThat(r.status()).isEqualTo(RunStatus.DEADLINE_EXCEEDED);
        assertThat(f.sleeps).containsExactly(Duration.ofMinutes(1));
        assertThat(r.record().failure().message()).contains("run deadline");
    }

    // 8. ModelComparison as a stage output feeding a model gate

    @Test
    void aModelComparisonIsAStageOutputGatedByAModelGateAndSurvivesAResume() {
        int[] labels = new int[200];
        double[] challenger = new double[200];
        double[] champion = new double[200];
        String[] slices = new String[200];
        Random random = new Random(5);
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 2;
            challenger[i] = Math.min(1, Math.max(0, labels[i] * 0.6 + 0.2 + random.nextGaussian() * 0.1));
            champion[i] = Math.min(1, Math.max(0, labels[i] * 0.2 + 0.4 + random.nextGaussian() * 0.2));
            slices[i] = i < 100 ? "eu" : "us";
        }
        ModelGate modelGate = ModelGate.builder().metric("auc").atLeast(0.7).againstChampion().nonInferiority(0.01)
                .clock(f.clock).resamples(200).seed(3).build();
        AtomicInteger crash = new AtomicInteger(1);
        Pipeline<String, String> p = Pipeline.start("p", String.class)
                .then("evaluate", ModelComparison.class,
                        Stage.of(s -> ModelComparison.binary(labels, challenger, champion).withSlices(slices)))
                .gate(modelGate)
                .then("register", String.class, Stage.of(c -> {
                    if (crash.getAndDecrement() > 0) {
                        throw new PowerCut();
                    }
                    return c.rows() + " rows, " + c.slices().orElseThrow().masks().keySet();
                }))
                .build();
        assertThatThrownBy(() -> f.runner().run(p, "r", "x")).isInstanceOf(PowerCut.class);
        RunResult<String> r = f.runner().run(p, "r", "x");

        assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(r.outputOrThrow()).isEqualTo("200 rows, [eu, us]");
        assertThat(r.record().stages().get(0).verdicts()).extracting(Verdict::outcome).containsExactly(Outcome.PASS);
        ModelComparison back = ModelComparison.fromJson(ModelComparison.binary(labels, challenger, champion)
                .withSlices(slices).toJson());
        assertThat(back.toJson()).isEqualTo(ModelComparison.binary(labels, challenger, champion)
                .withSlices(slices).toJson());
        ModelComparison regression = ModelComparison.regression(new double[] {1, 2, 3}, new double[] {1.1, 2, 3});
        assertThat(ModelComparison.fromJson(regression.toJson()).toJson()).isEqualTo(regression.toJson());
        assertThat(ModelComparison.fromJson(regression.toJson()).champion()).isEmpty();
    }
}
