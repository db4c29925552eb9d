package io.github.mlhighway.lifecycle.core.release;

import io.github.mlhighway.lifecycle.release.ReleasePhase;
import io.github.mlhighway.lifecycle.release.ReleaseStrategy;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a release stands, exactly as journaled: a restarted controller resumes from this.
 *
 * @param releaseId        the release
 * @param strategy         its strategy
 * @param baselineVersion  the version being replaced
 * @param candidateVersion the version being released
 * @param phase            the phase
 * @param stepIndex        the current step, -1 before the first
 * @param candidateWeight  the candidate's share of traffic in percent
 * @param analysesAtStep   successful analyses at the current step
 * @param failures         failed analyses over the release
 * @param inconclusives    consecutive inconclusive analyses
 * @param nextAnalysisAt   when the next analysis is due
 * @param reason           why the release is in its phase
 * @param baselineTotals   baseline counts summed over every analysis
 * @param candidateTotals  candidate counts summed over every analysis
 * @param mark             the stats source's totals at the previous analysis, which the next one subtracts; null
 *                         when the source keeps no totals (or the journal was written before marks existed)
 * @since 0.1
 */
public record ReleaseState(String releaseId, ReleaseStrategy strategy, String baselineVersion,
                           String candidateVersion, ReleasePhase phase, int stepIndex, int candidateWeight,
                           int analysesAtStep, int failures, int inconclusives, Instant nextAnalysisAt, String reason,
                           CohortTotals baselineTotals, CohortTotals candidateTotals, @Nullable AnalysisMark mark) {

    /** Validates the components. */
    public ReleaseState {
        Objects.requireNonNull(releaseId, "releaseId");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(nextAnalysisAt, "nextAnalysisAt");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(baselineTotals, "baselineTotals");
        Objects.requireNonNull(candidateTotals, "candidateTotals");
    }

    /**
     * A state without an analysis mark (as journaled before marks existed).
     *
     * @param releaseId        the release
     * @param strategy         its strategy
     * @param baselineVersion  the version being replaced
     * @param candidateVersion the version being released
     * @param phase            the phase
     * @param stepIndex        the current step, -1 before the first
     * @param candidateWeight  the candidate's share of traffic in percent
     * @param analysesAtStep   successful analyses at the current step
     * @param failures         failed analyses over the release
     * @param inconclusives    consecutive inconclusive analyses
     * @param nextAnalysisAt   when the next analysis is due
     * @param reason           why the release is in its phase
     * @param baselineTotals   baseline counts summed over every analysis
     * @param candidateTotals  candidate counts summed over every analysis
     */
    public ReleaseState(String releaseId, ReleaseStrategy strategy, String baselineVersion, String candidateVersion,
                        ReleasePhase phase, int stepIndex, int candidateWeight, int analysesAtStep, int failures,
                        int inconclusives, Instant nextAnalysisAt, String reason, CohortTotals baselineTotals,
                        CohortTotals candidateTotals) {
        this(releaseId, strategy, baselineVersion, candidateVersion, phase, stepIndex, candidateWeight,
                analysesAtStep, failures, inconclusives, nextAnalysisAt, reason, baselineTotals, candidateTotals,
                null);
    }

    ReleaseState withPhase(ReleasePhase newPhase, String newReason) {
        return new ReleaseState(releaseId, strategy, baselineVersion, candidateVersion, newPhase, stepIndex,
                candidateWeight, analysesAtStep, failures, inconclusives, nextAnalysisAt, newReason, baselineTotals,
                candidateTotals, mark);
    }

    ReleaseState atStep(int newStep, int weight) {
        return new ReleaseState(releaseId, strategy, baselineVersion, candidateVersion, phase, newStep, weight, 0,
                failures, inconclusives, nextAnalysisAt, reason, baselineTotals, candidateTotals, mark);
    }

    ReleaseState withCounts(int newAnalyses, int newFailures, int newInconclusives) {
        return new ReleaseState(releaseId, strategy, baselineVersion, candidateVersion, phase, stepIndex,
                candidateWeight, newAnalyses, newFailures, newInconclusives, nextAnalysisAt, reason, baselineTotals,
                candidateTotals, mark);
    }

    ReleaseState withSchedule(Instant next) {
        return new ReleaseState(releaseId, strategy, baselineVersion, candidateVersion, phase, stepIndex,
                candidateWeight, analysesAtStep, failures, inconclusives, next, reason, baselineTotals,
                candidateTotals, mark);
    }

    ReleaseState withTotals(CohortTotals baseline, CohortTotals candidate) {
        return new ReleaseState(releaseId, strategy, baselineVersion, candidateVersion, phase, stepIndex,
                candidateWeight, analysesAtStep, failures, inconclusives, nextAnalysisAt, reason, baseline,
                candidate, mark);
    }

    ReleaseState withMark(@Nullable AnalysisMark newMark) {
        return new ReleaseState(releaseId, strategy, baselineVersion, candidateVersion, phase, stepIndex,
                candidateWeight, analysesAtStep, failures, inconclusives, nextAnalysisAt, reason, baselineTotals,
                candidateTotals, newMark);
    }
}
