package io.github.mlhighway.lifecycle.pipeline;

/**
 * A pipeline definition is unusable, found when it is built, before any stage runs: a stage output without a
 * codec, a duplicate stage name, a gate with no stage before it.
 *
 * @since 0.1
 */
public class PipelineDefinitionException extends PipelineException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and how to fix it */
    public PipelineDefinitionException(String message) {
        super(message);
    }
}
