package io.github.mlhighway.lifecycle.core.slo;

import io.github.mlhighway.lifecycle.core.slo.internal.BucketRing;
import io.github.mlhighway.lifecycle.core.slo.internal.CalendarTally;
import io.github.mlhighway.lifecycle.core.slo.internal.SliceAccumulator;
import io.github.mlhighway.lifecycle.slo.AlertStatus;
import java.util.List;
import java.util.Map;

/**
 * The persisted state of one {@link SloTracker}: enough to resume its windows after a restart. Written as
 * JSON into the store's {@value SloRegistry#STATE_COLLECTION} collection.
 *
 * @param formatVersion  layout version of this record ({@link #FORMAT_VERSION})
 * @param slo            SLO name
 * @param flushedAtMillis the time up to which events were distributed into windows, epoch ms
 * @param rings          the rolling windows
 * @param calendar       the calendar window's tally, null for rolling SLOs
 * @param openSlice      the open time slice, null for Occurrences
 * @param alertStatuses  the last status of each alert tier (used by the IGNORE no-data policy)
 */
public record SloState(int formatVersion, String slo, long flushedAtMillis, List<BucketRing.RingState> rings,
                       CalendarTally.TallyState calendar, SliceAccumulator.SliceState openSlice,
                       Map<String, AlertStatus> alertStatuses) {

    /** The layout version this library writes. */
    public static final int FORMAT_VERSION = 1;
}
