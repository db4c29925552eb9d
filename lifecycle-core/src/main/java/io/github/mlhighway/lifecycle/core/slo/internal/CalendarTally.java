package io.github.mlhighway.lifecycle.core.slo.internal;

import io.github.mlhighway.lifecycle.core.slo.SloState;
import io.github.mlhighway.lifecycle.slo.TimeWindow;
import java.time.Instant;

/**
 * Running bad and total units for the current period of a calendar window; resets when a new period begins.
 * A calendar month is a calendar month in the window's zone. Not thread-safe: the owner serialises access.
 *
 * @since 0.1
 */
public final class CalendarTally {

    private final TimeWindow.Calendar window;
    private long periodStart = Long.MIN_VALUE;
    private long periodEnd = Long.MIN_VALUE;
    private long bad;
    private long total;

    /**
     * @param window the calendar window
     */
    public CalendarTally(TimeWindow.Calendar window) {
        this.window = window;
    }

    /**
     * Moves to the period containing {@code millis}, resetting the counts when it is a new period.
     *
     * @param millis epoch milliseconds
     */
    public void advanceTo(long millis) {
        if (periodStart != Long.MIN_VALUE && millis < periodEnd) {
            return;
        }
        Instant at = Instant.ofEpochMilli(millis);
        long start = window.periodStart(at).toEpochMilli();
        if (start > periodStart) {
            periodStart = start;
            periodEnd = window.periodEnd(at).toEpochMilli();
            bad = 0;
            total = 0;
        }
    }

    /**
     * Adds units at a time; units from before the current period are dropped.
     *
     * @param millis     when they happened
     * @param badUnits   bad units
     * @param totalUnits all units
     */
    public void add(long millis, long badUnits, long totalUnits) {
        advanceTo(millis);
        if (millis >= periodStart) {
            bad += badUnits;
            total += totalUnits;
        }
    }

    /** @return bad units in the current period */
    public long bad() {
        return bad;
    }

    /** @return all units in the current period */
    public long total() {
        return total;
    }

    /** @return start of the current period, epoch milliseconds */
    public long periodStartMillis() {
        return periodStart;
    }

    /** @return exclusive end of the current period, epoch milliseconds */
    public long periodEndMillis() {
        return periodEnd;
    }

    /**
     * The persisted form.
     *
     * @return the state
     */
    public SloState.Period state() {
        return new SloState.Period(periodStart, periodEnd, bad, total);
    }

    /**
     * Restores a saved state.
     *
     * @param state the state
     */
    public void restore(SloState.Period state) {
        periodStart = state.start();
        periodEnd = state.end();
        bad = state.bad();
        total = state.total();
    }
}
