package io.github.mlhighway.lifecycle.core.pipeline;

import io.github.mlhighway.lifecycle.pipeline.PipelineException;
import io.github.mlhighway.lifecycle.pipeline.RunRecord;
import io.github.mlhighway.lifecycle.pipeline.RunStatus;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a run returns: its record and, when it succeeded, the last stage's output.
 *
 * @param <O> the output type
 * @since 0.1
 */
public final class RunResult<O> {

    private final RunRecord record;
    private final @Nullable O output;

    RunResult(RunRecord record, @Nullable O output) {
        this.record = Objects.requireNonNull(record, "record");
        this.output = output;
    }

    /** @return the run record, as stored */
    public RunRecord record() {
        return record;
    }

    /** @return the run's status */
    public RunStatus status() {
        return record.status();
    }

    /** @return the output, present when the run succeeded */
    public Optional<O> output() {
        return Optional.ofNullable(output);
    }

    /**
     * The output of a successful run.
     *
     * @return the output
     * @throws PipelineException naming the status and failure when the run did not succeed
     */
    public O outputOrThrow() {
        if (output == null) {
            throw new PipelineException("Run '" + record.runId() + "' of pipeline '" + record.pipeline() + "' ended "
                    + record.status() + (record.failure() == null ? "" : ": " + record.failure()));
        }
        return output;
    }

    @Override
    public String toString() {
        return "RunResult[" + record.runId() + " " + record.status() + "]";
    }
}
