package io.github.mlhighway.lifecycle.core.slo.internal;

import io.github.mlhighway.lifecycle.core.slo.SloState;

/**
 * Collects good and total events of the current time slice and hands every closed slice, empty ones
 * included, to a {@link Sink}. Not thread-safe: the owner serialises access.
 *
 * @since 0.1
 */
public final class SliceAccumulator {

    /** Receives closed slices. */
    @FunctionalInterface
    public interface Sink {
        /**
         * One closed slice.
         *
         * @param sliceStartMillis the slice's start, epoch ms
         * @param good             good events in it
         * @param total            all events in it, 0 for an empty slice
         */
        void closed(long sliceStartMillis, long good, long total);
    }

    private static final long UNSET = Long.MIN_VALUE;

    private final long sliceMillis;
    private final long offsetMillis;
    private long current = UNSET;
    private long good;
    private long total;

    /**
     * Slices of {@code sliceMillis} that start at {@code offsetMillis} plus a whole number of slices after the
     * epoch (an offset aligns hourly slices to a zone such as Asia/Kolkata, +05:30).
     *
     * @param sliceMillis  slice length in milliseconds
     * @param offsetMillis the alignment of slice starts, in [0, sliceMillis)
     */
    public SliceAccumulator(long sliceMillis, long offsetMillis) {
        this.sliceMillis = sliceMillis;
        this.offsetMillis = Math.floorMod(offsetMillis, sliceMillis);
    }

    /**
     * Adds events that happened at {@code millis}, closing earlier slices first. Events older than the current
     * slice are counted in the current slice (they arrived late).
     *
     * @param millis     when they happened
     * @param goodEvents good events
     * @param allEvents  all events
     * @param oldestUsefulMillis empty slices starting before this are not reported (outside every window)
     * @param sink       receives closed slices
     */
    public void add(long millis, long goodEvents, long allEvents, long oldestUsefulMillis, Sink sink) {
        closeBefore(millis, oldestUsefulMillis, sink);
        good += goodEvents;
        total += allEvents;
    }

    /**
     * Closes every slice that ends at or before {@code millis}.
     *
     * @param millis             the present
     * @param oldestUsefulMillis empty slices starting before this are not reported
     * @param sink               receives closed slices
     */
    public void closeBefore(long millis, long oldestUsefulMillis, Sink sink) {
        long slice = index(millis);
        if (current == UNSET) {
            current = slice;
            return;
        }
        if (slice <= current) {
            return;
        }
        sink.closed(start(current), good, total);
        good = 0;
        total = 0;
        long firstEmpty = Math.max(current + 1, index(oldestUsefulMillis));
        for (long k = firstEmpty; k < slice; k++) {
            sink.closed(start(k), 0, 0);
        }
        current = slice;
    }

    private long index(long millis) {
        return Math.floorDiv(millis - offsetMillis, sliceMillis);
    }

    private long start(long index) {
        return index * sliceMillis + offsetMillis;
    }

    /**
     * The persisted form.
     *
     * @return the state
     */
    public SloState.OpenSlice state() {
        return new SloState.OpenSlice(current, good, total);
    }

    /**
     * Restores a saved state.
     *
     * @param state the state
     */
    public void restore(SloState.OpenSlice state) {
        current = state.index();
        good = state.good();
        total = state.total();
    }
}
