package io.github.mlhighway.lifecycle.djl;

import io.github.mlhighway.lifecycle.pipeline.Stage;
import io.github.mlhighway.lifecycle.pipeline.StageContext;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The run's stage context, with simulated work time: every cancellation check (the training stage makes one
 * before each batch) first moves the test clock forward by the step the supplier gives, as a batch of real training
 * would take time. A zero step stops the time.
 */
final class TimePassingContext implements StageContext {

    private final StageContext run;
    private final TestClock clock;
    private final Supplier<Duration> step;

    TimePassingContext(StageContext run, TestClock clock, Supplier<Duration> step) {
        this.run = Objects.requireNonNull(run, "run");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.step = Objects.requireNonNull(step, "step");
    }

    /** The stage, run on a {@link TimePassingContext} around the run's context. */
    static <I, O> Stage<I, O> taking(Stage<I, O> stage, TestClock clock, Supplier<Duration> step) {
        return (input, context) -> stage.apply(input, new TimePassingContext(context, clock, step));
    }

    @Override
    public String runId() {
        return run.runId();
    }

    @Override
    public String stageName() {
        return run.stageName();
    }

    @Override
    public int attempt() {
        return run.attempt();
    }

    @Override
    public Clock clock() {
        return run.clock();
    }

    @Override
    public Optional<Instant> deadline() {
        return run.deadline();
    }

    @Override
    public Map<String, String> parameters() {
        return run.parameters();
    }

    @Override
    public boolean isCancelled() {
        clock.advance(step.get());
        return run.isCancelled();
    }

    @Override
    public void checkCancelled() {
        clock.advance(step.get());
        run.checkCancelled();
    }

    @Override
    public void recordInput(String name, String sha256) {
        run.recordInput(name, sha256);
    }

    @Override
    public <T> T runInput(Class<T> type) {
        return run.runInput(type);
    }

    @Override
    public <T> T output(String stageName, Class<T> type) {
        return run.output(stageName, type);
    }
}
