package io.github.mlhighway.lifecycle.pipeline;

import java.util.Objects;

/**
 * Thrown by {@link StageContext#checkCancelled()}: the stage must stop because of a deadline or cancellation.
 *
 * @since 0.1
 */
public class StageCancelledException extends PipelineException {

    private static final long serialVersionUID = 1L;

    private final RunStatus status;

    /**
     * @param status  {@link RunStatus#DEADLINE_EXCEEDED} or {@link RunStatus#CANCELLED}
     * @param message what stopped the stage
     */
    public StageCancelledException(RunStatus status, String message) {
        super(message);
        this.status = Objects.requireNonNull(status, "status");
        if (status != RunStatus.DEADLINE_EXCEEDED && status != RunStatus.CANCELLED) {
            throw new IllegalArgumentException("status must be DEADLINE_EXCEEDED or CANCELLED, was " + status);
        }
    }

    /** @return DEADLINE_EXCEEDED or CANCELLED */
    public RunStatus status() {
        return status;
    }
}
