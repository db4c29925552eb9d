package io.github.mlhighway.lifecycle.djl;

import io.github.mlhighway.lifecycle.pipeline.RunStatus;
import io.github.mlhighway.lifecycle.pipeline.StageCancelledException;
import io.github.mlhighway.lifecycle.pipeline.StageContext;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A stage context with a given clock, deadline and cancellation flag, that remembers recorded inputs. */
final class FakeStageContext implements StageContext {

    final Map<String, String> inputs = new LinkedHashMap<>();
    private final Clock clock;
    private final Instant deadline;
    volatile boolean cancelled;

    FakeStageContext(Clock clock, Instant deadline) {
        this.clock = clock;
        this.deadline = deadline;
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
        return cancelled || deadline != null && clock.instant().isAfter(deadline);
    }

    @Override
    public void checkCancelled() {
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
