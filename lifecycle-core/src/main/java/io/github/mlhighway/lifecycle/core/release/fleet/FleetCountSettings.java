package io.github.mlhighway.lifecycle.core.release.fleet;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link FleetCohortStats} judges the replicas' reports.
 *
 * @param grace           how much later than its own interval a report may be before its replica is late (store
 *                        latency, a slow tick, clock skew between hosts); default {@link #DEFAULT_GRACE}
 * @param departedAfter   how long a replica may be silent before it is taken as departed (gone for good: its counts
 *                        up to its last report are kept, and it no longer makes analyses inconclusive); never less
 *                        than the replica's interval plus the grace; default {@link #DEFAULT_DEPARTED_AFTER}
 * @param windowRetention how far back {@link FleetCohortStats#stats windowed statistics} can look (the source
 *                        remembers the sums it read for that long); default {@link #DEFAULT_WINDOW_RETENTION}
 * @since 0.1
 */
public record FleetCountSettings(Duration grace, Duration departedAfter, Duration windowRetention) {

    /** Default grace: five seconds. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(5);
    /** Default silence after which a replica is departed: five minutes. */
    public static final Duration DEFAULT_DEPARTED_AFTER = Duration.ofMinutes(5);
    /** Default memory for windowed statistics: one day. */
    public static final Duration DEFAULT_WINDOW_RETENTION = Duration.ofDays(1);

    /** Validates the durations (grace zero or more, the others positive). */
    public FleetCountSettings {
        Objects.requireNonNull(grace, "grace");
        Objects.requireNonNull(departedAfter, "departedAfter");
        Objects.requireNonNull(windowRetention, "windowRetention");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("The grace for late count reports must not be negative, was " + grace);
        }
        if (departedAfter.isNegative() || departedAfter.isZero()) {
            throw new IllegalArgumentException("departedAfter must be positive, was " + departedAfter);
        }
        if (windowRetention.isNegative() || windowRetention.isZero()) {
            throw new IllegalArgumentException("windowRetention must be positive, was " + windowRetention);
        }
    }

    /** @return the defaults */
    public static FleetCountSettings defaults() {
        return new FleetCountSettings(DEFAULT_GRACE, DEFAULT_DEPARTED_AFTER, DEFAULT_WINDOW_RETENTION);
    }

    /**
     * @param value the grace
     * @return these settings with that grace
     */
    public FleetCountSettings withGrace(Duration value) {
        return new FleetCountSettings(value, departedAfter, windowRetention);
    }

    /**
     * @param value the silence after which a replica is departed
     * @return these settings with it
     */
    public FleetCountSettings withDepartedAfter(Duration value) {
        return new FleetCountSettings(grace, value, windowRetention);
    }

    /**
     * @param value how far back windowed statistics can look
     * @return these settings with it
     */
    public FleetCountSettings withWindowRetention(Duration value) {
        return new FleetCountSettings(grace, departedAfter, value);
    }
}
