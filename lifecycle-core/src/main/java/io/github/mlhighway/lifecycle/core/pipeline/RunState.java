package io.github.mlhighway.lifecycle.core.pipeline;

import io.github.mlhighway.lifecycle.gate.Verdict;
import io.github.mlhighway.lifecycle.pipeline.Failure;
import io.github.mlhighway.lifecycle.pipeline.PipelineException;
import io.github.mlhighway.lifecycle.pipeline.Provenance;
import io.github.mlhighway.lifecycle.pipeline.RunRecord;
import io.github.mlhighway.lifecycle.pipeline.RunStatus;
import io.github.mlhighway.lifecycle.pipeline.StageRecord;
import io.github.mlhighway.lifecycle.pipeline.StageStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** The mutable state of a run while it executes; {@link #toRecord()} snapshots it for the store. */
final class RunState {

    final String runId;
    final String pipeline;
    final String inputDigest;
    final Instant startedAt;
    final List<StageState> stages = new ArrayList<>();
    RunStatus status = RunStatus.RUNNING;
    @Nullable String outputDigest;
    @Nullable Instant endedAt;
    int executions;
    @Nullable Failure failure;
    String codeVersion = "unknown";
    String codeVersionSource = "unknown";
    Map<String, String> parameters = Map.of();
    Map<String, String> environment = Map.of();
    final Map<String, String> inputDigests = new TreeMap<>();
    final Map<String, String> profileDigests = new TreeMap<>();

    private RunState(String runId, String pipeline, String inputDigest, Instant startedAt) {
        this.runId = runId;
        this.pipeline = pipeline;
        this.inputDigest = inputDigest;
        this.startedAt = startedAt;
    }

    static RunState fresh(String runId, Pipeline<?, ?> definition, String inputDigest, Instant now) {
        RunState state = new RunState(runId, definition.name(), inputDigest, now);
        for (StageDefinition stage : definition.stages()) {
            StageState fresh = new StageState(stage.name(), stage.outputType().getName(), stage.codec().name());
            state.stages.add(fresh);
        }
        return state;
    }

    static RunState resumed(RunRecord record, Pipeline<?, ?> definition, String inputDigest) {
        if (!record.pipeline().equals(definition.name())) {
            throw new PipelineException("Run '" + record.runId() + "' belongs to pipeline '" + record.pipeline()
                    + "', not '" + definition.name() + "'; use another run id");
        }
        List<String> recorded = record.stages().stream().map(StageRecord::name).toList();
        if (!recorded.equals(definition.stageNames())) {
            throw new PipelineException("Run '" + record.runId() + "' was started with stages " + recorded
                    + " but pipeline '" + definition.name() + "' now has " + definition.stageNames()
                    + "; it cannot be resumed, use another run id");
        }
        if (!record.inputDigest().equals(inputDigest)) {
            throw new PipelineException("Run '" + record.runId() + "' was started with an input of SHA-256 "
                    + record.inputDigest() + " but is resumed with " + inputDigest + "; use another run id");
        }
        RunState state = new RunState(record.runId(), record.pipeline(), record.inputDigest(), record.startedAt());
        state.status = record.status();
        state.outputDigest = record.outputDigest();
        state.endedAt = record.endedAt();
        state.executions = record.executions();
        state.failure = record.failure();
        if (record.provenance() != null) {
            state.inputDigests.putAll(record.provenance().inputDigests());
            state.profileDigests.putAll(record.provenance().profileDigests());
        }
        for (StageRecord stage : record.stages()) {
            state.stages.add(StageState.from(stage));
        }
        return state;
    }

    RunRecord toRecord() {
        Provenance provenance = new Provenance(codeVersion, codeVersionSource, parameters, environment,
                inputDigests, profileDigests);
        return new RunRecord(runId, pipeline, status, inputDigest, outputDigest, startedAt, endedAt, executions,
                stages.stream().map(StageState::toRecord).toList(), provenance, failure);
    }

    /** One stage's mutable state. */
    static final class StageState {
        final String name;
        final String outputType;
        final String codec;
        StageStatus status = StageStatus.PENDING;
        int attempts;
        @Nullable Instant startedAt;
        @Nullable Instant endedAt;
        @Nullable String inputDigest;
        @Nullable String outputDigest;
        final List<Verdict> verdicts = new ArrayList<>();
        final List<Failure> failures = new ArrayList<>();
        final List<Verdict> earlierVerdicts = new ArrayList<>();

        StageState(String name, String outputType, String codec) {
            this.name = name;
            this.outputType = outputType;
            this.codec = codec;
        }

        static StageState from(StageRecord record) {
            StageState state = new StageState(record.name(), record.outputType(), record.codec());
            state.status = record.status();
            state.attempts = record.attempts();
            state.startedAt = record.startedAt();
            state.endedAt = record.endedAt();
            state.inputDigest = record.inputDigest();
            state.outputDigest = record.outputDigest();
            state.verdicts.addAll(record.verdicts());
            state.failures.addAll(record.failures());
            state.earlierVerdicts.addAll(record.earlierVerdicts());
            return state;
        }

        boolean completed() {
            return status == StageStatus.SUCCEEDED && outputDigest != null;
        }

        StageRecord toRecord() {
            return new StageRecord(name, outputType, codec, status, attempts, startedAt, endedAt, inputDigest,
                    outputDigest, verdicts, failures, earlierVerdicts);
        }
    }
}
