package io.github.mlhighway.lifecycle.djl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A fake clock that moves forward by a fixed step every time it is read, while stepping is on. */
final class SteppingClock extends Clock {

    static final Instant START = Instant.parse("2024-06-01T00:00:00Z");

    private final Duration step;
    private Instant now = START;
    private boolean stepping = true;
    private int reads;

    SteppingClock(Duration step) {
        this.step = step;
    }

    void stepping(boolean value) {
        this.stepping = value;
    }

    int reads() {
        return reads;
    }

    @Override
    public synchronized Instant instant() {
        reads++;
        if (stepping) {
            now = now.plus(step);
        }
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}
