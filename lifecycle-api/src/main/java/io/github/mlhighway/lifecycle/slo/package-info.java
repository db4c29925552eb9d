/**
 * The SRE layer's vocabulary: SLO definitions ({@link io.github.mlhighway.lifecycle.slo.Slo}), their
 * indicators, windows and budgeting methods, burn-rate alert tiers, and the immutable snapshots the engine
 * reports ({@link io.github.mlhighway.lifecycle.slo.ErrorBudget},
 * {@link io.github.mlhighway.lifecycle.slo.BurnRate}, {@link io.github.mlhighway.lifecycle.slo.AlertState}).
 *
 * <p>The model follows OpenSLO v1: ratio and threshold indicators; Occurrences, Timeslices and
 * RatioTimeslices budgeting; rolling and calendar windows. The engine that records events against these
 * definitions lives in {@code lifecycle-core}.
 */
@NullMarked
package io.github.mlhighway.lifecycle.slo;

import org.jspecify.annotations.NullMarked;
