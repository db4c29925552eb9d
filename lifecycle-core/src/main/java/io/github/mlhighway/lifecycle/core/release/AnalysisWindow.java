package io.github.mlhighway.lifecycle.core.release;

import io.github.mlhighway.lifecycle.gate.Finding;
import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.release.CohortStats;
import io.github.mlhighway.lifecycle.release.CohortStatsSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What one analysis covers: the stats source's cumulative totals now minus those at the previous analysis (the
 * {@link AnalysisMark}), so consecutive analyses neither overlap nor leave gaps. A source whose totals went down,
 * or whose counting started after the mark's did, has restarted: the analysis then covers all it counted since
 * the restart, and a note says that what arrived between the previous analysis and the restart is lost. A source
 * without totals is read by windows of one interval, with a note saying that windows can leave gaps. Every
 * {@link CohortStatsSource#gaps gap} the source reports becomes an INCONCLUSIVE finding, every
 * {@link CohortStatsSource#notes note} a WARN finding. A later counting start is a restart only when the previous
 * totals counted something: from all-zero totals the difference is the new totals whichever source counted them
 * (a fleet whose first replica reports after the previous analysis, see {@code FleetCohortStats}).
 *
 * @param baseline  the baseline cohort's counts in the analysis
 * @param candidate the candidate cohort's counts in the analysis
 * @param mark      the totals to subtract next time, null for a source without totals
 * @param notes     findings about the window itself (restart, windowed source), for the verdict
 */
record AnalysisWindow(CohortStats baseline, CohortStats candidate, @Nullable AnalysisMark mark, List<Finding> notes) {

    /** A later counting start than this (beyond rounding) means the source is a new one. */
    private static final Duration RESTART_TOLERANCE = Duration.ofSeconds(1);

    AnalysisWindow {
        notes = List.copyOf(notes);
    }

    List<CohortStats> evidence() {
        return List.of(baseline, candidate);
    }

    /**
     * The source's totals now, as a mark (no analysis), or null when the source keeps none.
     */
    static @Nullable AnalysisMark mark(CohortStatsSource source, ReleaseConfig config, Instant now) {
        Optional<CohortStats> base = source.totals(config.baselineCohort());
        Optional<CohortStats> cand = source.totals(config.candidateCohort());
        return base.isPresent() && cand.isPresent() ? new AnalysisMark(now, base.get(), cand.get(), false) : null;
    }

    /**
     * Reads what arrived since {@code previous}.
     *
     * @param previous the mark of the previous analysis, null when there is none (a source without totals, or a
     *                 journal written before marks existed)
     */
    static AnalysisWindow since(CohortStatsSource source, ReleaseConfig config, @Nullable AnalysisMark previous,
            Instant now) {
        AnalysisMark next = mark(source, config, now);
        List<Finding> notes = new ArrayList<>();
        for (String gap : source.gaps(now)) {
            notes.add(Finding.note("stats.gap", Outcome.INCONCLUSIVE, gap));
        }
        for (String note : source.notes(now)) {
            notes.add(Finding.note("stats.note", Outcome.WARN, note));
        }
        if (next == null) {
            notes.add(Finding.note("stats.windowed", Outcome.PASS, "the stats source keeps no totals: read windows"
                    + " of " + config.interval() + ", which can miss events recorded near their edges"));
            return new AnalysisWindow(source.stats(config.baselineCohort(), config.interval()),
                    source.stats(config.candidateCohort(), config.interval()), null, notes);
        }
        CohortStats base = part(next.baseline(), previous == null ? null : previous.baseline(),
                previous == null ? null : previous.at(), now, notes);
        CohortStats cand = part(next.candidate(), previous == null ? null : previous.candidate(),
                previous == null ? null : previous.at(), now, notes);
        return new AnalysisWindow(base, cand, next, notes);
    }

    private static CohortStats part(CohortStats now, @Nullable CohortStats then, @Nullable Instant thenAt, Instant at,
                                    List<Finding> notes) {
        if (then == null) {
            notes.add(Finding.note("stats.start", Outcome.WARN, "no totals of cohort '" + now.cohort() + "' were"
                    + " journaled at the previous analysis: this analysis covers everything the source counted ("
                    + now.window() + ")"));
            return now;
        }
        Instant startedThen = Objects.requireNonNull(thenAt).minus(then.window());
        Instant startedNow = at.minus(now.window());
        boolean lower = now.requests() < then.requests() || now.errors() < then.errors()
                || now.slowRequests() < then.slowRequests() || now.labelled() < then.labelled()
                || now.incorrect() < then.incorrect();
        boolean countedBefore = then.requests() > 0 || then.labelled() > 0;
        if (lower || (countedBefore && startedNow.isAfter(startedThen.plus(RESTART_TOLERANCE)))) {
            notes.add(Finding.note("stats.restart", Outcome.WARN, "the stats source restarted since the previous"
                    + " analysis at " + thenAt + " (cohort '" + now.cohort() + "' counts "
                    + (lower ? "went down" : "since " + startedNow) + "): this analysis covers what it counted since"
                    + " the restart (" + now.requests() + " requests, " + now.labelled() + " labels in "
                    + now.window() + "); what arrived between the previous analysis and the restart is lost"));
            return now;
        }
        long requests = now.requests() - then.requests();
        // The counters are read one after the other: clamp so a call recorded in between cannot break invariants.
        long errors = Math.min(requests, now.errors() - then.errors());
        long slow = Math.min(requests, now.slowRequests() - then.slowRequests());
        long labelled = now.labelled() - then.labelled();
        long incorrect = Math.min(labelled, now.incorrect() - then.incorrect());
        return new CohortStats(now.cohort(), Duration.between(thenAt, at), requests, errors, slow, labelled,
                incorrect);
    }
}
