/**
 * Releases across a fleet. What every replica reports: {@link io.github.mlhighway.lifecycle.core.release.fleet.CountPublisher}
 * writes a replica's cumulative per-cohort counts to the shared store every interval, and
 * {@link io.github.mlhighway.lifecycle.core.release.fleet.FleetCohortStats} sums them for one release controller,
 * naming the replicas that went silent (an INCONCLUSIVE analysis, never a pass).
 */
package io.github.mlhighway.lifecycle.core.release.fleet;
