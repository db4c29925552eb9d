/**
 * Incidents as value types: an {@link io.github.mlhighway.lifecycle.incident.Incident} with its timeline of
 * {@link io.github.mlhighway.lifecycle.incident.IncidentEvent events} (each with a time, a kind, a sentence and the
 * numbers that back it), the budget impact per SLO, and the generic
 * {@link io.github.mlhighway.lifecycle.incident.IncidentEvidence evidence} that releases, policies and people report
 * (rollbacks, policy decisions, alias moves, drift, notes). The manager that opens, deduplicates, persists and
 * closes incidents, and the postmortem renderer, live in {@code io.github.mlhighway.lifecycle.core.incident}.
 */
@NullMarked
package io.github.mlhighway.lifecycle.incident;

import org.jspecify.annotations.NullMarked;
