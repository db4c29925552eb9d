/**
 * Guarded serving: {@link io.github.mlhighway.lifecycle.core.serving.GuardedModel} routes calls by a release's
 * traffic plan, records availability, latency and quality SLOs per version and cohort (made from SLO templates, see
 * {@link io.github.mlhighway.lifecycle.core.serving.GuardedModelBuilder}), bounds calls with a bulkhead and timeout,
 * falls back, mirrors to a shadow version, joins delayed labels (fallback answers' too) and watches for drift.
 * Versions can be added and removed while it serves.
 */
@NullMarked
package io.github.mlhighway.lifecycle.core.serving;

import org.jspecify.annotations.NullMarked;
