package io.github.mlhighway.lifecycle.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A hand-moved clock for core's own tests (users get TestClock from the test kit). */
public final class SimClock extends Clock {

    private volatile Instant now;
    private volatile boolean failing;

    public SimClock(Instant start) {
        this.now = start;
    }

    public static SimClock atDefault() {
        return new SimClock(Instant.parse("2026-01-01T00:00:00Z"));
    }

    public void advance(Duration step) {
        now = now.plus(step);
    }

    public void set(Instant instant) {
        now = instant;
    }

    /** While failing, every read throws, as a broken time source would. */
    public void failing(boolean fail) {
        failing = fail;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("SimClock is UTC only");
    }

    @Override
    public Instant instant() {
        if (failing) {
            throw new IllegalStateException("clock unavailable");
        }
        return now;
    }
}
