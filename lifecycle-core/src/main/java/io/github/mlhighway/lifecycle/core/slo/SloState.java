package io.github.mlhighway.lifecycle.core.slo;

import io.github.mlhighway.lifecycle.slo.AlertStatus;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The persisted state of one {@link SloTracker}: enough to resume its windows after a restart. Written as
 * JSON into the store's {@value SloRegistry#STATE_COLLECTION} collection by {@link SloRegistry#saveTo}.
 *
 * @param formatVersion   layout version of this record ({@link #FORMAT_VERSION})
 * @param slo             SLO name
 * @param flushedAtMillis the time up to which events were distributed into windows, epoch ms
 * @param rings           the rolling windows
 * @param calendar        the calendar window's current period, null for rolling SLOs
 * @param openSlice       the open time slice, null for Occurrences
 * @param alertStatuses   the last status of each alert tier (used by the IGNORE no-data policy)
 * @since 0.1
 */
public record SloState(int formatVersion, String slo, long flushedAtMillis, List<Ring> rings, @Nullable Period calendar,
                       @Nullable OpenSlice openSlice, Map<String, AlertStatus> alertStatuses) {

    /** The layout version this library writes. */
    public static final int FORMAT_VERSION = 1;

    /**
     * One rolling window: bucket counters in ring order.
     *
     * @param windowMillis     window length
     * @param resolutionMillis bucket width
     * @param head             absolute index of the newest bucket (epoch ms / resolution)
     * @param bad              bad units per slot, slot = bucket index modulo the ring size
     * @param total            all units per slot
     */
    public record Ring(long windowMillis, long resolutionMillis, long head, long[] bad, long[] total) {
    }

    /**
     * The current period of a calendar window.
     *
     * @param start inclusive start, epoch ms
     * @param end   exclusive end, epoch ms
     * @param bad   bad units so far
     * @param total all units so far
     */
    public record Period(long start, long end, long bad, long total) {
    }

    /**
     * The time slice still open.
     *
     * @param index slice index (slices are counted from the slice alignment)
     * @param good  good events in it so far
     * @param total all events in it so far
     */
    public record OpenSlice(long index, long good, long total) {
    }
}
