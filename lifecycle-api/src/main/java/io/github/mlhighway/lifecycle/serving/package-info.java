/**
 * Guarded serving, engine-agnostic: a {@link io.github.mlhighway.lifecycle.serving.GuardedPredictor} answers
 * requests through model versions chosen by a release's traffic plan, with timeouts, a bulkhead and a fallback;
 * {@link io.github.mlhighway.lifecycle.serving.OutputComparator}s judge shadow answers against the primary's, and
 * {@link io.github.mlhighway.lifecycle.serving.LabelJudge}s judge predictions against delayed ground truth. The
 * implementation lives in {@code io.github.mlhighway.lifecycle.core.serving}.
 */
@NullMarked
package io.github.mlhighway.lifecycle.serving;

import org.jspecify.annotations.NullMarked;
