/**
 * Guarded serving: {@link io.github.mlhighway.lifecycle.core.serving.GuardedModel} routes calls by a release's
 * traffic plan, records availability, latency and quality SLIs per version and cohort, bounds calls with a
 * bulkhead and timeout, falls back, mirrors to a shadow version, joins delayed labels and watches for drift.
 */
package io.github.mlhighway.lifecycle.core.serving;
