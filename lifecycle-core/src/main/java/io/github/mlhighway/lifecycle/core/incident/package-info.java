/**
 * Incidents and postmortems. {@link io.github.mlhighway.lifecycle.core.incident.IncidentManager} opens an incident
 * when a page-tier burn-rate alert starts firing, a release rolls back or a policy decides to freeze or roll back;
 * keeps one open incident per key (SLO or service), appends every later signal with its numbers to the timeline,
 * persists each change in the {@link io.github.mlhighway.lifecycle.store.Store} with compare-and-set, and closes the
 * incident once its alerts have been quiet for the quiet period.
 * {@link io.github.mlhighway.lifecycle.core.incident.PostmortemWriter} renders a blameless postmortem draft in
 * Markdown.
 */
package io.github.mlhighway.lifecycle.core.incident;
