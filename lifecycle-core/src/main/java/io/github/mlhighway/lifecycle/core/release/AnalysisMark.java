package io.github.mlhighway.lifecycle.core.release;

import io.github.mlhighway.lifecycle.release.CohortStats;
import java.time.Instant;
import java.util.Objects;

/**
 * The stats source's cumulative {@link io.github.mlhighway.lifecycle.release.CohortStatsSource#totals totals}
 * when a release last read them: the next analysis covers exactly what was counted since. Journaled with the
 * state, so a resumed controller continues where the previous one stopped.
 *
 * @param at        when the totals were read (injected clock)
 * @param baseline  the baseline cohort's totals then
 * @param candidate the candidate cohort's totals then
 * @param stepStart whether a step began at this mark (the next analysis is the step's first)
 * @since 0.1
 */
public record AnalysisMark(Instant at, CohortStats baseline, CohortStats candidate, boolean stepStart) {

    /** Validates the components. */
    public AnalysisMark {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(candidate, "candidate");
    }

    /**
     * This mark as the beginning of a step.
     *
     * @return the same totals with {@code stepStart} set
     */
    AnalysisMark startingStep() {
        return new AnalysisMark(at, baseline, candidate, true);
    }
}
