package io.github.mlhighway.lifecycle.core.pipeline;

import io.github.mlhighway.lifecycle.pipeline.RunStatus;
import io.github.mlhighway.lifecycle.pipeline.StageCancelledException;
import io.github.mlhighway.lifecycle.pipeline.StageContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The context of one stage attempt: deadline from the injected clock, cancellation, input recording, and the run
 * input and earlier outputs.
 */
final class DefaultStageContext implements StageContext {

    private final String runId;
    private final String stageName;
    private final int attempt;
    private final Clock clock;
    private final @Nullable Instant deadline;
    private final String deadlineSource;
    private final Cancellation cancellation;
    private final Map<String, String> parameters;
    private final BiConsumer<String, String> inputs;
    private final RunValues values;

    /** Where a context reads the run input and earlier stages' outputs. */
    interface RunValues {
        /** @return the run input */
        Object input();

        /**
         * @param stageName the stage whose output is wanted
         * @param reader    the stage asking, for messages
         * @return its decoded output
         */
        Object output(String stageName, String reader);
    }

    DefaultStageContext(String runId, String stageName, int attempt, Clock clock, @Nullable Instant deadline,
            String deadlineSource, Cancellation cancellation, Map<String, String> parameters,
            BiConsumer<String, String> inputs, RunValues values) {
        this.runId = runId;
        this.stageName = stageName;
        this.attempt = attempt;
        this.clock = clock;
        this.deadline = deadline;
        this.deadlineSource = deadlineSource;
        this.cancellation = cancellation;
        this.parameters = parameters;
        this.inputs = inputs;
        this.values = values;
    }

    @Override
    public <T> T runInput(Class<T> type) {
        return cast(values.input(), type, "the input of run '" + runId + "'");
    }

    @Override
    public <T> T output(String name, Class<T> type) {
        Objects.requireNonNull(name, "stageName");
        Objects.requireNonNull(type, "type");
        return cast(values.output(name, stageName), type, "the output of stage '" + name + "' of run '" + runId
                + "'");
    }

    private <T> T cast(Object value, Class<T> type, String what) {
        Objects.requireNonNull(type, "type");
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("Stage '" + stageName + "' asked for " + what + " as "
                    + type.getName() + ", but it is a " + value.getClass().getName());
        }
        return type.cast(value);
    }

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public String stageName() {
        return stageName;
    }

    @Override
    public int attempt() {
        return attempt;
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
        return parameters;
    }

    @Override
    public boolean isCancelled() {
        return stopReason().isPresent();
    }

    @Override
    public void checkCancelled() {
        Optional<StageCancelledException> stop = stopReason();
        if (stop.isPresent()) {
            throw stop.get();
        }
    }

    /** @return the exception to stop with, when the stage should stop */
    Optional<StageCancelledException> stopReason() {
        if (cancellation.isCancelled() || Thread.currentThread().isInterrupted()) {
            return Optional.of(new StageCancelledException(RunStatus.CANCELLED, "Run '" + runId + "' was cancelled"
                    + cancellation.reason().map(reason -> ": " + reason).orElse(" (thread interrupted)")
                    + " during stage '" + stageName + "'"));
        }
        if (deadline != null) {
            Instant now = clock.instant();
            if (now.isAfter(deadline)) {
                return Optional.of(new StageCancelledException(RunStatus.DEADLINE_EXCEEDED, "Stage '" + stageName
                        + "' of run '" + runId + "' passed the " + deadlineSource + " deadline " + deadline
                        + " (now " + now + ")"));
            }
        }
        return Optional.empty();
    }

    @Override
    public void recordInput(String name, String sha256) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha256, "sha256");
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("Input '" + name + "': not a lowercase hex SHA-256: " + sha256);
        }
        inputs.accept(name, sha256);
    }
}
