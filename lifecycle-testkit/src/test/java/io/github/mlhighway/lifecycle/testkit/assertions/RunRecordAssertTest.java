package io.github.mlhighway.lifecycle.testkit.assertions;

import static io.github.mlhighway.lifecycle.testkit.assertions.LifecycleAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.pipeline.Failure;
import io.github.mlhighway.lifecycle.pipeline.RunRecord;
import io.github.mlhighway.lifecycle.pipeline.RunStatus;
import io.github.mlhighway.lifecycle.pipeline.StageRecord;
import io.github.mlhighway.lifecycle.pipeline.StageStatus;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunRecordAssertTest {

    private static final Instant T = TestClock.DEFAULT_START;

    private static StageRecord stage(String name, StageStatus status, int attempts, Failure... failures) {
        return new StageRecord(name, "java.lang.String", "json", status, attempts, T, T, null, null, List.of(),
                List.of(failures));
    }

    private static RunRecord run(RunStatus status, int executions, StageRecord... stages) {
        return new RunRecord("run-1", "train", status, "in", null, T, T, executions, List.of(stages), null, null);
    }

    private final RunRecord resumedSuccess = run(RunStatus.SUCCEEDED, 2,
            stage("load", StageStatus.SUCCEEDED, 1),
            stage("fit", StageStatus.SUCCEEDED, 3, new Failure("java.io.IOException", "disk full", 1, T),
                    new Failure("java.io.IOException", "disk full", 2, T)));

    private final RunRecord failedAtFit = run(RunStatus.FAILED, 1,
            stage("load", StageStatus.SUCCEEDED, 1),
            stage("fit", StageStatus.FAILED, 2, new Failure("java.lang.OutOfMemoryError", "heap", 2, T)),
            stage("evaluate", StageStatus.PENDING, 0));

    @Test
    void aSucceededRunSucceededWithEveryStageCompletedAndItsAttemptsCounted() {
        assertThat(resumedSuccess).succeeded().wasResumed().stageCompleted("load").stageCompleted("fit")
                .stageAttempts("fit", 3).stageAttempts("load", 1);
    }

    @Test
    void aFailedRunHasItsStatus() {
        assertThat(failedAtFit).hasStatus(RunStatus.FAILED).stageCompleted("load").stageAttempts("fit", 2);
    }

    @Test
    void expectingSuccessFromAFailedRunShowsTheStageTable() {
        assertThatThrownBy(() -> assertThat(failedAtFit).succeeded())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected run 'run-1' to be SUCCEEDED, but it was FAILED")
                .hasMessageContaining("pipeline 'train'")
                .hasMessageMatching("(?s).*fit\\s+FAILED\\s+2\\s+java.lang.OutOfMemoryError: heap.*")
                .hasMessageMatching("(?s).*evaluate\\s+PENDING\\s+0.*");
    }

    @Test
    void aStageThatDidNotCompleteIsReported() {
        assertThatThrownBy(() -> assertThat(failedAtFit).stageCompleted("evaluate"))
                .hasMessageContaining("Expected stage 'evaluate' of run 'run-1' to have completed, but it was PENDING");
    }

    @Test
    void aWrongAttemptCountIsReported() {
        assertThatThrownBy(() -> assertThat(resumedSuccess).stageAttempts("fit", 1))
                .hasMessageContaining("to have taken 1 attempt(s), but it took 3")
                .hasMessageContaining("disk full");
    }

    @Test
    void anUnknownStageIsReportedWithTheStagesThereAre() {
        assertThatThrownBy(() -> assertThat(resumedSuccess).stageCompleted("deploy"))
                .hasMessageContaining("to have a stage 'deploy', but it has none")
                .hasMessageContaining("load")
                .hasMessageContaining("fit");
    }

    @Test
    void aRunExecutedOnceWasNotResumed() {
        assertThatThrownBy(() -> assertThat(failedAtFit).wasResumed())
                .hasMessageContaining("executed 1 time(s)");
    }
}
