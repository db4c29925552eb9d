package io.github.mlhighway.lifecycle.slo;

/**
 * What an empty window (or an empty time slice) means. Low-traffic services must choose: silence can be
 * health (no one called) or an outage (no one could).
 *
 * @since 0.1
 */
public enum NoDataPolicy {
    /** No data counts as good: alerts stay quiet, empty slices are good. */
    GOOD,
    /** No data counts as bad: alerts fire, empty slices are bad. */
    BAD,
    /** No data is left out: alerts keep their previous state, empty slices are not counted. */
    IGNORE,
    /** No data raises its own alert state ({@link AlertStatus#NO_DATA}); empty slices are not counted. */
    ALERT
}
