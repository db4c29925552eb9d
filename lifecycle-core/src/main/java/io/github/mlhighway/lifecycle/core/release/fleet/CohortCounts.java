package io.github.mlhighway.lifecycle.core.release.fleet;

import io.github.mlhighway.lifecycle.release.CohortStats;
import java.time.Duration;

/**
 * One cohort's cumulative counts in a replica's {@link CountReport}: what the replica counted since it started
 * reporting, never a delta.
 *
 * @param requests     requests answered (or attempted)
 * @param errors       of those, failed ones
 * @param slowRequests of those, ones slower than the latency SLO's threshold
 * @param labelled     predictions whose delayed label was joined
 * @param incorrect    of those, wrong ones
 * @since 0.1
 */
public record CohortCounts(long requests, long errors, long slowRequests, long labelled, long incorrect) {

    /** Nothing counted. */
    public static final CohortCounts ZERO = new CohortCounts(0, 0, 0, 0, 0);

    /** Validates the counts: none negative, errors and slow requests within requests, incorrect within labelled. */
    public CohortCounts {
        if (requests < 0 || errors < 0 || slowRequests < 0 || labelled < 0 || incorrect < 0 || errors > requests
                || slowRequests > requests || incorrect > labelled) {
            throw new IllegalArgumentException("Inconsistent cohort counts: requests=" + requests + " errors="
                    + errors + " slow=" + slowRequests + " labelled=" + labelled + " incorrect=" + incorrect);
        }
    }

    /**
     * The counts of a cohort's statistics.
     *
     * @param stats the statistics
     * @return the counts
     */
    public static CohortCounts of(CohortStats stats) {
        return new CohortCounts(stats.requests(), stats.errors(), stats.slowRequests(), stats.labelled(),
                stats.incorrect());
    }

    /**
     * These counts plus others.
     *
     * @param other the others
     * @return the sum
     */
    public CohortCounts plus(CohortCounts other) {
        return new CohortCounts(requests + other.requests, errors + other.errors, slowRequests + other.slowRequests,
                labelled + other.labelled, incorrect + other.incorrect);
    }

    /**
     * These counts minus earlier ones, each field at least zero and the sub-counts clamped to their totals (counters
     * read one after the other can be a call apart).
     *
     * @param earlier the earlier counts
     * @return the difference
     */
    public CohortCounts since(CohortCounts earlier) {
        long r = Math.max(0, requests - earlier.requests);
        long l = Math.max(0, labelled - earlier.labelled);
        return new CohortCounts(r, Math.min(r, Math.max(0, errors - earlier.errors)),
                Math.min(r, Math.max(0, slowRequests - earlier.slowRequests)), l,
                Math.min(l, Math.max(0, incorrect - earlier.incorrect)));
    }

    /**
     * The larger of these and other counts, field by field (still consistent: each sub-count stays within the
     * larger total).
     *
     * @param other the other counts
     * @return the maximum
     */
    public CohortCounts max(CohortCounts other) {
        return new CohortCounts(Math.max(requests, other.requests), Math.max(errors, other.errors),
                Math.max(slowRequests, other.slowRequests), Math.max(labelled, other.labelled),
                Math.max(incorrect, other.incorrect));
    }

    /**
     * These counts as a cohort's statistics.
     *
     * @param cohort the cohort
     * @param window the window they cover
     * @return the statistics
     */
    public CohortStats toStats(String cohort, Duration window) {
        return new CohortStats(cohort, window, requests, errors, slowRequests, labelled, incorrect);
    }
}
