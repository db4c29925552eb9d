package io.github.mlhighway.lifecycle.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.gate.Finding;
import io.github.mlhighway.lifecycle.gate.Gate;
import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.gate.Verdict;
import io.github.mlhighway.lifecycle.pipeline.PipelineDefinitionException;
import io.github.mlhighway.lifecycle.pipeline.PipelineEvent;
import io.github.mlhighway.lifecycle.pipeline.RunStatus;
import io.github.mlhighway.lifecycle.pipeline.Stage;
import io.github.mlhighway.lifecycle.pipeline.StageRecord;
import io.github.mlhighway.lifecycle.pipeline.StageStatus;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Stages, gates, retries, deadlines, cancellation and events, on a fake clock. */
class PipelineTest {

    record Numbers(List<Double> values) {
    }

    record Mean(double value) {
    }

    private final PipelineFixture fixture = new PipelineFixture();

    private static Gate<Mean> meanAtLeast(double threshold, Outcome below) {
        return Gate.named("mean-at-least", mean -> new Verdict("mean-at-least",
                mean.value() >= threshold ? Outcome.PASS : below,
                List.of(Finding.of("mean", mean.value() >= threshold ? Outcome.PASS : below, mean.value(),
                        threshold, "mean of the numbers")), java.time.Instant.EPOCH));
    }

    private static PipelineBuilder<String, Mean> meanOf() {
        return Pipeline.start("mean", String.class)
                .then("parse", Numbers.class, Stage.of(text -> new Numbers(
                        java.util.Arrays.stream(text.split(",")).map(Double::valueOf).toList())))
                .then("mean", Mean.class, Stage.of(numbers -> new Mean(
                        numbers.values().stream().mapToDouble(Double::doubleValue).average().orElse(0))));
    }

    @Test
    void typedStagesRunInOrderAndTheOutputOfTheLastIsTheResult() {
        RunResult<Mean> result = fixture.runner().run(meanOf().build(), "r1", "1,2,3");

        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(result.outputOrThrow()).isEqualTo(new Mean(2));
        assertThat(result.record().stages()).extracting(StageRecord::status)
                .containsExactly(StageStatus.SUCCEEDED, StageStatus.SUCCEEDED);
        assertThat(result.record().stages().get(1).inputDigest())
                .isEqualTo(result.record().stages().get(0).outputDigest()).hasSize(64);
    }

    @Test
    void aFailingGateStopsTheRunAndItsVerdictIsRecorded() {
        AtomicInteger after = new AtomicInteger();
        var pipeline = meanOf().gate(meanAtLeast(10, Outcome.FAIL))
                .then("report", String.class, Stage.of(mean -> "reported " + after.incrementAndGet())).build();

        RunResult<String> result = fixture.runner().run(pipeline, "r1", "1,2,3");

        assertThat(result.status()).isEqualTo(RunStatus.STOPPED_BY_GATE);
        assertThat(after).hasValue(0);
        assertThat(result.record().stage("mean").orElseThrow().verdicts()).singleElement()
                .satisfies(verdict -> assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL));
        assertThat(result.record().failure().message()).contains("FAIL from gate 'mean-at-least'");
        assertThat(result.record().stage("report").orElseThrow().status()).isEqualTo(StageStatus.PENDING);
    }

    @Test
    void aWarningGateLetsTheRunContinueAndIsRecorded() {
        var pipeline = meanOf().gate(meanAtLeast(10, Outcome.WARN)).build();

        RunResult<Mean> result = fixture.runner().run(pipeline, "r1", "1,2,3");

        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(result.record().stage("mean").orElseThrow().verdicts().get(0).outcome()).isEqualTo(Outcome.WARN);
    }

    @Test
    void anInconclusiveGateStopsTheRunUnlessConfiguredToProceed() {
        Gate<Mean> unsure = meanAtLeast(10, Outcome.INCONCLUSIVE);

        assertThat(fixture.runner().run(meanOf().gate(unsure).build(), "stops", "1").status())
                .isEqualTo(RunStatus.STOPPED_BY_GATE);
        assertThat(fixture.runner().run(meanOf().gate(unsure, true).build(), "proceeds", "1").status())
                .isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void aGateThatThrowsIsAFailWithTheExceptionAsEvidence() {
        var pipeline = meanOf().gate(Gate.named("broken", mean -> {
            throw new IllegalStateException("no champion");
        })).build();

        RunResult<Mean> result = fixture.runner().run(pipeline, "r1", "1");

        assertThat(result.status()).isEqualTo(RunStatus.STOPPED_BY_GATE);
        assertThat(result.record().stage("mean").orElseThrow().verdicts().get(0).findings().get(0).message())
                .contains("no champion");
    }

    @Test
    void aFlakyStageIsRetriedWithExponentialBackoffAndJitterOnTheFakeClock() {
        AtomicInteger calls = new AtomicInteger();
        var pipeline = Pipeline.start("flaky", String.class)
                .then("fetch", String.class, (input, context) -> {
                    if (calls.incrementAndGet() < 3) {
                        throw new IOException("connection reset");
                    }
                    return input + " fetched on attempt " + context.attempt();
                })
                .retry(RetryPolicy.exponential(4).withInitialDelay(Duration.ofSeconds(10)))
                .build();

        RunResult<String> result = fixture.runner().run(pipeline, "r1", "data");

        assertThat(result.outputOrThrow()).isEqualTo("data fetched on attempt 3");
        StageRecord fetch = result.record().stage("fetch").orElseThrow();
        assertThat(fetch.attempts()).isEqualTo(3);
        assertThat(fetch.failures()).extracting(failure -> failure.type() + ": " + failure.message())
                .containsOnly("java.io.IOException: connection reset");
        assertThat(fixture.sleeps).hasSize(2);
        assertThat(fixture.sleeps.get(0)).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10));
        assertThat(fixture.sleeps.get(1)).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(20));
        assertThat(fixture.eventNames()).containsSubsequence("StageStarted", "StageRetried", "StageStarted",
                "StageRetried", "StageStarted", "StageSucceeded");
    }

    @Test
    void aFailureTheRetryPredicateRejectsIsNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        var pipeline = Pipeline.start("strict", String.class)
                .then("parse", Integer.class, Stage.of(text -> {
                    calls.incrementAndGet();
                    return Integer.valueOf(text);
                }))
                .retry(RetryPolicy.exponential(5).retryOn(error -> error instanceof IOException))
                .build();

        RunResult<Integer> result = fixture.runner().run(pipeline, "r1", "not a number");

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(calls).hasValue(1);
        assertThat(result.record().failure().type()).isEqualTo(NumberFormatException.class.getName());
        assertThat(result.record().failure().message()).contains("not a number");
    }

    @Test
    void aStageOverItsDeadlineIsCancelledCooperativelyAndTheRunSaysDeadlineExceeded() {
        AtomicInteger steps = new AtomicInteger();
        var pipeline = Pipeline.start("slow", String.class)
                .then("train", String.class, (input, context) -> {
                    while (true) {
                        context.checkCancelled();
                        steps.incrementAndGet();
                        fixture.clock.advance(Duration.ofMinutes(1));
                    }
                })
                .deadline(Duration.ofMinutes(10))
                .retry(RetryPolicy.exponential(3))
                .build();

        RunResult<String> result = fixture.runner().run(pipeline, "r1", "data");

        assertThat(result.status()).isEqualTo(RunStatus.DEADLINE_EXCEEDED);
        assertThat(steps).hasValue(11);
        StageRecord train = result.record().stage("train").orElseThrow();
        assertThat(train.status()).isEqualTo(StageStatus.DEADLINE_EXCEEDED);
        assertThat(train.attempts()).as("deadlines are not retried").isEqualTo(1);
        assertThat(result.record().failure().message()).contains("passed the stage (PT10M) deadline");
    }

    @Test
    void aRunDeadlineCoversAllStagesAndStopsBeforeTheNextOne() {
        AtomicInteger evaluated = new AtomicInteger();
        var pipeline = Pipeline.start("slow", String.class)
                .then("train", String.class, Stage.of(input -> {
                    fixture.clock.advance(Duration.ofMinutes(25));
                    return input;
                }))
                .then("evaluate", String.class, Stage.of(input -> input + evaluated.incrementAndGet()))
                .runDeadline(Duration.ofMinutes(20))
                .build();

        RunResult<String> result = fixture.runner().run(pipeline, "r1", "data");

        assertThat(result.status()).isEqualTo(RunStatus.DEADLINE_EXCEEDED);
        assertThat(evaluated).hasValue(0);
        assertThat(result.record().failure().message()).contains("run (PT20M) deadline");
    }

    @Test
    void cancellingARunStopsTheRunningStageAtItsNextCheck() {
        Cancellation cancellation = new Cancellation();
        var pipeline = Pipeline.start("long", String.class)
                .then("train", String.class, (input, context) -> {
                    cancellation.cancel("operator asked");
                    context.checkCancelled();
                    return input;
                })
                .build();

        RunResult<String> result = fixture.runner().run(pipeline, "r1", "data", cancellation);

        assertThat(result.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(result.record().failure().message()).contains("operator asked");
    }

    @Test
    void aThrowingListenerNeverBreaksTheRun() {
        PipelineRunner runner = PipelineRunner.builder(fixture.store).clock(fixture.clock)
                .listener(event -> {
                    throw new IllegalStateException("listener bug");
                })
                .listener(fixture.events::add).build();

        RunResult<Mean> result = runner.run(meanOf().gate(meanAtLeast(1, Outcome.FAIL)).build(), "r1", "1,2");

        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(fixture.eventNames()).containsExactly("RunStarted", "StageStarted", "StageSucceeded",
                "StageStarted", "StageSucceeded", "GateDecided", "RunFinished");
        assertThat(fixture.events.get(fixture.events.size() - 1))
                .isEqualTo(new PipelineEvent.RunFinished("r1", fixture.clock.instant(), RunStatus.SUCCEEDED));
    }

    @Test
    void anOutputTypeWithoutACodecFailsWhenThePipelineIsBuilt() {
        assertThatThrownBy(() -> Pipeline.start("p", String.class)
                .then("open", InputStream.class, Stage.of(text -> InputStream.nullInputStream())).build())
                .isInstanceOf(PipelineDefinitionException.class)
                .hasMessageContaining("stage 'open'")
                .hasMessageContaining("java.io.InputStream")
                .hasMessageContaining("pass a Codec");
    }

    @Test
    void aRecordWithAComponentThatCannotBeReadBackFailsWhenBuilt() {
        record Model(String name, Runnable weights) {
        }
        assertThatThrownBy(() -> Pipeline.start("p", String.class)
                .then("train", Model.class, Stage.of(text -> new Model(text, () -> { }))).build())
                .isInstanceOf(PipelineDefinitionException.class)
                .hasMessageContaining("component 'weights'");
    }

    @Test
    void aGenericOutputNeedsAnExplicitCodecAndWorksWithOne() {
        assertThatThrownBy(() -> Pipeline.start("p", String.class)
                .then("split", List.class, Stage.of(text -> List.of(text))).build())
                .hasMessageContaining("TypeReference");

        var pipeline = Pipeline.start("p", String.class)
                .then("split", Codecs.json(new com.fasterxml.jackson.core.type.TypeReference<List<String>>() { }),
                        Stage.of(text -> List.of(text.split(" "))))
                .build();
        assertThat(fixture.runner().run(pipeline, "r1", "a b").outputOrThrow()).containsExactly("a", "b");
    }

    @Test
    void badDefinitionsAreRefusedWithTheBadValueNamed() {
        assertThatThrownBy(() -> Pipeline.start("../etc", String.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'../etc'");
        assertThatThrownBy(() -> Pipeline.start("p", String.class).gate(text -> null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("then() first");
        assertThatThrownBy(() -> meanOf().then("mean", String.class, Stage.of(Object::toString)))
                .hasMessageContaining("already has a stage named 'mean'");
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, 2, Duration.ZERO, 0, e -> true))
                .hasMessageContaining("maxAttempts must be >= 1, was 0");
        assertThatThrownBy(() -> Pipeline.start("p", String.class).build())
                .isInstanceOf(PipelineDefinitionException.class).hasMessageContaining("no stage");
    }
}
