package io.github.mlhighway.lifecycle.release;

import java.time.Duration;

/** Where a release analysis reads cohort statistics from: usually the guarded model that serves the traffic. */
@FunctionalInterface
public interface CohortStatsSource {

    /**
     * The statistics of a cohort over the newest window.
     *
     * @param cohort the cohort name
     * @param window how far back to look
     * @return the statistics; all zero for a cohort that saw no traffic
     */
    CohortStats stats(String cohort, Duration window);
}
