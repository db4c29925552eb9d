package io.github.mlhighway.lifecycle.core;

import io.github.mlhighway.lifecycle.core.time.SimulatedClock;
import java.time.Instant;

/**
 * The clock of core's own tests: core's {@link SimulatedClock} (every other module's tests use its subclass
 * {@code TestClock} from lifecycle-testkit, which core's tests cannot depend on because the test kit depends on
 * core) with two test conveniences, {@link #set(Instant)} and a {@link #failing(boolean) failure switch}. Like every
 * simulated clock it moves forward only.
 */
public final class SimClock extends SimulatedClock {

    private volatile boolean failing;

    /**
     * A clock at the given instant, UTC.
     *
     * @param start the initial time
     */
    public SimClock(Instant start) {
        super(start);
    }

    /**
     * A clock at {@link SimulatedClock#DEFAULT_START}.
     *
     * @return the clock
     */
    public static SimClock atDefault() {
        return new SimClock(DEFAULT_START);
    }

    /**
     * Moves the clock forward to the instant (an {@link #advanceTo(Instant)} that refuses to go back).
     *
     * @param instant the new time, not before the current one
     * @throws IllegalArgumentException when the instant is before the current time
     */
    public void set(Instant instant) {
        Instant current = super.instant();
        if (instant.isBefore(current)) {
            throw new IllegalArgumentException("A simulated clock only moves forward: cannot set it to " + instant
                    + ", it is " + current + " (start a new SimClock to replay from an earlier time)");
        }
        advanceTo(instant);
    }

    /**
     * While failing, every read throws, as a broken time source would.
     *
     * @param fail whether reads fail from now on
     */
    public void failing(boolean fail) {
        failing = fail;
    }

    @Override
    public Instant instant() {
        if (failing) {
            throw new IllegalStateException("clock unavailable");
        }
        return super.instant();
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }
}
