package io.github.mlhighway.lifecycle.core.release;

import io.github.mlhighway.lifecycle.release.CohortStats;

/**
 * Counts of one cohort summed over every analysis window of a release (what the A/B test decides on).
 *
 * @param requests  requests
 * @param errors    failed requests
 * @param labelled  predictions whose label arrived
 * @param incorrect wrong predictions among those
 * @since 0.1
 */
public record CohortTotals(long requests, long errors, long labelled, long incorrect) {

    /** Nothing counted yet. */
    public static final CohortTotals ZERO = new CohortTotals(0, 0, 0, 0);

    /**
     * These totals plus one window.
     *
     * @param stats the window
     * @return the sum
     */
    public CohortTotals plus(CohortStats stats) {
        return new CohortTotals(requests + stats.requests(), errors + stats.errors(), labelled + stats.labelled(),
                incorrect + stats.incorrect());
    }
}
