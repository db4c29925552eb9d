package io.github.mlhighway.lifecycle.djl;

import io.github.mlhighway.lifecycle.pipeline.RunStatus;
import io.github.mlhighway.lifecycle.pipeline.StageCancelledException;
import io.github.mlhighway.lifecycle.pipeline.StageContext;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A stage context with a given test clock, deadline and cancellation flag, that remembers recorded inputs. Each
 * cancellation check (the training stage makes one before each batch) first moves the clock forward by the
 * per-check step, as a batch of real training would take time.
 */
final class FakeStageContext implements StageContext {

    final Map<String, String> inputs = new LinkedHashMap<>();
    private final TestClock clock;
    private final Instant deadline;
    private final Duration perCheck;
    volatile boolean cancelled;

    FakeStageContext(TestClock clock, Instant deadline) {
        this(clock, deadline, Duration.ZERO);
    }

    FakeStageContext(TestClock clock, Instant deadline, Duration perCheck) {
        this.clock = clock;
        this.deadline = deadline;
        this.perCheck = perCheck;
    }

    @Override
    public String runId() {
        return "run-1";
    }

    @Override
    public String stageName() {
        return "train";
    }

    @Override
    public int attempt() {
        return 1;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Optional<Instant> deadline() {
        return Optional.ofNullable(deadline);
    }

    @Override
    public Map<String, String> parameters() {
        return Map.of();
    }

    @Override
    public boolean isCancelled() {
        clock.advance(perCheck);
        return cancelled || deadline != null && clock.instant().isAfter(deadline);
    }

    @Override
    public void checkCancelled() {
        clock.advance(perCheck);
        if (cancelled) {
            throw new StageCancelledException(RunStatus.CANCELLED, "cancelled by the test");
        }
        if (deadline != null && clock.instant().isAfter(deadline)) {
            throw new StageCancelledException(RunStatus.DEADLINE_EXCEEDED, "deadline " + deadline + " passed");
        }
    }

    @Override
    public void recordInput(String name, String sha256) {
        inputs.put(name, sha256);
    }

    @Override
    public <T> T runInput(Class<T> type) {
        throw new IllegalStateException("FakeStageContext has no pipeline run, so no run input of type "
                + type.getName());
    }

    @Override
    public <T> T output(String stageName, Class<T> type) {
        throw new IllegalArgumentException("FakeStageContext has no pipeline run, so no stage '" + stageName + "'");
    }
}
