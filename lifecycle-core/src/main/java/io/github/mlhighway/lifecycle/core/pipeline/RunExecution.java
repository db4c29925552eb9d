package io.github.mlhighway.lifecycle.core.pipeline;

import io.github.mlhighway.lifecycle.core.data.profile.DatasetProfile;
import io.github.mlhighway.lifecycle.core.pipeline.RunState.StageState;
import io.github.mlhighway.lifecycle.core.pipeline.internal.ArtifactDigests;
import io.github.mlhighway.lifecycle.core.pipeline.internal.Digests;
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
import io.github.mlhighway.lifecycle.pipeline.Provenance;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/** One execution of a run: restores completed stages, runs the rest with retries, deadlines and gates. */
final class RunExecution {

    private final Pipeline<?, ?> pipeline;
    private final String runId;
    private final RunStore store;
    private final RunnerSettings settings;
    private final Cancellation cancellation;
    private final Clock clock;
    private final Events events;
    private final SliJournal slis;
    private static final String FILE_PREFIX = "file:";
    private static final String UNKNOWN = "unknown";

    private @Nullable RunState state;
    private @Nullable Instant runDeadline;
    private @Nullable Object input;

    RunExecution(Pipeline<?, ?> pipeline, String runId, RunStore store, RunnerSettings settings,
            Cancellation cancellation, SliJournal slis) {
        this.pipeline = pipeline;
        this.runId = runId;
        this.store = store;
        this.settings = settings;
        this.cancellation = cancellation;
        this.clock = settings.clock();
        this.events = settings.events();
        this.slis = slis;
    }

    RunResult<Object> run(Object runInput) {
        this.input = runInput;
        String inputDigest = Digests.sha256(encode(pipeline.inputCodec(), input, "the input of pipeline '"
                + pipeline.name() + "'"));
        Optional<RunRecord> existing = store.load();
        if (existing.isPresent()) {
            state = RunState.resumed(existing.get(), pipeline, inputDigest);
            checkProvenance(existing.get(), input, inputDigest);
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

        Object value = runInput;
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
                value = Objects.requireNonNull(outcome.value(), "a succeeded stage has an output");
            }
            Optional<Failure> stop = decideGates(definition, stage, value, index);
            if (stop.isPresent()) {
                return finish(RunStatus.STOPPED_BY_GATE, stop.get(), null);
            }
        }
        state.outputDigest = state.stages.get(state.stages.size() - 1).outputDigest;
        return finish(RunStatus.SUCCEEDED, null, value);
    }

    private void recordProvenance(Object input, String inputDigest) {
        Objects.requireNonNull(state).codeVersion = settings.codeVersion().version();
        state.codeVersionSource = settings.codeVersion().source();
        state.parameters = pipeline.parameters();
        state.environment = settings.environment();
        state.inputDigests.putAll(inputDigests(input, inputDigest));
    }

    /** The input digests the runner computes itself: the encoded input and, for a file, its content. */
    private static Map<String, String> inputDigests(Object input, String inputDigest) {
        Map<String, String> digests = new TreeMap<>();
        digests.put("input", inputDigest);
        if (input instanceof Path file && Files.isRegularFile(file)) {
            digests.put(FILE_PREFIX + file.getFileName(), Digests.sha256(file));
        }
        return digests;
    }

    /**
     * Refuses to resume a run whose lineage would no longer be true: the checkpointed stages were computed from
     * the recorded input data, parameters and code, so resuming with other ones would mix two provenances under
     * one record. Stage-recorded inputs ({@code StageContext.recordInput}) cannot be recomputed before the stage
     * runs and are not compared; the code version is compared when both are known.
     */
    private void checkProvenance(RunRecord record, Object input, String inputDigest) {
        Provenance recorded = record.provenance();
        if (recorded == null) {
            return;
        }
        String advice = "; it cannot be resumed with a different provenance, start a new run id";
        Map<String, String> current = inputDigests(input, inputDigest);
        Map<String, String> recordedFiles = new TreeMap<>();
        recorded.inputDigests().forEach((name, digest) -> {
            if (name.startsWith(FILE_PREFIX)) {
                recordedFiles.put(name, digest);
            }
        });
        Map<String, String> currentFiles = new TreeMap<>(current);
        currentFiles.remove("input");
        if (!recordedFiles.equals(currentFiles)) {
            throw new PipelineException("Run '" + runId + "' was started on input data " + recordedFiles
                    + " (SHA-256) but is resumed on " + currentFiles + advice);
        }
        if (!recorded.parameters().equals(new TreeMap<>(pipeline.parameters()))) {
            throw new PipelineException("Run '" + runId + "' was started with parameters " + recorded.parameters()
                    + " but is resumed with " + new TreeMap<>(pipeline.parameters()) + advice);
        }
        String code = settings.codeVersion().version();
        if (!UNKNOWN.equals(recorded.codeVersion()) && !UNKNOWN.equals(code)
                && !recorded.codeVersion().equals(code)) {
            throw new PipelineException("Run '" + runId + "' was started with code version "
                    + recorded.codeVersion() + " (" + recorded.codeVersionSource() + ") but is resumed with " + code
                    + " (" + settings.codeVersion().source() + ")" + advice);
        }
    }

    private Object restore(int index, StageDefinition definition) {
        StageState stage = Objects.requireNonNull(state).stages.get(index);
        String digest = Objects.requireNonNull(stage.outputDigest,
                () -> "stage '" + definition.name() + "' of run '" + runId + "' has no checkpointed output");
        byte[] bytes = store.loadOutput(index, definition.name(), digest);
        try {
            Object value = definition.codec().decode(bytes);
            events.emit(() -> new PipelineEvent.StageRestored(runId, clock.instant(), definition.name(), digest));
            return value;
        } catch (Exception e) {
            throw new PipelineException("Cannot decode the checkpointed output of stage '" + definition.name()
                    + "' of run '" + runId + "' with codec " + definition.codec().name() + ": " + e, e);
        }
    }

    private Optional<Failure> decideGates(StageDefinition definition, StageState stage, Object value, int index) {
        for (int g = 0; g < definition.gates().size(); g++) {
            GateStep step = definition.gates().get(g);
            Verdict verdict;
            if (g < stage.verdicts.size() && step.allows(stage.verdicts.get(g).outcome())) {
                verdict = stage.verdicts.get(g);
            } else {
                // A verdict that stopped an earlier execution (the gate threw, was INCONCLUSIVE or FAILed) is
                // decided again: gates are cheap and see the same checkpointed value. The old one is kept.
                verdict = evaluate(step, definition, value, index);
                if (!verdict.hasSubject()) {
                    verdict = verdict.about(subjectOf(definition, stage, value));
                }
                if (g < stage.verdicts.size()) {
                    stage.earlierVerdicts.add(stage.verdicts.get(g));
                    stage.verdicts.set(g, verdict);
                } else {
                    stage.verdicts.add(verdict);
                }
                store.save(Objects.requireNonNull(state).toRecord());
                Verdict decided = verdict;
                events.emit(() -> new PipelineEvent.GateDecided(runId, clock.instant(), definition.name(), decided));
                slis.recordOnce("gate:" + definition.name() + ":" + g, step.slo(), verdict.allowsProceeding());
            }
            if (!step.allows(verdict.outcome())) {
                return Optional.of(new Failure("gate:" + verdict.gate(), verdict.outcome() + " from gate '"
                        + verdict.gate() + "' after stage '" + definition.name() + "'", 0, clock.instant()));
            }
        }
        return Optional.empty();
    }

    private Verdict evaluate(GateStep step, StageDefinition definition, Object value, int index) {
        String name = step.gate().name();
        try {
            Object subject = value;
            if (step.derive() != null) {
                subject = step.derive().apply(value, gateContext(definition, index));
                if (subject == null) {
                    throw new PipelineException("its derivation returned null");
                }
            }
            Verdict verdict = step.gate().evaluate(subject);
            if (verdict == null) {
                throw new PipelineException("gate returned null");
            }
            return verdict;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return new Verdict(name, Outcome.FAIL, java.util.List.of(Finding.note("gate.error", Outcome.FAIL,
                    "Gate '" + name + "' threw " + e)), clock.instant());
        }
    }

    /**
     * What a gate after a stage judged: the stage's file or directory when its output is a {@link Path} (the
     * SHA-256 of each file, named as {@code NewModelVersion.Builder.directory} names them), else its checkpoint.
     */
    private Map<String, String> subjectOf(StageDefinition definition, StageState stage, Object value) {
        if (value instanceof Path path) {
            Map<String, String> files = ArtifactDigests.of(path);
            if (!files.isEmpty()) {
                return files;
            }
        }
        return stage.outputDigest == null ? Map.of() : Map.of(definition.name(), stage.outputDigest);
    }

    /** The context a gate's derivation sees: the stage's, reading every output up to the stage's own. */
    private DefaultStageContext gateContext(StageDefinition definition, int index) {
        return new DefaultStageContext(runId, definition.name(),
                Objects.requireNonNull(state).stages.get(index).attempts, clock,
                runDeadline, "run (" + pipeline.runDeadline().map(Duration::toString).orElse("") + ")",
                cancellation, pipeline.parameters(), state.inputDigests::put, new Outputs(index + 1));
    }

    /** Reads the run input and the outputs of the stages before {@code reader}, from their checkpoints. */
    private final class Outputs implements DefaultStageContext.RunValues {
        private final int reader;

        Outputs(int reader) {
            this.reader = reader;
        }

        @Override
        public Object input() {
            return Objects.requireNonNull(input, "the run input is set when the run starts");
        }

        @Override
        public Object output(String stageName, String readerName) {
            List<String> names = pipeline.stageNames();
            int index = names.indexOf(stageName);
            if (index < 0) {
                throw new IllegalArgumentException("Stage '" + readerName + "' of run '" + runId + "' asked for "
                        + "the output of stage '" + stageName + "', but pipeline '" + pipeline.name()
                        + "' has no such stage; its stages are " + names);
            }
            if (index >= reader) {
                throw new IllegalStateException("Stage '" + readerName + "' of run '" + runId + "' cannot read the "
                        + "output of stage '" + stageName + "': " + (stageName.equals(readerName) ? "it is the "
                        + "stage itself" : "it runs later") + "; only the outputs of " + names.subList(0, reader)
                        + " exist by then");
            }
            StageDefinition definition = pipeline.stages().get(index);
            StageState stage = Objects.requireNonNull(state).stages.get(index);
            byte[] bytes = store.loadOutput(index, definition.name(), Objects.requireNonNull(stage.outputDigest,
                    () -> "stage '" + stageName + "' of run '" + runId + "' has no checkpointed output"));
            try {
                return definition.codec().decode(bytes);
            } catch (Exception e) {
                throw new PipelineException("Cannot decode the checkpointed output of stage '" + stageName
                        + "' of run '" + runId + "' with codec " + definition.codec().name() + ": " + e, e);
            }
        }
    }

    private RunResult<Object> finish(RunStatus status, @Nullable Failure failure, @Nullable Object output) {
        Objects.requireNonNull(state).status = status;
        state.failure = failure;
        Instant ended = clock.instant();
        state.endedAt = ended;
        RunRecord record = state.toRecord();
        store.save(record);
        events.emit(() -> new PipelineEvent.RunFinished(runId, ended, status));
        if (status != RunStatus.CANCELLED) {
            slis.recordOnce("run", pipeline.runSlo().orElse(null), status == RunStatus.SUCCEEDED);
        }
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
    private record StageOutcome(RunStatus status, @Nullable Object value, @Nullable Failure failure) {
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
            @Nullable String inputDigest = index == 0 ? Objects.requireNonNull(state).inputDigest : Objects.requireNonNull(state).stages.get(index - 1).outputDigest;
            while (true) {
                Optional<StageCancelledException> before = context(stage.attempts + 1).stopReason();
                if (before.isPresent()) {
                    return stop(before.get());
                }
                stage.attempts++;
                stage.status = StageStatus.RUNNING;
                Instant started = clock.instant();
                stage.startedAt = started;
                stage.endedAt = null;
                stage.inputDigest = inputDigest;
                store.save(state.toRecord());
                int total = stage.attempts;
                events.emit(() -> new PipelineEvent.StageStarted(runId, started, definition.name(), total));
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
                    @Nullable Failure failure = Failure.of(e, total, clock.instant());
                    Optional<StageCancelledException> stop = context.stopReason();
                    if (stop.isPresent()) {
                        stage.failures.add(failure);
                        return stop(stop.get());
                    }
                    // Attempts are counted over every execution of the run, like StageContext.attempt(): a
                    // resumed run gets one attempt, then retries only while the policy's budget is not spent.
                    if (!definition.retry().shouldRetry(total, e)) {
                        return fail(failure);
                    }
                    Optional<StageCancelledException> stopped = backOff(total, failure);
                    if (stopped.isPresent()) {
                        return stop(stopped.get());
                    }
                    continue;
                }
                return checkpoint(output, total);
            }
        }

        /**
         * Encodes the output, decodes it again and passes on the decoded value, so the next stage sees exactly
         * what it would see after a resume; refuses a codec whose decoded value does not encode to the same bytes.
         */
        private StageOutcome checkpoint(Object output, int total) {
            Codec<Object> codec = definition.codec();
            String what = "the output of stage '" + definition.name() + "' with codec " + codec.name();
            byte[] bytes;
            try {
                bytes = codec.encode(output);
            } catch (Exception e) {
                return fail(new Failure(e.getClass().getName(), "Cannot encode " + what + ": " + e.getMessage(),
                        total, clock.instant()));
            }
            Object decoded;
            byte[] again;
            try {
                decoded = codec.decode(bytes);
                if (decoded == null) {
                    throw new PipelineException("the codec decoded it to null");
                }
                again = codec.encode(decoded);
            } catch (Exception e) {
                return fail(new Failure(e.getClass().getName(), "Cannot read back " + what + " (a resumed run "
                        + "could not use its checkpoint): " + e.getMessage(), total, clock.instant()));
            }
            if (!Arrays.equals(bytes, again)) {
                return fail(new Failure(PipelineException.class.getName(), "Codec " + codec.name() + " is lossy for "
                        + "the output of stage '" + definition.name() + "': decoding and encoding it again gives "
                        + "SHA-256 " + Digests.sha256(again) + " instead of " + Digests.sha256(bytes) + ", so a "
                        + "resumed run would not see what this one saw; give the type a JSON form that reads back "
                        + "every field, or pass a codec that round-trips", total, clock.instant()));
            }
            return succeed(decoded, bytes);
        }

        /**
         * Records a failed attempt and waits before the next one, on the cancellation and no longer than the run's
         * deadline allows.
         *
         * @return why the stage stops instead of retrying, if it does
         */
        private Optional<StageCancelledException> backOff(int attempt, Failure failure) {
            stage.failures.add(failure);
            stage.endedAt = clock.instant();
            Duration delay = definition.retry().delayAfter(attempt, settings.random());
            store.save(Objects.requireNonNull(state).toRecord());
            events.emit(() -> new PipelineEvent.StageRetried(runId, clock.instant(), definition.name(), failure,
                    delay));
            Duration wait = delay;
            boolean deadlineFirst = false;
            if (runDeadline != null) {
                Duration left = Duration.between(clock.instant(), runDeadline);
                if (left.compareTo(delay) < 0) {
                    wait = left.isNegative() ? Duration.ZERO : left;
                    deadlineFirst = true;
                }
            }
            try {
                settings.sleeper().sleep(wait, cancellation);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return Optional.of(new StageCancelledException(RunStatus.CANCELLED, "Run '" + runId
                        + "' was interrupted while waiting to retry stage '" + definition.name() + "'"));
            }
            Optional<StageCancelledException> stop = context(stage.attempts + 1).stopReason();
            if (stop.isPresent() || !deadlineFirst) {
                return stop;
            }
            return Optional.of(new StageCancelledException(RunStatus.DEADLINE_EXCEEDED, "Stage '"
                    + definition.name() + "' of run '" + runId + "' cannot be retried: the backoff of " + delay
                    + " would pass the run deadline " + runDeadline));
        }

        private DefaultStageContext context(int attempt) {
            Instant now = clock.instant();
            Instant stageDeadline = definition.deadline() == null ? null : now.plus(definition.deadline());
            boolean stageFirst = stageDeadline != null && (runDeadline == null || stageDeadline.isBefore(runDeadline));
            Instant deadline = stageFirst ? stageDeadline : runDeadline;
            String source = stageFirst ? "stage (" + definition.deadline() + ")"
                    : "run (" + pipeline.runDeadline().map(Duration::toString).orElse("") + ")";
            return new DefaultStageContext(runId, definition.name(), attempt, clock, deadline, source,
                    cancellation, pipeline.parameters(), Objects.requireNonNull(state).inputDigests::put,
                    new Outputs(index));
        }

        private StageOutcome succeed(Object output, byte[] bytes) {
            String digest = Digests.sha256(bytes);
            store.saveOutput(index, definition.name(), definition.codec(), bytes, digest);
            stage.status = StageStatus.SUCCEEDED;
            Instant ended = clock.instant();
            stage.endedAt = ended;
            stage.outputDigest = digest;
            if (output instanceof DatasetProfile) {
                Objects.requireNonNull(state).profileDigests.put(definition.name(), digest);
            }
            store.save(Objects.requireNonNull(state).toRecord());
            Duration took = Duration.between(Objects.requireNonNull(stage.startedAt, "a running stage has a start"),
                    ended);
            int attempt = stage.attempts;
            events.emit(() -> new PipelineEvent.StageSucceeded(runId, ended, definition.name(), attempt,
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
            Instant ended = clock.instant();
            stage.endedAt = ended;
            StageStatus stageStatus = stage.status;
            store.save(Objects.requireNonNull(state).toRecord());
            events.emit(() -> new PipelineEvent.StageFailed(runId, ended, definition.name(), stageStatus,
                    failure));
            return new StageOutcome(status, null, failure);
        }
    }
}
