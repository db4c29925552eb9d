/**
 * Pipelines that resume: {@link io.github.mlhighway.lifecycle.core.pipeline.Pipeline#start Pipeline.start}
 * builds a typed chain of stages and gates with retries and deadlines;
 * {@link io.github.mlhighway.lifecycle.core.pipeline.PipelineRunner} runs it against a Store, checkpointing each
 * completed stage's output through a {@link io.github.mlhighway.lifecycle.pipeline.Codec}, so a run started again
 * with the same id continues after its last completed stage.
 */
@NullMarked
package io.github.mlhighway.lifecycle.core.pipeline;

import org.jspecify.annotations.NullMarked;
