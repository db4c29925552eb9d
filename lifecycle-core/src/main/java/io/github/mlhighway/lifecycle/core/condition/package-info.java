/**
 * Conditions shared by retraining triggers and incident policies: a
 * {@link io.github.mlhighway.lifecycle.core.condition.Condition} is checked now and answers with a three-valued
 * {@link io.github.mlhighway.lifecycle.core.condition.ConditionResult} (holds, clear, inconclusive) carrying the
 * observed values and thresholds; {@link io.github.mlhighway.lifecycle.core.condition.Conditions} builds drift,
 * error-budget and burn-rate conditions and their any/all/not combinations.
 */
@NullMarked
package io.github.mlhighway.lifecycle.core.condition;

import org.jspecify.annotations.NullMarked;
