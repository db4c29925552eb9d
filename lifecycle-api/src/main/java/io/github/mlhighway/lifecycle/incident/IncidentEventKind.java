package io.github.mlhighway.lifecycle.incident;

/**
 * What happened at one point of an incident's timeline.
 *
 * @since 0.1
 */
public enum IncidentEventKind {
    /** The incident was opened. */
    OPENED,
    /** A burn-rate alert tier started firing (or alerting on missing data). */
    ALERT_FIRING,
    /** A burn-rate alert tier that was firing became quiet. */
    ALERT_RESOLVED,
    /** A release was rolled back: traffic went back from one version to another. */
    ROLLBACK,
    /** An error-budget policy decided something (freeze, roll back, page...). */
    POLICY_DECISION,
    /** A model alias (e.g. {@code champion}) moved from one version to another. */
    ALIAS_MOVE,
    /** Input or prediction data drifted. */
    DRIFT,
    /** Someone or something stopped the impact (other than a rollback, which also counts as mitigation). */
    MITIGATED,
    /** A free note. */
    NOTE,
    /** The incident was closed. */
    CLOSED
}
