package io.github.mlhighway.lifecycle.core.release.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One replica incarnation's report for a release: the document it writes to the store every interval (one per
 * release and replica incarnation, replaced in place). The counts are absolute and cumulative since
 * {@code countingSince}, so writing the same report twice, or an older one again, never counts anything twice;
 * a restarted process is a new incarnation with a document of its own, and the one that died keeps its last
 * report.
 *
 * <p>About 260 bytes of JSON plus about 90 per cohort: a canary's two cohorts with seven-digit counts take 434
 * bytes, with the shadow cohort 513.
 *
 * @param format        the document format, {@value #FORMAT}
 * @param releaseId     the release the counts are for
 * @param replica       the replica's stable name
 * @param incarnation   the replica's incarnation
 * @param sequence      the report's number within the incarnation, from 1 (a write attempt uses one)
 * @param countingSince when the incarnation started counting (its publisher was made), on its clock
 * @param reportedAt    when the report was made, on the replica's clock
 * @param every         how often the incarnation reports (readers judge lateness by it)
 * @param last          whether this is the incarnation's final report (it stopped serving and reporting)
 * @param cohorts       the cumulative counts per cohort
 * @since 0.1
 */
public record CountReport(int format, String releaseId, String replica, String incarnation, long sequence,
                          Instant countingSince, Instant reportedAt, Duration every, boolean last,
                          Map<String, CohortCounts> cohorts) {

    /** The document format written by this version. */
    public static final int FORMAT = 1;

    /** Validates the components and copies the cohorts (sorted by name). */
    public CountReport {
        Objects.requireNonNull(releaseId, "releaseId");
        Objects.requireNonNull(replica, "replica");
        Objects.requireNonNull(incarnation, "incarnation");
        Objects.requireNonNull(countingSince, "countingSince");
        Objects.requireNonNull(reportedAt, "reportedAt");
        Objects.requireNonNull(every, "every");
        cohorts = java.util.Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(cohorts, "cohorts")));
        if (sequence < 1) {
            throw new IllegalArgumentException("A count report's sequence starts at 1, was " + sequence);
        }
    }

    /** @return who reported */
    public ReplicaId replicaId() {
        return new ReplicaId(replica, incarnation);
    }

    /**
     * One cohort's counts.
     *
     * @param cohort the cohort
     * @return its counts, zero when the replica counted nothing for it
     */
    public CohortCounts counts(String cohort) {
        return cohorts.getOrDefault(cohort, CohortCounts.ZERO);
    }

    /** @return the requests of every cohort together */
    public long requests() {
        return cohorts.values().stream().mapToLong(CohortCounts::requests).sum();
    }

    /** @return whether the incarnation served any request it reported */
    public boolean servedTraffic() {
        return requests() > 0;
    }
}
