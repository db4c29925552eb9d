package io.github.mlhighway.lifecycle.core.pipeline;

import io.github.mlhighway.lifecycle.core.data.profile.DatasetProfile;
import io.github.mlhighway.lifecycle.core.pipeline.RunState.StageState;
import io.github.mlhighway.lifecycle.gate.Finding;
import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.gate.Verdict;
import io.github.mlhighway.lifecycle.pipeline.Codec;
import io.github.mlhighway.lifecycle.pipeline.Failure;
import io.github.mlhighway.lifecycle.pipeline.PipelineEvent;
import io.github.mlhighway.lifecycle.pipeline.PipelineException;
import io.github.mlhighway.lifecycle.pipeline.RunRecord;
import io.github.mlhighway.lifecycle.pipeline.RunStatus;
import io.github.mlhighway.lifecycle.pipeline.StageCancelledException;
import io.github.mlhighway.lifecycle.pipeline.StageStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;

/** One execution of a run: restores completed stages, runs the rest with retries, deadlines and gates. */
final class RunExecution {

    private final Pipeline<?, ?> pipeline;
    private final String runId;
    private final RunStore store;
    private final RunnerSettings settings;
    private final Cancellation cancellation;
    private final Clock clock;
    private final Events events;
    private RunState state;
    private Instant runDeadline;

    RunExecution(Pipeline<?, ?> pipeline, String runId, RunStore store, RunnerSettings settings,
            Cancellation cancellation) {
        this.pipeline = pipeline;
        this.runId = runId;
        this.store = store;
        this.settings = settings;
        this.cancellation = cancellation;
        this.clock = settings.clock();
        this.events = settings.events();
    }

    RunResult<Object> run(Object input) {
        String inputDigest = Digests.sha256(encode(pipeline.inputCodec(), input, "the input of pipeline '"
                + pipeline.name() + "'"));
        Optional<RunRecord> existing = store.load();
        if (existing.isPresent()) {
            state = RunState.resumed(existing.get(), pipeline, inputDigest);
            if (state.status == RunStatus.SUCCEEDED) {
                int last = pipeline.stages().size() - 1;
                return new RunResult<>(existing.get(), restore(last, pipeline.stages().get(last)));
            }
        } else {
            state = RunState.fresh(runId, pipeline, inputDigest, clock.instant());
        }
        recordProvenance(input, inputDigest);
        state.status = RunStatus.RUNNING;
        state.executions++;
        state.endedAt = null;
        state.failure = null;
        store.save(state.toRecord());
        boolean resumed = existing.isPresent();
        Instant started = clock.instant();
        runDeadline = pipeline.runDeadline().map(started::plus).orElse(null);
        events.emit(() -> new PipelineEvent.RunStarted(runId, started, pipeline.name(), resumed));

        Object value = input;
        for (int index = 0; index < pipeline.stages().size(); index++) {
            StageDefinition definition = pipeline.stages().get(index);
            StageState stage = state.stages.get(index);
            if (stage.completed()) {
                value = restore(index, definition);
            } else {
                StageOutcome outcome = new StageAttempts(definition, stage, value, index).run();
                if (outcome.status() != RunStatus.SUCCEEDED) {
                    return finish(outcome.status(), outcome.failure(), null);
                }
                value = outcome.value();
            }
            Optional<Failure> stop = decideGates(definition, stage, value);
            if (stop.isPresent()) {
                return finish(RunStatus.STOPPED_BY_GATE, stop.get(), null);
            }
        }
        state.outputDigest = state.stages.get(state.stages.size() - 1).outputDigest;
        return finish(RunStatus.SUCCEEDED, null, value);
    }

    private void recordProvenance(Object input, String inputDigest) {
        state.codeVersion = settings.codeVersion().version();
        state.codeVersionSource = settings.codeVersion().source();
        state.parameters = pipeline.parameters();
        state.environment = settings.environment();
        state.inputDigests.put("input", inputDigest);
        if (input instanceof Path file && Files.isRegularFile(file)) {
            state.inputDigests.put("file:" + file.getFileName(), Digests.sha256(file));
        }
    }

    private Object restore(int index, StageDefinition definition) {
        StageState stage = state.stages.get(index);
        byte[] bytes = store.loadOutput(index, definition.name(), stage.outputDigest);
        try {
            Object value = definition.codec().decode(bytes);
            events.emit(() -> new PipelineEvent.StageRestored(runId, clock.instant(), definition.name(),
                    stage.outputDigest));
            return value;
        } catch (Exception e) {
            throw new PipelineException("Cannot decode the checkpointed output of stage '" + definition.name()
                    + "' of run '" + runId + "' with codec " + definition.codec().name() + ": " + e, e);
        }
    }

    private Optional<Failure> decideGates(StageDefinition definition, StageState stage, Object value) {
        for (int g = 0; g < definition.gates().size(); g++) {
            GateStep step = definition.gates().get(g);
            Verdict verdict;
            if (g < stage.verdicts.size()) {
                verdict = stage.verdicts.get(g);
            } else {
                verdict = evaluate(step, value);
                stage.verdicts.add(verdict);
                store.save(state.toRecord());
                Verdict decided = verdict;
                events.emit(() -> new PipelineEvent.GateDecided(runId, clock.instant(), definition.name(), decided));
            }
            if (!step.allows(verdict.outcome())) {
                return Optional.of(new Failure("gate:" + verdict.gate(), verdict.outcome() + " from gate '"
                        + verdict.gate() + "' after stage '" + definition.name() + "'", 0, clock.instant()));
            }
        }
        return Optional.empty();
    }

    private Verdict evaluate(GateStep step, Object value) {
        String name = step.gate().name();
        try {
            Verdict verdict = step.gate().evaluate(value);
            if (verdict == null) {
                throw new PipelineException("gate returned null");
            }
            return verdict;
        } catch (RuntimeException e) {
            return new Verdict(name, Outcome.FAIL, java.util.List.of(Finding.note("gate.error", Outcome.FAIL,
                    "Gate '" + name + "' threw " + e)), clock.instant());
        }
    }

    private RunResult<Object> finish(RunStatus status, Failure failure, Object output) {
        state.status = status;
        state.failure = failure;
        state.endedAt = clock.instant();
        RunRecord record = state.toRecord();
        store.save(record);
        events.emit(() -> new PipelineEvent.RunFinished(runId, record.endedAt(), status));
        return new RunResult<>(record, output);
    }

    private static byte[] encode(Codec<Object> codec, Object value, String what) {
        try {
            return codec.encode(value);
        } catch (Exception e) {
            throw new PipelineException("Cannot encode " + what + " with codec " + codec.name() + ": " + e, e);
        }
    }

    /**
     * The result of a stage's attempts.
     *
     * @param status  SUCCEEDED or why the run stops
     * @param value   the output, when succeeded
     * @param failure the failure, otherwise
     */
    private record StageOutcome(RunStatus status, Object value, Failure failure) {
    }

    /** The attempts of one stage in this execution. */
    private final class StageAttempts {
        private final StageDefinition definition;
        private final StageState stage;
        private final Object input;
        private final int index;

        StageAttempts(StageDefinition definition, StageState stage, Object input, int index) {
            this.definition = definition;
            this.stage = stage;
            this.input = input;
            this.index = index;
        }

        StageOutcome run() {
            String inputDigest = index == 0 ? state.inputDigest : state.stages.get(index - 1).outputDigest;
            for (int attempt = 1; ; attempt++) {
                Optional<StageCancelledException> before = context(stage.attempts + 1).stopReason();
                if (before.isPresent()) {
                    return stop(before.get());
                }
                stage.attempts++;
                stage.status = StageStatus.RUNNING;
                stage.startedAt = clock.instant();
                stage.endedAt = null;
                stage.inputDigest = inputDigest;
                store.save(state.toRecord());
                int total = stage.attempts;
                events.emit(() -> new PipelineEvent.StageStarted(runId, stage.startedAt, definition.name(), total));
                DefaultStageContext context = context(total);
                Object output;
                try {
                    output = definition.stage().apply(input, context);
                    if (output == null) {
                        throw new PipelineException("Stage '" + definition.name() + "' returned null");
                    }
                    context.checkCancelled();
                } catch (StageCancelledException e) {
                    return stop(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return stop(context.stopReason().orElseGet(() -> new StageCancelledException(
                            RunStatus.CANCELLED, "Stage '" + definition.name() + "' was interrupted")));
                } catch (Exception e) {
                    Failure failure = Failure.of(e, total, clock.instant());
                    Optional<StageCancelledException> stop = context.stopReason();
                    if (stop.isPresent()) {
                        stage.failures.add(failure);
                        return stop(stop.get());
                    }
                    if (!definition.retry().shouldRetry(attempt, e)) {
                        return fail(failure);
                    }
                    if (!backOff(attempt, failure)) {
                        return stop(new StageCancelledException(RunStatus.CANCELLED, "Run '" + runId
                                + "' was interrupted while waiting to retry stage '" + definition.name() + "'"));
                    }
                    continue;
                }
                byte[] bytes;
                try {
                    bytes = definition.codec().encode(output);
                } catch (Exception e) {
                    return fail(new Failure(e.getClass().getName(), "Cannot encode the output of stage '"
                            + definition.name() + "' with codec " + definition.codec().name() + ": "
                            + e.getMessage(), total, clock.instant()));
                }
                return succeed(output, bytes);
            }
        }

        /** Records a failed attempt and waits before the next one; false when interrupted while waiting. */
        private boolean backOff(int attempt, Failure failure) {
            stage.failures.add(failure);
            stage.endedAt = clock.instant();
            Duration delay = definition.retry().delayAfter(attempt, settings.random());
            store.save(state.toRecord());
            events.emit(() -> new PipelineEvent.StageRetried(runId, clock.instant(), definition.name(), failure,
                    delay));
            try {
                settings.sleeper().sleep(delay);
                return true;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        private DefaultStageContext context(int attempt) {
            Instant now = clock.instant();
            Instant stageDeadline = definition.deadline() == null ? null : now.plus(definition.deadline());
            boolean stageFirst = stageDeadline != null && (runDeadline == null || stageDeadline.isBefore(runDeadline));
            Instant deadline = stageFirst ? stageDeadline : runDeadline;
            String source = stageFirst ? "stage (" + definition.deadline() + ")"
                    : "run (" + pipeline.runDeadline().map(Duration::toString).orElse("") + ")";
            return new DefaultStageContext(runId, definition.name(), attempt, clock, deadline, source,
                    cancellation, pipeline.parameters(), state.inputDigests::put);
        }

        private StageOutcome succeed(Object output, byte[] bytes) {
            String digest = Digests.sha256(bytes);
            store.saveOutput(index, definition.name(), definition.codec(), bytes, digest);
            stage.status = StageStatus.SUCCEEDED;
            stage.endedAt = clock.instant();
            stage.outputDigest = digest;
            if (output instanceof DatasetProfile) {
                state.profileDigests.put(definition.name(), digest);
            }
            store.save(state.toRecord());
            Duration took = Duration.between(stage.startedAt, stage.endedAt);
            int attempt = stage.attempts;
            events.emit(() -> new PipelineEvent.StageSucceeded(runId, stage.endedAt, definition.name(), attempt,
                    took, digest));
            return new StageOutcome(RunStatus.SUCCEEDED, output, null);
        }

        private StageOutcome stop(StageCancelledException reason) {
            Failure failure = Failure.of(reason, stage.attempts, clock.instant());
            stage.status = reason.status() == RunStatus.DEADLINE_EXCEEDED ? StageStatus.DEADLINE_EXCEEDED
                    : StageStatus.CANCELLED;
            stage.failures.add(failure);
            return end(reason.status(), failure);
        }

        private StageOutcome fail(Failure failure) {
            stage.status = StageStatus.FAILED;
            stage.failures.add(failure);
            return end(RunStatus.FAILED, failure);
        }

        private StageOutcome end(RunStatus status, Failure failure) {
            stage.endedAt = clock.instant();
            StageStatus stageStatus = stage.status;
            store.save(state.toRecord());
            events.emit(() -> new PipelineEvent.StageFailed(runId, stage.endedAt, definition.name(), stageStatus,
                    failure));
            return new StageOutcome(status, null, failure);
        }
    }
}
