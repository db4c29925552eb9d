package io.github.mlhighway.lifecycle.testkit.assertions;

import static io.github.mlhighway.lifecycle.testkit.assertions.LifecycleAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.core.release.CohortTotals;
import io.github.mlhighway.lifecycle.core.release.ReleaseState;
import io.github.mlhighway.lifecycle.release.ReleasePhase;
import io.github.mlhighway.lifecycle.release.ReleaseStrategy;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import org.junit.jupiter.api.Test;

class ReleaseStateAssertTest {

    private static ReleaseState state(ReleasePhase phase, int step, int weight, String reason) {
        return new ReleaseState("churn-v7", ReleaseStrategy.CANARY, "6", "7", phase, step, weight, 1, 0, 0,
                TestClock.DEFAULT_START, reason, new CohortTotals(9_000, 9, 0, 0), new CohortTotals(1_000, 120, 0, 0));
    }

    @Test
    void aPromotedReleaseIsPromoted() {
        assertThat(state(ReleasePhase.PROMOTED, 3, 100, "all steps passed")).isPromoted()
                .hasPhase(ReleasePhase.PROMOTED);
    }

    @Test
    void aReleaseRolledBackAtTheSecondStepIsRolledBackAtStepOne() {
        assertThat(state(ReleasePhase.ROLLED_BACK, 1, 0, "error rate 12% vs 0.1%")).isRolledBackAtStep(1);
    }

    @Test
    void expectingPromotionOfARolledBackReleaseShowsWhy() {
        assertThatThrownBy(() -> assertThat(state(ReleasePhase.ROLLED_BACK, 1, 0, "error rate 12% vs 0.1%"))
                .isPromoted())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected release 'churn-v7' to be PROMOTED, but it was ROLLED_BACK")
                .hasMessageContaining("reason:     error rate 12% vs 0.1%")
                .hasMessageContaining("candidate:  CohortTotals[requests=1000, errors=120");
    }

    @Test
    void aRollbackAtAnotherStepIsReportedWithTheActualStep() {
        assertThatThrownBy(() -> assertThat(state(ReleasePhase.ROLLED_BACK, 2, 0, "page alert"))
                .isRolledBackAtStep(0))
                .hasMessageContaining("to be rolled back at step 0, but it was ROLLED_BACK at step 2");
    }

    @Test
    void aPromotedReleaseWasNotRolledBack() {
        assertThatThrownBy(() -> assertThat(state(ReleasePhase.PROMOTED, 3, 100, "done")).isRolledBackAtStep(3))
                .hasMessageContaining("but it was PROMOTED at step 3")
                .hasMessageContaining("candidate weight 100%");
    }
}
