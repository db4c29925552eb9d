/**
 * Model evaluation results: metric values with bootstrap confidence intervals, overall and per slice.
 *
 * <p>An {@link io.github.mlhighway.lifecycle.evaluation.Evaluation} holds one
 * {@link io.github.mlhighway.lifecycle.evaluation.MetricSet} for the whole evaluation set and one per slice.
 * Undefined metrics (AUC with one class, an empty slice) are absent from a set's values and listed with the reason
 * instead: a result never holds NaN. {@link io.github.mlhighway.lifecycle.evaluation.StandardMetric} names the
 * built-in metrics and the {@link io.github.mlhighway.lifecycle.evaluation.Direction} in which each improves.
 */
@NullMarked
package io.github.mlhighway.lifecycle.evaluation;

import org.jspecify.annotations.NullMarked;
