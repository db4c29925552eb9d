/**
 * The model gate: absolute thresholds and paired champion-versus-challenger comparisons on the same evaluation
 * set, overall and per slice, decided on confidence bounds.
 *
 * <pre>{@code
 * ModelGate gate = ModelGate.builder()
 *     .metric("auc").atLeast(0.70).againstChampion().nonInferiority(0.01).confidence(0.95)
 *     .metric("log_loss").againstChampion().relativeNonInferiority(0.05)
 *     .perSlice(50)
 *     .build();
 * Verdict verdict = gate.evaluate(ModelComparison.binary(labels, challengerP, championP).withSlices(region));
 * }</pre>
 */
@NullMarked
package io.github.mlhighway.lifecycle.core.evaluation.gate;

import org.jspecify.annotations.NullMarked;
