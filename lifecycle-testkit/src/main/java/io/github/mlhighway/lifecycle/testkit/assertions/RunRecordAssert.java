package io.github.mlhighway.lifecycle.testkit.assertions;

import io.github.mlhighway.lifecycle.pipeline.RunRecord;
import io.github.mlhighway.lifecycle.pipeline.RunStatus;
import io.github.mlhighway.lifecycle.pipeline.StageRecord;
import io.github.mlhighway.lifecycle.pipeline.StageStatus;
import java.util.Locale;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a pipeline {@link RunRecord}; failure messages show the run and a table of its stages.
 *
 * @since 0.1
 */
public final class RunRecordAssert extends AbstractAssert<RunRecordAssert, RunRecord> {

    /**
     * @param actual the run record under test
     */
    public RunRecordAssert(RunRecord actual) {
        super(actual, RunRecordAssert.class);
    }

    /**
     * Verifies the run {@link RunStatus#SUCCEEDED}.
     *
     * @return this
     */
    public RunRecordAssert succeeded() {
        return hasStatus(RunStatus.SUCCEEDED);
    }

    /**
     * Verifies the run's status.
     *
     * @param expected the status
     * @return this
     */
    public RunRecordAssert hasStatus(RunStatus expected) {
        isNotNull();
        if (actual.status() != expected) {
            failWithMessage("Expected run '%s' to be %s, but it was %s:%n%s", actual.runId(), expected,
                    actual.status(), describe(actual));
        }
        return this;
    }

    /**
     * Verifies the run was resumed at least once (executed more than once).
     *
     * @return this
     */
    public RunRecordAssert wasResumed() {
        isNotNull();
        if (actual.executions() < 2) {
            failWithMessage("Expected run '%s' to have been resumed, but it was executed %d time(s):%n%s",
                    actual.runId(), actual.executions(), describe(actual));
        }
        return this;
    }

    /**
     * Verifies the stage exists and completed ({@link StageStatus#SUCCEEDED}).
     *
     * @param name the stage name
     * @return this
     */
    public RunRecordAssert stageCompleted(String name) {
        StageRecord stage = stage(name);
        if (stage.status() != StageStatus.SUCCEEDED) {
            failWithMessage("Expected stage '%s' of run '%s' to have completed, but it was %s:%n%s", name,
                    actual.runId(), stage.status(), describe(actual));
        }
        return this;
    }

    /**
     * Verifies how many attempts the stage took, over every execution of the run.
     *
     * @param name     the stage name
     * @param attempts the expected number of attempts
     * @return this
     */
    public RunRecordAssert stageAttempts(String name, int attempts) {
        StageRecord stage = stage(name);
        if (stage.attempts() != attempts) {
            failWithMessage("Expected stage '%s' of run '%s' to have taken %d attempt(s), but it took %d:%n%s", name,
                    actual.runId(), attempts, stage.attempts(), describe(actual));
        }
        return this;
    }

    private StageRecord stage(String name) {
        isNotNull();
        Optional<StageRecord> stage = actual.stage(name);
        if (stage.isEmpty()) {
            failWithMessage("Expected run '%s' to have a stage '%s', but it has none:%n%s", actual.runId(), name,
                    describe(actual));
        }
        return stage.orElseThrow();
    }

    /**
     * The run and its stage table, for failure messages.
     *
     * @param run the run
     * @return the text
     */
    static String describe(RunRecord run) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "  run %s of pipeline '%s': %s after %d execution(s)", run.runId(), run.pipeline(), run.status(),
                run.executions()));
        if (run.failure() != null) {
            text.append(String.format(Locale.ROOT, "%n  failure: %s", run.failure()));
        }
        text.append(String.format(Locale.ROOT, "%n  %-24s %-18s %8s  %s", "stage", "status", "attempts",
                "failures / verdicts"));
        for (StageRecord stage : run.stages()) {
            StringBuilder notes = new StringBuilder();
            stage.failures().forEach(f -> notes.append(notes.length() == 0 ? "" : "; ").append(f));
            stage.verdicts().forEach(v -> notes.append(notes.length() == 0 ? "" : "; ").append(v.gate())
                    .append('=').append(v.outcome()));
            text.append(String.format(Locale.ROOT, "%n  %-24s %-18s %8d  %s", stage.name(), stage.status(),
                    stage.attempts(), notes));
        }
        return text.toString();
    }
}
