package io.github.mlhighway.lifecycle.testkit;

import io.github.mlhighway.lifecycle.core.runtime.Lifecycle;
import io.github.mlhighway.lifecycle.core.slo.SloRegistry;
import io.github.mlhighway.lifecycle.core.time.SimulatedClock;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A clock that moves only when told to, and tells listeners each time it moves (core's {@link SimulatedClock} with
 * test conveniences). Hand it to {@code Lifecycle.builder().clock(..)} and connect the runtime with
 * {@link #drive(Lifecycle)}, so every advance ticks the whole runtime the way its scheduler does in production; an
 * {@link SloRegistry} on its own is connected with {@link #drive(SloRegistry)}.
 *
 * <pre>{@code
 * TestClock clock = TestClock.at(Instant.parse("2026-01-01T00:00:00Z"));
 * Lifecycle lifecycle = Lifecycle.builder().clock(clock).build();
 * clock.drive(lifecycle);
 * SloTracker tracker = lifecycle.slo(Slo.ratio("checkout").objective(0.999).build());
 * tracker.record(false);
 * clock.advance(Duration.ofMinutes(1));   // the bad event lands in the minute it was recorded
 * }</pre>
 *
 * Thread-safe: the time is volatile and listeners run on the advancing thread.
 *
 * @since 0.1
 */
public final class TestClock extends SimulatedClock {

    /** The default start of simulated time. */
    public static final Instant DEFAULT_START = SimulatedClock.DEFAULT_START;

    private TestClock(Instant start) {
        super(start);
    }

    /**
     * A clock at {@link #DEFAULT_START}, UTC.
     *
     * @return the clock
     */
    public static TestClock create() {
        return at(DEFAULT_START);
    }

    /**
     * A clock at the given instant, UTC.
     *
     * @param start the initial time
     * @return the clock
     */
    public static TestClock at(Instant start) {
        return new TestClock(start);
    }

    @Override
    public TestClock onAdvance(Consumer<Instant> listener) {
        super.onAdvance(listener);
        return this;
    }

    @Override
    public TestClock beforeAdvance(Consumer<Instant> listener) {
        super.beforeAdvance(listener);
        return this;
    }

    /**
     * Ticks the registry before and after every advance: events recorded since the last advance are
     * distributed at the simulated time they were recorded, then the windows move to the new time.
     *
     * @param registry the SLO registry
     * @return this clock
     */
    public TestClock drive(SloRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        beforeAdvance(time -> registry.tick());
        return onAdvance(time -> registry.tick());
    }

    /**
     * Drives the whole runtime: before every advance its SLO windows take the events recorded so far (at the time
     * they were recorded), after it the runtime ticks at the new time (SLOs, models, releases, incidents,
     * retraining, report), so days of simulated time run in milliseconds.
     *
     * @param lifecycle the runtime, built on this clock
     * @return this clock
     * @throws IllegalArgumentException when the runtime reads another clock
     */
    public TestClock drive(Lifecycle lifecycle) {
        Objects.requireNonNull(lifecycle, "lifecycle");
        super.drive(lifecycle);
        return this;
    }
}
