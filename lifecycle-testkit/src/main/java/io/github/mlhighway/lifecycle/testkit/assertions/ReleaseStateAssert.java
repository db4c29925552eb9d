package io.github.mlhighway.lifecycle.testkit.assertions;

import io.github.mlhighway.lifecycle.core.release.ReleaseState;
import io.github.mlhighway.lifecycle.release.ReleasePhase;
import java.util.Locale;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link ReleaseState}; failure messages show the state, its counts and its reason.
 *
 * @since 0.1
 */
public final class ReleaseStateAssert extends AbstractAssert<ReleaseStateAssert, ReleaseState> {

    /**
     * @param actual the release state under test
     */
    public ReleaseStateAssert(ReleaseState actual) {
        super(actual, ReleaseStateAssert.class);
    }

    /**
     * Verifies the release is {@link ReleasePhase#PROMOTED}.
     *
     * @return this
     */
    public ReleaseStateAssert isPromoted() {
        return hasPhase(ReleasePhase.PROMOTED);
    }

    /**
     * Verifies the release is {@link ReleasePhase#ROLLED_BACK} and was rolled back at the given step.
     *
     * @param step the step index (0 for the first step)
     * @return this
     */
    public ReleaseStateAssert isRolledBackAtStep(int step) {
        isNotNull();
        if (actual.phase() != ReleasePhase.ROLLED_BACK || actual.stepIndex() != step) {
            failWithMessage("Expected release '%s' to be rolled back at step %d, but it was %s at step %d:%n%s",
                    actual.releaseId(), step, actual.phase(), actual.stepIndex(), describe(actual));
        }
        return this;
    }

    /**
     * Verifies the release's phase.
     *
     * @param expected the phase
     * @return this
     */
    public ReleaseStateAssert hasPhase(ReleasePhase expected) {
        isNotNull();
        if (actual.phase() != expected) {
            failWithMessage("Expected release '%s' to be %s, but it was %s:%n%s", actual.releaseId(), expected,
                    actual.phase(), describe(actual));
        }
        return this;
    }

    /**
     * The state, for failure messages.
     *
     * @param state the state
     * @return the text
     */
    static String describe(ReleaseState state) {
        return String.format(Locale.ROOT, "  release %s (%s): %s -> %s%n  phase:      %s%n"
                        + "  step:       %d (candidate weight %d%%)%n  analyses:   %d at this step, %d failed, "
                        + "%d inconclusive in a row%n  baseline:   %s%n  candidate:  %s%n  reason:     %s",
                state.releaseId(), state.strategy(), state.baselineVersion(), state.candidateVersion(),
                state.phase(), state.stepIndex(), state.candidateWeight(), state.analysesAtStep(), state.failures(),
                state.inconclusives(), state.baselineTotals(), state.candidateTotals(), state.reason());
    }
}
