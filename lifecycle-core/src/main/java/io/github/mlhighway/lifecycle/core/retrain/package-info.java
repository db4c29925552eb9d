/**
 * Retraining triggers. {@link io.github.mlhighway.lifecycle.core.retrain.RetrainConditions} builds composable
 * conditions (drift, quality-SLO burn rate or remaining budget, a schedule, a volume of new labelled data, any/all
 * of them; the drift, budget and burn-rate ones are shared with incident policies through
 * {@link io.github.mlhighway.lifecycle.core.condition.Conditions}); a
 * {@link io.github.mlhighway.lifecycle.core.retrain.RetrainTrigger} evaluates one on the host's ticker with hysteresis (the condition must hold for N consecutive evaluations, and the trigger re-arms only after it
 * clears) and a cooldown, calls the host's action (usually a pipeline run) with a
 * {@link io.github.mlhighway.lifecycle.core.retrain.RetrainRequest}, and records every
 * {@link io.github.mlhighway.lifecycle.core.retrain.RetrainDecision} with its reasons.
 */
@NullMarked
package io.github.mlhighway.lifecycle.core.retrain;

import org.jspecify.annotations.NullMarked;
