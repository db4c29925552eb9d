package io.github.mlhighway.lifecycle.pipeline;

import io.github.mlhighway.lifecycle.gate.Verdict;
import java.time.Duration;
import java.time.Instant;

/**
 * Something that happened in a run. Every event names its run and carries the instant from the run's clock.
 *
 * @since 0.1
 */
public sealed interface PipelineEvent {

    /** @return the run id */
    String runId();

    /** @return when it happened */
    Instant at();

    /**
     * A run started or resumed.
     *
     * @param runId    run id
     * @param at       when
     * @param pipeline pipeline name
     * @param resumed  true when an earlier execution of this run id was continued
     */
    record RunStarted(String runId, Instant at, String pipeline, boolean resumed) implements PipelineEvent {
    }

    /**
     * A stage attempt started.
     *
     * @param runId   run id
     * @param at      when
     * @param stage   stage name
     * @param attempt attempt number
     */
    record StageStarted(String runId, Instant at, String stage, int attempt) implements PipelineEvent {
    }

    /**
     * A completed stage was not run again: its output was read from its checkpoint.
     *
     * @param runId        run id
     * @param at           when
     * @param stage        stage name
     * @param outputDigest digest of the checkpointed output
     */
    record StageRestored(String runId, Instant at, String stage, String outputDigest) implements PipelineEvent {
    }

    /**
     * A stage attempt succeeded and its output was checkpointed.
     *
     * @param runId        run id
     * @param at           when
     * @param stage        stage name
     * @param attempt      attempt number
     * @param duration     how long the attempt took
     * @param outputDigest digest of the output
     */
    record StageSucceeded(String runId, Instant at, String stage, int attempt, Duration duration,
            String outputDigest) implements PipelineEvent {
    }

    /**
     * A stage attempt failed and will be retried after a delay.
     *
     * @param runId   run id
     * @param at      when
     * @param stage   stage name
     * @param failure why the attempt failed
     * @param delay   the backoff before the next attempt
     */
    record StageRetried(String runId, Instant at, String stage, Failure failure, Duration delay)
            implements PipelineEvent {
    }

    /**
     * A stage failed for good (no attempt left, not retryable, deadline or cancellation).
     *
     * @param runId   run id
     * @param at      when
     * @param stage   stage name
     * @param status  the stage's final status
     * @param failure why
     */
    record StageFailed(String runId, Instant at, String stage, StageStatus status, Failure failure)
            implements PipelineEvent {
    }

    /**
     * A gate decided on a stage's output.
     *
     * @param runId   run id
     * @param at      when
     * @param stage   the stage whose output was judged
     * @param verdict the verdict
     */
    record GateDecided(String runId, Instant at, String stage, Verdict verdict) implements PipelineEvent {
    }

    /**
     * A run execution ended.
     *
     * @param runId  run id
     * @param at     when
     * @param status the run's status
     */
    record RunFinished(String runId, Instant at, RunStatus status) implements PipelineEvent {
    }
}
