package io.github.mlhighway.lifecycle.release;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where a release analysis reads cohort statistics from: usually the guarded model that serves the traffic.
 *
 * <p>A release controller analyses the <em>difference</em> of two {@link #totals(String) totals} (now and at its
 * previous analysis), so every request and every label is counted in exactly one analysis. Windows
 * ({@link #stats(String, Duration)}) are bucketed and only hold what their owner has distributed, so consecutive
 * windows can leave gaps between them; a source without totals is analysed by windows, with a note saying so.
 *
 * @since 0.1
 */
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

    /**
     * The counts of a cohort since this source started counting (cumulative, not windowed; nothing waits for a
     * tick). {@link CohortStats#window()} is how long the source has been counting: a source that starts afresh
     * (a restarted process) must report a shorter window, which is how a reader of totals recognises a restart.
     * A delayed label is counted when it is joined, not when its prediction was served.
     *
     * <p>The default has no totals (a source that only keeps windows).
     *
     * @param cohort the cohort name
     * @return the totals, all zero for a cohort that saw no traffic yet; empty when this source keeps no totals
     */
    default Optional<CohortStats> totals(String cohort) {
        return Optional.empty();
    }
    /**
     * What this source could not count as of {@code asOf}, one sentence per gap: a replica of a fleet that served
     * traffic but has not reported since, a metrics server that answered "no data" for a query. A release analysis
     * that reads a source with a gap is INCONCLUSIVE (never a pass) and each sentence becomes one of its findings;
     * a failure seen in what was counted still counts.
     *
     * <p>The default has no gaps: a source in this process sees everything it counts.
     *
     * @param asOf when the analysis reads the source
     * @return the gaps, empty when the totals are complete
     */
    default List<String> gaps(Instant asOf) {
        return List.of();
    }

    /**
     * What a reader of this source should know about what was counted as of {@code asOf} without it being a gap,
     * one sentence each: a replica of a fleet that departed, whose counts up to its last report are kept. A release
     * analysis adds each sentence as a WARN finding (the analysis still decides on what was counted).
     *
     * <p>The default has no notes.
     *
     * @param asOf when the analysis reads the source
     * @return the notes, empty when there is nothing to say
     */
    default List<String> notes(Instant asOf) {
        return List.of();
    }
}
