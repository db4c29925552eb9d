package io.github.mlhighway.lifecycle.testkit.assertions;

import io.github.mlhighway.lifecycle.core.data.drift.DriftReport;
import io.github.mlhighway.lifecycle.core.release.ReleaseState;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.gate.Verdict;
import io.github.mlhighway.lifecycle.pipeline.RunRecord;
import io.github.mlhighway.lifecycle.slo.ErrorBudget;

/**
 * Entry point of the Lifecycle assertions. Import statically next to AssertJ's own {@code assertThat}; the
 * overloads here take only Lifecycle types, so the two never clash. With
 * {@code import static io.github.mlhighway.lifecycle.testkit.assertions.LifecycleAssertions.assertThat;}:
 *
 * <pre>{@code
 * assertThat(gate.evaluate(candidate)).failed().hasFailedFinding("model.accuracy.at_least");
 * assertThat(tracker.budget()).hasRemainingAtLeast(0.5);
 * }</pre>
 *
 * @since 0.1
 */
public final class LifecycleAssertions {

    private LifecycleAssertions() {
    }

    /**
     * Assertions on a gate verdict.
     *
     * @param actual the verdict
     * @return the assertion
     */
    public static VerdictAssert assertThat(Verdict actual) {
        return new VerdictAssert(actual);
    }

    /**
     * Assertions on an error budget.
     *
     * @param actual the budget
     * @return the assertion
     */
    public static ErrorBudgetAssert assertThat(ErrorBudget actual) {
        return new ErrorBudgetAssert(actual);
    }

    /**
     * Assertions on an SLO tracker's alerts and budget.
     *
     * @param actual the tracker
     * @return the assertion
     */
    public static SloTrackerAssert assertThat(SloTracker actual) {
        return new SloTrackerAssert(actual);
    }

    /**
     * Assertions on a pipeline run record.
     *
     * @param actual the record
     * @return the assertion
     */
    public static RunRecordAssert assertThat(RunRecord actual) {
        return new RunRecordAssert(actual);
    }

    /**
     * Assertions on a release state.
     *
     * @param actual the state
     * @return the assertion
     */
    public static ReleaseStateAssert assertThat(ReleaseState actual) {
        return new ReleaseStateAssert(actual);
    }

    /**
     * Assertions on a drift report.
     *
     * @param actual the report
     * @return the assertion
     */
    public static DriftReportAssert assertThat(DriftReport actual) {
        return new DriftReportAssert(actual);
    }
}
