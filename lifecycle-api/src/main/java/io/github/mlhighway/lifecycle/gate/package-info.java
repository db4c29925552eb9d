/**
 * Verdicts and gates: the shape every check in Lifecycle returns and composes with.
 *
 * <p>A {@link io.github.mlhighway.lifecycle.gate.Gate} evaluates a subject and returns a
 * {@link io.github.mlhighway.lifecycle.gate.Verdict}: an outcome plus the
 * {@link io.github.mlhighway.lifecycle.gate.Finding findings} that justify it. Data gates, model gates,
 * error-budget policies and release analyses are all gates.
 */
@NullMarked
package io.github.mlhighway.lifecycle.gate;

import org.jspecify.annotations.NullMarked;
