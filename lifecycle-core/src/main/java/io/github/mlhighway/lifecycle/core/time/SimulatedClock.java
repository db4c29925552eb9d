package io.github.mlhighway.lifecycle.core.time;

import io.github.mlhighway.lifecycle.core.runtime.Lifecycle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A clock that moves only when told to, and tells listeners each time it moves: for replaying history (a year of
 * traffic in seconds) and for tests. Give it to {@code Lifecycle.builder().clock(..)} and connect the runtime with
 * {@link #drive(Lifecycle)}, so every advance ticks the
 * whole runtime the way its scheduler does in production.
 *
 * <pre>{@code
 * SimulatedClock clock = SimulatedClock.at(Instant.parse("2015-01-01T00:00:00Z"));
 * clock.run(Duration.ofDays(1), Duration.ofMinutes(1), minute -> serveOneMinuteOfTraffic(minute));
 * }</pre>
 *
 * <p>{@link #nanoTime()} is a monotonic nano-time source that follows the simulated time (for latency
 * measurements that must not depend on how fast the host runs the replay).
 *
 * <p>Thread-safe: the time is volatile, advances are serialised, and listeners run on the advancing thread.
 *
 * @since 0.1
 */
public class SimulatedClock extends Clock {

    /** The default start of simulated time. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

    private final List<Consumer<Instant>> beforeListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Instant>> afterListeners = new CopyOnWriteArrayList<>();
    private final Instant origin;
    private volatile Instant now;

    /**
     * A clock at the given instant (UTC).
     *
     * @param start the initial time
     */
    protected SimulatedClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
        this.origin = start;
    }

    /**
     * A clock at the given instant, UTC.
     *
     * @param start the initial time
     * @return the clock
     */
    public static SimulatedClock at(Instant start) {
        return new SimulatedClock(start);
    }

    /**
     * Moves the clock forward: notifies the {@link #beforeAdvance} listeners at the current time, moves, then
     * notifies the {@link #onAdvance} listeners at the new time.
     *
     * @param step a non-negative duration
     * @return the new time
     * @throws IllegalArgumentException when the step is negative
     */
    public Instant advance(Duration step) {
        Objects.requireNonNull(step, "step");
        if (step.isNegative()) {
            throw new IllegalArgumentException("A simulated clock only moves forward; step was " + step);
        }
        Instant current = now;
        beforeListeners.forEach(listener -> listener.accept(current));
        Instant next;
        synchronized (this) {
            next = now.plus(step);
            now = next;
        }
        afterListeners.forEach(listener -> listener.accept(next));
        return next;
    }

    /**
     * Moves the clock forward to an instant (no move when it is not later than now).
     *
     * @param target the instant to reach
     * @return the new time
     */
    public Instant advanceTo(Instant target) {
        Instant current = now;
        return target.isAfter(current) ? advance(Duration.between(current, target)) : current;
    }

    /**
     * Moves the clock forward in steps, notifying the listeners after each, and calls {@code eachStep} before
     * each step (to record that step's traffic).
     *
     * @param total    how far to move
     * @param step     the step, positive
     * @param eachStep called with the time at the start of each step
     * @throws IllegalArgumentException when the step is not positive or the total is negative
     */
    public void run(Duration total, Duration step, Consumer<Instant> eachStep) {
        Objects.requireNonNull(eachStep, "eachStep");
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("Step must be positive, was " + step);
        }
        if (total.isNegative()) {
            throw new IllegalArgumentException("Total must not be negative, was " + total);
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
    public SimulatedClock onAdvance(Consumer<Instant> listener) {
        afterListeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * Calls the listener before every advance, with the time about to be left.
     *
     * @param listener receives the current time
     * @return this clock
     */
    public SimulatedClock beforeAdvance(Consumer<Instant> listener) {
        beforeListeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * Drives a runtime built on this clock: before every advance its SLO windows take the events recorded so far
     * (at the time they were recorded), after it the whole runtime ticks at the new time.
     *
     * @param lifecycle the runtime
     * @return this clock
     * @throws IllegalArgumentException when the runtime reads another clock
     */
    public SimulatedClock drive(Lifecycle lifecycle) {
        Objects.requireNonNull(lifecycle, "lifecycle");
        if (lifecycle.clock() != this) {
            throw new IllegalArgumentException("The Lifecycle reads " + lifecycle.clock() + ", not this clock ("
                    + this + "); build it with Lifecycle.builder().clock(thisClock)");
        }
        beforeAdvance(time -> lifecycle.slos().tick());
        return onAdvance(time -> lifecycle.tick());
    }

    /**
     * A monotonic nano-time source that follows this clock: nanoseconds of simulated time since the clock was made.
     *
     * @return the source
     */
    public LongSupplier nanoTime() {
        return () -> {
            Duration elapsed = Duration.between(origin, now);
            return elapsed.toNanos();
        };
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
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
        return getClass().getSimpleName() + "[" + now + "]";
    }

    /** The same time seen in another zone. */
    private static final class ZoneView extends Clock {
        private final SimulatedClock source;
        private final ZoneId zone;

        ZoneView(SimulatedClock source, ZoneId zone) {
            this.source = Objects.requireNonNull(source, "source");
            this.zone = Objects.requireNonNull(zone, "zone");
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
