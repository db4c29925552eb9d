/**
 * Progressive delivery: canary, shadow, A/B and blue/green releases as one journaled state machine
 * ({@link io.github.mlhighway.lifecycle.core.release.ReleaseController}) configured by a
 * {@link io.github.mlhighway.lifecycle.core.release.ReleaseConfig}, judged each interval by
 * {@link io.github.mlhighway.lifecycle.core.release.CohortAnalysis}, the error-budget policy and burn-rate alerts,
 * and publishing a sticky, lock-free {@link io.github.mlhighway.lifecycle.core.release.ReleaseTrafficPlan}. Each
 * analysis covers exactly what the cohorts counted since the previous one (the difference of the stats source's
 * cumulative totals, journaled as an {@link io.github.mlhighway.lifecycle.core.release.AnalysisMark}); a delayed
 * label counts in the analysis in which it is joined.
 */
@NullMarked
package io.github.mlhighway.lifecycle.core.release;

import org.jspecify.annotations.NullMarked;
