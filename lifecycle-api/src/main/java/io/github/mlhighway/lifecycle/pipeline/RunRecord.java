package io.github.mlhighway.lifecycle.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The durable record of one run, stored as JSON: what ran, how it went, and where it came from.
 *
 * @param runId        the run id
 * @param pipeline     the pipeline name
 * @param status       where the run stands
 * @param inputDigest  SHA-256 of the encoded run input
 * @param outputDigest SHA-256 of the encoded final output, once succeeded
 * @param startedAt    when the run was first started
 * @param endedAt      when its last execution ended, or null while running
 * @param executions   how many times it was started (1, plus one per resume)
 * @param stages       one record per stage, in pipeline order
 * @param provenance   code version, parameters, environment and input data of the last execution
 * @param failure      why the run stopped, when it did not succeed; null otherwise
 * @since 0.1
 */
public record RunRecord(String runId, String pipeline, RunStatus status, String inputDigest,
        @Nullable String outputDigest,
        Instant startedAt, @Nullable Instant endedAt, int executions, List<StageRecord> stages, Provenance provenance,
        @Nullable Failure failure) {

    /** Validates and copies the components. */
    public RunRecord {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
        stages = List.copyOf(stages);
    }

    /**
     * The record of a stage.
     *
     * @param name stage name
     * @return the stage record, or empty when the pipeline has no such stage
     */
    public Optional<StageRecord> stage(String name) {
        return stages.stream().filter(stage -> stage.name().equals(name)).findFirst();
    }

    /** @return the time from the first start to the last end, when ended */
    public Optional<Duration> duration() {
        return endedAt == null ? Optional.empty() : Optional.of(Duration.between(startedAt, endedAt));
    }
}
