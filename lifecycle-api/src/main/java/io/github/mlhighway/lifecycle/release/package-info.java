/**
 * The contract between serving and progressive delivery: a {@link io.github.mlhighway.lifecycle.release.TrafficPlan}
 * says which model version serves each request (and which one receives mirrored traffic), and a
 * {@link io.github.mlhighway.lifecycle.release.CohortStatsSource} tells a release analysis how each cohort is
 * doing. Guarded serving implements the second and reads the first; a release controller does the opposite,
 * and reports what it does as {@link io.github.mlhighway.lifecycle.release.ReleaseEvent}s in
 * {@link io.github.mlhighway.lifecycle.release.ReleasePhase phases}.
 */
@NullMarked
package io.github.mlhighway.lifecycle.release;

import org.jspecify.annotations.NullMarked;
