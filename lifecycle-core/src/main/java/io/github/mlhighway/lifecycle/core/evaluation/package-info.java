/**
 * Model evaluation: classification and regression metrics, per slice, with seeded percentile-bootstrap
 * confidence intervals.
 *
 * <p>Every metric is computed from integer row weights: weight 1 for each row of the evaluation set (or of a
 * slice, 0 elsewhere) gives the point value, and a bootstrap resample is simply the number of times each row was
 * drawn. One sort per model therefore serves every resample, and a paired comparison of two models reuses the
 * same weights for both.
 *
 * <pre>{@code
 * Evaluation e = Evaluator.binary().seed(42).build()
 *     .evaluate(BinaryData.of(labels, probabilities), regionPerRow);
 * double auc = e.metric("auc").orElseThrow().value();
 * }</pre>
 */
@NullMarked
package io.github.mlhighway.lifecycle.core.evaluation;

import org.jspecify.annotations.NullMarked;
