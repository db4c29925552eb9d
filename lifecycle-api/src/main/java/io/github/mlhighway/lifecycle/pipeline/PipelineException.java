package io.github.mlhighway.lifecycle.pipeline;

/**
 * A pipeline could not be built or run; the message says which pipeline, run or stage, and why.
 *
 * @since 0.1
 */
public class PipelineException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong */
    public PipelineException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause   the underlying failure
     */
    public PipelineException(String message, Throwable cause) {
        super(message, cause);
    }
}
