package io.github.mlhighway.lifecycle.testkit.arbitraries;

import java.util.List;
import java.util.Objects;

/**
 * A stream of events, one entry per simulated second: how many were good and how many bad.
 *
 * @param seconds the per-second counts, in time order
 * @since 0.1
 */
public record EventStream(List<Second> seconds) {

    /**
     * The counts of one second.
     *
     * @param good good events in that second, not negative
     * @param bad  bad events in that second, not negative
     */
    public record Second(long good, long bad) {

        /**
         * Checks the counts.
         *
         * @throws IllegalArgumentException if a count is negative
         */
        public Second {
            if (good < 0 || bad < 0) {
                throw new IllegalArgumentException("Counts must not be negative, were good=" + good + " bad=" + bad);
            }
        }

        /** @return good plus bad */
        public long total() {
            return good + bad;
        }
    }

    /**
     * Copies the list.
     *
     * @throws NullPointerException if the list or an element is null
     */
    public EventStream {
        seconds = List.copyOf(Objects.requireNonNull(seconds, "seconds"));
    }

    /** @return the number of seconds the stream covers */
    public int length() {
        return seconds.size();
    }

    /** @return all good events */
    public long good() {
        return seconds.stream().mapToLong(Second::good).sum();
    }

    /** @return all bad events */
    public long bad() {
        return seconds.stream().mapToLong(Second::bad).sum();
    }

    /** @return all events */
    public long total() {
        return good() + bad();
    }

    /** @return bad over total, 0 for an empty stream */
    public double badRatio() {
        long total = total();
        return total == 0 ? 0.0 : (double) bad() / total;
    }

    /**
     * The burn rate of the whole stream under an objective: the bad ratio over the error budget ratio.
     *
     * @param objective the SLO objective, in (0, 1)
     * @return the burn rate
     */
    public double burnRate(double objective) {
        return badRatio() / (1.0 - objective);
    }

    /** @return the number of seconds that hold at least one bad event */
    public long secondsWithErrors() {
        return seconds.stream().filter(second -> second.bad() > 0).count();
    }
}
