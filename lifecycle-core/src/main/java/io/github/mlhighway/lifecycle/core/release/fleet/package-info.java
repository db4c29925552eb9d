/**
 * Releases served by a fleet of JVMs sharing one store.
 *
 * <p>The control plane: {@link io.github.mlhighway.lifecycle.core.release.fleet.ReleaseLease} (one replica at a
 * time drives a release, by compare-and-set on a lease document with an expiry; a replica that takes over fences
 * the journal so a deposed leader cannot write) and {@link io.github.mlhighway.lifecycle.core.release.fleet.FleetRelease}
 * (drives the release while leading, and makes every replica's traffic plan follow the journal, on the store's
 * change notification or by polling).
 *
 * <p>What every replica reports: {@link io.github.mlhighway.lifecycle.core.release.fleet.CountPublisher} writes a
 * replica's cumulative per-cohort counts to the shared store every interval, and
 * {@link io.github.mlhighway.lifecycle.core.release.fleet.FleetCohortStats} sums them for one release controller,
 * naming the replicas that went silent (an INCONCLUSIVE analysis, never a pass).
 */
package io.github.mlhighway.lifecycle.core.release.fleet;
