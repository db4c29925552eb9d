/**
 * A release analysis source that reads the cohort counts of a fleet from a Prometheus server:
 * {@link io.github.mlhighway.lifecycle.core.release.prometheus.PrometheusCohortStatsSource}, for fleets whose
 * replicas export their guarded models' SLO counters to Prometheus (the Micrometer binding
 * {@link io.github.mlhighway.lifecycle.core.micrometer.SloMeters}). "No data" is a gap of the source, which makes the
 * analysis INCONCLUSIVE with the reason as a finding, never a pass.
 */
package io.github.mlhighway.lifecycle.core.release.prometheus;
