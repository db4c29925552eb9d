package io.github.mlhighway.lifecycle.core.slo.internal;

/**
 * Collects good and total events of the current time slice and hands every closed slice, empty ones
 * included, to a {@link Sink}. Not thread-safe: the owner serialises access.
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
    private long current = UNSET;
    private long good;
    private long total;

    /**
     * @param sliceMillis slice length in milliseconds
     */
    public SliceAccumulator(long sliceMillis) {
        this.sliceMillis = sliceMillis;
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
        long slice = Math.floorDiv(millis, sliceMillis);
        if (current == UNSET) {
            current = slice;
            return;
        }
        if (slice <= current) {
            return;
        }
        sink.closed(current * sliceMillis, good, total);
        good = 0;
        total = 0;
        long firstEmpty = Math.max(current + 1, Math.floorDiv(oldestUsefulMillis, sliceMillis));
        for (long k = firstEmpty; k < slice; k++) {
            sink.closed(k * sliceMillis, 0, 0);
        }
        current = slice;
    }

    /**
     * The persisted form.
     *
     * @return the state
     */
    public SliceState state() {
        return new SliceState(current, good, total);
    }

    /**
     * Restores a saved state.
     *
     * @param state the state
     */
    public void restore(SliceState state) {
        current = state.current();
        good = state.good();
        total = state.total();
    }

    /**
     * The persisted form of the open slice.
     *
     * @param current index of the open slice
     * @param good    good events in it
     * @param total   all events in it
     */
    public record SliceState(long current, long good, long total) {
    }
}
