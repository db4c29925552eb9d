/**
 * A deterministic traffic simulator for guarded models: declare request rate, error rate (or an incident
 * schedule), latency, input drift and label delay over simulated time, run it against a
 * {@link io.github.mlhighway.lifecycle.core.serving.GuardedModel}, and assert on the resulting
 * {@link io.github.mlhighway.lifecycle.testkit.scenario.Timeline} of requests, errors, budgets and alerts.
 * Start at {@link io.github.mlhighway.lifecycle.testkit.scenario.Scenario}.
 */
@NullMarked
package io.github.mlhighway.lifecycle.testkit.scenario;

import org.jspecify.annotations.NullMarked;
