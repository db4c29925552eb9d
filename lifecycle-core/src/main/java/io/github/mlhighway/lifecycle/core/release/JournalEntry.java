package io.github.mlhighway.lifecycle.core.release;

import io.github.mlhighway.lifecycle.gate.Verdict;
import io.github.mlhighway.lifecycle.policy.PolicyDecision;
import io.github.mlhighway.lifecycle.release.CohortStats;
import io.github.mlhighway.lifecycle.release.ReleaseEventType;
import io.github.mlhighway.lifecycle.release.ReleasePhase;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One decision of a release with its evidence, as kept in the journal for incidents and postmortems.
 *
 * @param at              when (injected clock)
 * @param type            what happened
 * @param phase           the phase after it
 * @param stepIndex       the step after it
 * @param candidateWeight the candidate's share after it, in percent
 * @param message         a sentence with the reason and numbers
 * @param stats           the cohort statistics the decision read (empty when none)
 * @param verdict         the analysis verdict, or null
 * @param policy          the error-budget policy's decision, or null when it was not asked
 * @since 0.1
 */
public record JournalEntry(Instant at, ReleaseEventType type, ReleasePhase phase, int stepIndex,
                           int candidateWeight, String message, List<CohortStats> stats, @Nullable Verdict verdict,
                           @Nullable PolicyDecision policy) {

    /** Validates and copies the components. */
    public JournalEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(message, "message");
        stats = stats == null ? List.of() : List.copyOf(stats);
    }
}
