package io.github.mlhighway.lifecycle.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A hand-moved clock for core's own tests (users get TestClock from the test kit). */
public final class SimClock extends Clock {

    private volatile Instant now;

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
        return now;
    }
}
