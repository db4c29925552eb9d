package io.github.mlhighway.lifecycle.testkit;

import io.github.mlhighway.lifecycle.core.slo.SloRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A clock that moves only when told to, and tells listeners each time it moves. Hand it to Lifecycle objects
 * instead of the system clock; connect an {@link SloRegistry} with {@link #drive(SloRegistry)} so every
 * advance ticks the SLO windows, the way a scheduler does in production.
 *
 * <pre>{@code
 * TestClock clock = TestClock.at(Instant.parse("2026-01-01T00:00:00Z"));
 * SloRegistry slos = SloRegistry.create(clock);
 * clock.drive(slos);
 * tracker.record(false);
 * clock.advance(Duration.ofMinutes(1));   // the bad event lands in the minute it was recorded
 * }</pre>
 *
 * Thread-safe: the time is volatile and listeners run on the advancing thread.
 */
public final class TestClock extends Clock {

    /** The default start of simulated time. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

    private final ZoneId zone;
    private final List<Consumer<Instant>> beforeListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Instant>> listeners;
    private volatile Instant now;

    private TestClock(Instant start, ZoneId zone, List<Consumer<Instant>> listeners) {
        this.now = Objects.requireNonNull(start, "start");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.listeners = listeners;
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
        return new TestClock(start, ZoneOffset.UTC, new CopyOnWriteArrayList<>());
    }

    /**
     * Moves the clock forward: notifies the {@link #beforeAdvance} listeners at the current time, moves, then
     * notifies the {@link #onAdvance} listeners at the new time.
     *
     * @param step a non-negative duration
     * @return the new time
     */
    public Instant advance(Duration step) {
        if (step.isNegative()) {
            throw new IllegalArgumentException("A test clock only moves forward; step was " + step);
        }
        Instant current = now;
        beforeListeners.forEach(listener -> listener.accept(current));
        Instant next;
        synchronized (this) {
            next = now.plus(step);
            now = next;
        }
        listeners.forEach(listener -> listener.accept(next));
        return next;
    }

    /**
     * Moves the clock forward in steps, notifying the listeners after each, and calls {@code eachStep} before
     * each step (to record that step's traffic).
     *
     * @param total    how far to move
     * @param step     the step, positive
     * @param eachStep called with the time at the start of each step
     */
    public void run(Duration total, Duration step, Consumer<Instant> eachStep) {
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("Step must be positive, was " + step);
        }
        Instant end = now.plus(total);
        while (now.isBefore(end)) {
            eachStep.accept(now);
            Duration remaining = Duration.between(now, end);
            advance(remaining.compareTo(step) < 0 ? remaining : step);
        }
    }

    /**
     * Calls the listener after every advance.
     *
     * @param listener receives the new time
     * @return this clock
     */
    public TestClock onAdvance(Consumer<Instant> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * Calls the listener before every advance, with the time about to be left.
     *
     * @param listener receives the current time
     * @return this clock
     */
    public TestClock beforeAdvance(Consumer<Instant> listener) {
        beforeListeners.add(Objects.requireNonNull(listener, "listener"));
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

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new ZoneView(this, newZone);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public long millis() {
        return now.toEpochMilli();
    }

    @Override
    public String toString() {
        return "TestClock[" + now + "]";
    }

    /** The same time seen in another zone. */
    private static final class ZoneView extends Clock {
        private final TestClock source;
        private final ZoneId zone;

        ZoneView(TestClock source, ZoneId zone) {
            this.source = source;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId newZone) {
            return new ZoneView(source, newZone);
        }

        @Override
        public Instant instant() {
            return source.instant();
        }
    }
}
