package io.github.mlhighway.lifecycle.pipeline;

/**
 * Receives the events of runs. Called on the thread that runs the pipeline; an exception thrown here is logged
 * and ignored, it never breaks the run.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface PipelineListener {

    /**
     * Called for each event, in order.
     *
     * @param event what happened
     */
    void onEvent(PipelineEvent event);
}
