/**
 * The pipeline API: typed {@link io.github.mlhighway.lifecycle.pipeline.Stage stages} that run with a
 * {@link io.github.mlhighway.lifecycle.pipeline.StageContext}, {@link io.github.mlhighway.lifecycle.pipeline.Codec
 * codecs} that make their outputs durable, the JSON {@link io.github.mlhighway.lifecycle.pipeline.RunRecord run
 * record} with its {@link io.github.mlhighway.lifecycle.pipeline.Provenance provenance}, and the
 * {@link io.github.mlhighway.lifecycle.pipeline.PipelineEvent events} a run emits. The builder and the runner are
 * in {@code lifecycle-core} ({@code io.github.mlhighway.lifecycle.core.pipeline}).
 */
@NullMarked
package io.github.mlhighway.lifecycle.pipeline;

import org.jspecify.annotations.NullMarked;
