/**
 * Incidents and postmortems. {@link io.github.mlhighway.lifecycle.core.incident.IncidentManager} opens an incident
 * when a page-tier burn-rate alert starts firing, a release rolls back (through its
 * {@link io.github.mlhighway.lifecycle.core.incident.IncidentManager#releaseListener() release listener}, one
 * incident per release), a policy decides to freeze or roll back, or an
 * {@link io.github.mlhighway.lifecycle.core.incident.IncidentPolicy}'s declared open rule has held for its number of
 * consecutive evaluations; keeps one open incident per key (SLO or service), appends every later signal with its
 * numbers to the timeline (a flapping alert tier is counted, not listed row by row), records evidence with an
 * idempotency id once across processes, persists each change in the
 * {@link io.github.mlhighway.lifecycle.store.Store} with compare-and-set, and closes the incident once its alerts
 * have been quiet for the quiet period, or when the policy that opened it says so.
 * {@link io.github.mlhighway.lifecycle.core.incident.PostmortemWriter} renders a blameless postmortem draft in
 * Markdown.
 */
@NullMarked
package io.github.mlhighway.lifecycle.core.incident;

import org.jspecify.annotations.NullMarked;
