package io.github.mlhighway.lifecycle.release;

import java.time.Duration;
import java.util.Objects;

/**
 * How one cohort did over a recent window: what a release analysis compares between canary and baseline.
 *
 * @param cohort        the cohort name
 * @param window        the window the numbers cover
 * @param requests      requests answered (or attempted) in the window
 * @param errors        requests that failed (exception, timeout, rejection) in the window
 * @param slowRequests  requests slower than the latency SLO's threshold in the window
 * @param labelled      predictions whose delayed label was joined in the window (counted when joined, not when
 *                      the prediction was served)
 * @param incorrect     of those, the ones the model got wrong
 * @since 0.1
 */
public record CohortStats(String cohort, Duration window, long requests, long errors, long slowRequests,
                          long labelled, long incorrect) {

    /** Validates the components. */
    public CohortStats {
        Objects.requireNonNull(cohort, "cohort");
        Objects.requireNonNull(window, "window");
        if (requests < 0 || errors < 0 || slowRequests < 0 || labelled < 0 || incorrect < 0 || errors > requests
                || slowRequests > requests || incorrect > labelled) {
            throw new IllegalArgumentException("Inconsistent counts for cohort '" + cohort + "': requests="
                    + requests + " errors=" + errors + " slow=" + slowRequests + " labelled=" + labelled
                    + " incorrect=" + incorrect);
        }
    }

    /**
     * The error ratio.
     *
     * @return errors / requests, 0 when there were no requests
     */
    public double errorRatio() {
        return requests == 0 ? 0.0 : (double) errors / requests;
    }
}
