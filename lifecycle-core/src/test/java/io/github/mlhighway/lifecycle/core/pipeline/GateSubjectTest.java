package io.github.mlhighway.lifecycle.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.pipeline.internal.Digests;
import io.github.mlhighway.lifecycle.core.registry.ModelRegistries;
import io.github.mlhighway.lifecycle.gate.Finding;
import io.github.mlhighway.lifecycle.gate.Gate;
import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.gate.Verdict;
import io.github.mlhighway.lifecycle.pipeline.RunStatus;
import io.github.mlhighway.lifecycle.pipeline.Stage;
import io.github.mlhighway.lifecycle.pipeline.StageRecord;
import io.github.mlhighway.lifecycle.registry.AliasMoveRequest;
import io.github.mlhighway.lifecycle.registry.ModelRegistry;
import io.github.mlhighway.lifecycle.registry.ModelVersion;
import io.github.mlhighway.lifecycle.registry.NewModelVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gates on derived values are journaled like other gates; every pipeline verdict names what it judged, so a model
 * gated in a pipeline and registered later, under a ticking clock, is promoted with that verdict.
 */
class GateSubjectTest {

    record Trained(byte[] weights, double auc) {
        Evaluation evaluation() {
            return new Evaluation(auc);
        }
    }

    record Evaluation(double auc) {
    }

    @TempDir
    Path directory;

    private final PipelineFixture fixture = new PipelineFixture();

    private final Gate<Evaluation> aucGate = Gate.named("auc-at-least-0.7", evaluation -> Verdict.fromFindings(
            "auc-at-least-0.7", List.of(Finding.of("auc", evaluation.auc() >= 0.7 ? Outcome.PASS : Outcome.FAIL,
                    evaluation.auc(), 0.7, "holdout AUC")), fixture.clock.instant()));

    @Test
    void aGateOnADerivedValueIsJournaledUnderItsNameAndStopsTheRunWhenItFails() {
        Pipeline<Double, Trained> pipeline = Pipeline.start("derived", Double.class)
                .then("train", Trained.class, Stage.of(auc -> new Trained(new byte[] {1, 2}, auc)))
                .gate("auc", Trained::evaluation, aucGate)
                .build();

        RunResult<Trained> passed = fixture.runner().run(pipeline, "good", 0.81);
        RunResult<Trained> failed = fixture.runner().run(pipeline, "bad", 0.61);

        Verdict verdict = passed.record().stage("train").orElseThrow().verdicts().get(0);
        assertThat(verdict.gate()).isEqualTo("auc-at-least-0.7");
        assertThat(verdict.findings().get(0).observed()).isEqualTo(0.81);
        assertThat(failed.status()).isEqualTo(RunStatus.STOPPED_BY_GATE);
        assertThat(failed.record().failure().type()).isEqualTo("gate:auc-at-least-0.7");
        assertThat(fixture.eventNames()).contains("GateDecided");
    }

    @Test
    void aDerivationThatThrowsIsAFailVerdictWithTheExceptionAsEvidence() {
        Pipeline<Double, Trained> pipeline = Pipeline.start("derived", Double.class)
                .then("train", Trained.class, Stage.of(auc -> new Trained(new byte[] {1}, auc)))
                .gate("auc", trained -> {
                    throw new IllegalStateException("no holdout");
                }, aucGate)
                .build();

        RunResult<Trained> run = fixture.runner().run(pipeline, "r1", 0.9);

        Verdict verdict = run.record().stage("train").orElseThrow().verdicts().get(0);
        assertThat(run.status()).isEqualTo(RunStatus.STOPPED_BY_GATE);
        assertThat(verdict.gate()).isEqualTo("auc");
        assertThat(verdict.findings().get(0).message()).contains("IllegalStateException: no holdout");
    }

    @Test
    void aDerivationCanReadAnEarlierOutputByName() {
        Pipeline<Double, Path> pipeline = Pipeline.start("derived", Double.class)
                .then("train", Trained.class, Stage.of(auc -> new Trained(new byte[] {1}, auc)))
                .then("save", Path.class, (trained, context) -> Files.write(directory.resolve("model.bin"),
                        trained.weights()))
                .gate("auc", (file, context) -> context.output("train", Trained.class).evaluation(), aucGate)
                .build();

        RunResult<Path> run = fixture.runner().run(pipeline, "r1", 0.9);

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.record().stage("save").orElseThrow().verdicts().get(0).outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void aVerdictNamesTheCheckpointItJudgedOrTheFilesOfAPathOutput() throws Exception {
        Pipeline<Double, Path> pipeline = Pipeline.start("subjects", Double.class)
                .then("train", Trained.class, Stage.of(auc -> new Trained(new byte[] {7}, auc)))
                .gate("auc", Trained::evaluation, aucGate)
                .then("save", Path.class, (trained, context) -> {
                    Path model = Files.createDirectories(directory.resolve("model"));
                    Files.write(model.resolve("weights.bin"), trained.weights());
                    Files.writeString(Files.createDirectories(model.resolve("meta")).resolve("auc.txt"),
                            Double.toString(trained.auc()));
                    return model;
                })
                .gate(Gate.named("saved", model -> Verdict.fromFindings("saved", List.of(), fixture.clock.instant())))
                .build();

        RunResult<Path> run = fixture.runner().run(pipeline, "r1", 0.9);

        StageRecord train = run.record().stage("train").orElseThrow();
        assertThat(train.verdicts().get(0).subject()).isEqualTo(Map.of("train", train.outputDigest()));
        assertThat(run.record().stage("save").orElseThrow().verdicts().get(0).subject())
                .isEqualTo(Map.of("weights.bin", Digests.sha256(new byte[] {7}),
                        "meta/auc.txt", Digests.sha256("0.9".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aModelGatedInAPipelineAndRegisteredLaterUnderATickingClockIsPromotedWithThatVerdict() throws Exception {
        ModelRegistry registry = ModelRegistries.directory(directory.resolve("registry"), fixture.clock);
        Pipeline<Double, byte[]> pipeline = Pipeline.start("gate-then-register", Double.class)
                .then("train", Trained.class, Stage.of(auc -> new Trained(new byte[] {4, 2}, auc)))
                .then("weights", byte[].class, Stage.of(Trained::weights))
                .gate("auc", (weights, context) -> context.output("train", Trained.class).evaluation(), aucGate)
                .build();

        RunResult<byte[]> run = fixture.runner().run(pipeline, "r1", 0.9);
        Verdict verdict = run.record().stage("weights").orElseThrow().verdicts().get(0);
        fixture.clock.advance(Duration.ofSeconds(30));                     // time passes before registering
        Path file = Files.write(directory.resolve("model.bin"), run.outputOrThrow());
        ModelVersion version = registry.register(NewModelVersion.of("rain").file("model.bin", file).build());
        registry.moveAlias(AliasMoveRequest.of("rain", "champion", version.version()).withVerdict(verdict));

        assertThat(verdict.decidedAt()).isBefore(version.createdAt());
        assertThat(registry.aliases("rain")).containsEntry("champion", version.version());
    }

    @Test
    void aGateSeenAgainAfterAResumeKeepsItsStampedSubject() {
        AtomicBoolean failOnce = new AtomicBoolean(true);
        Pipeline<Double, String> pipeline = Pipeline.start("resume", Double.class)
                .then("train", Trained.class, Stage.of(auc -> new Trained(new byte[] {3}, auc)))
                .gate("auc", Trained::evaluation, aucGate)
                .then("report", String.class, (trained, context) -> {
                    if (failOnce.getAndSet(false)) {
                        throw new IllegalStateException("later failure");
                    }
                    return "ok";
                })
                .build();

        RunResult<String> first = fixture.runner().run(pipeline, "r1", 0.8);
        RunResult<String> resumed = fixture.runner().run(pipeline, "r1", 0.8);

        assertThat(resumed.record().stage("train").orElseThrow().verdicts())
                .isEqualTo(first.record().stage("train").orElseThrow().verdicts());
        assertThat(resumed.record().stage("train").orElseThrow().verdicts().get(0).hasSubject()).isTrue();
    }
}
