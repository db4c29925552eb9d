package io.github.mlhighway.lifecycle.incident;

/**
 * Whether an incident is still being handled.
 *
 * @since 0.1
 */
public enum IncidentStatus {
    /** Opened and not yet recovered: new signals for its key are appended to it. */
    OPEN,
    /** Recovered: every alert has been quiet for the quiet period, or someone closed it. */
    CLOSED
}
