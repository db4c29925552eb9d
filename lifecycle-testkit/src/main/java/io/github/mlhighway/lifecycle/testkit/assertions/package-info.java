/**
 * AssertJ-style assertions for Lifecycle results, entered through
 * {@link io.github.mlhighway.lifecycle.testkit.assertions.LifecycleAssertions#assertThat}: gate verdicts, error
 * budgets, SLO alerts, pipeline run records, release states and drift reports. A failing assertion's message
 * carries the evidence: the verdict's findings, the budget's numbers, the alert tiers, the stage table, the drift
 * table.
 */
@NullMarked
package io.github.mlhighway.lifecycle.testkit.assertions;

import org.jspecify.annotations.NullMarked;
