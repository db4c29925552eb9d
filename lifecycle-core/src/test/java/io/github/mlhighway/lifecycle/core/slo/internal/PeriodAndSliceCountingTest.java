package io.github.mlhighway.lifecycle.core.slo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.slo.CalendarUnit;
import io.github.mlhighway.lifecycle.slo.TimeWindow;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The calendar tally and the slice accumulator count exactly the units of their period or slice. */
class PeriodAndSliceCountingTest {

    private static final long MINUTE = 60_000;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY_START = Instant.parse("2026-03-02T00:00:00Z").toEpochMilli();

    private static CalendarTally daily() {
        return new CalendarTally(new TimeWindow.Calendar(1, CalendarUnit.DAY, LocalDateTime.of(2026, 1, 1, 0, 0),
                ZoneOffset.UTC));
    }

    @Test
    void aTallyCountsTheUnitsOfTheCurrentDayAndKnowsItsBounds() {
        CalendarTally tally = daily();
        tally.add(DAY_START + HOUR, 1, 10);
        tally.add(DAY_START + 5 * HOUR, 2, 5);

        assertThat(tally.bad()).isEqualTo(3);
        assertThat(tally.total()).isEqualTo(15);
        assertThat(tally.periodStartMillis()).isEqualTo(DAY_START);
        assertThat(tally.periodEndMillis()).isEqualTo(DAY_START + 24 * HOUR);
        assertThat(tally.state()).isEqualTo(new io.github.mlhighway.lifecycle.core.slo.SloState.Period(DAY_START,
                DAY_START + 24 * HOUR, 3, 15));
    }

    @Test
    void anAddAtTheExclusiveEndStartsTheNextDayWithoutAnExplicitAdvance() {
        CalendarTally tally = daily();
        tally.add(DAY_START + HOUR, 1, 10);

        tally.add(DAY_START + 24 * HOUR, 0, 4);

        assertThat(tally.bad()).isZero();
        assertThat(tally.total()).isEqualTo(4);
        assertThat(tally.periodStartMillis()).isEqualTo(DAY_START + 24 * HOUR);
    }

    @Test
    void anAddAtThePeriodStartCountsAndAnEarlierOneIsDropped() {
        CalendarTally tally = daily();
        tally.advanceTo(DAY_START + 3 * HOUR);

        tally.add(DAY_START, 1, 1);
        tally.add(DAY_START - 1, 5, 5);

        assertThat(tally.bad()).isEqualTo(1);
        assertThat(tally.total()).isEqualTo(1);
        assertThat(tally.periodStartMillis()).isEqualTo(DAY_START);
    }

    @Test
    void advancingWithinTheDayKeepsTheCountsAndOneMillisecondBeforeTheEndToo() {
        CalendarTally tally = daily();
        tally.add(DAY_START + HOUR, 1, 2);

        tally.advanceTo(DAY_START + 24 * HOUR - 1);

        assertThat(tally.total()).isEqualTo(2);
        tally.advanceTo(DAY_START + 24 * HOUR);
        assertThat(tally.total()).isZero();
    }

    /** A slice as the sink saw it. */
    record Slice(long start, long good, long total) {
    }

    @Test
    void slicesAlignedToAHalfHourOffsetCloseWithTheirCountsAndTheEmptyOnesBetween() {
        long offset = 30 * MINUTE;   // +05:30: hourly slices start at half past
        SliceAccumulator slices = new SliceAccumulator(HOUR, 5 * HOUR + offset);
        List<Slice> closed = new ArrayList<>();
        SliceAccumulator.Sink sink = (start, good, total) -> closed.add(new Slice(start, good, total));

        slices.add(DAY_START + 10 * HOUR + 40 * MINUTE, 3, 4, 0L, sink);   // slice 10:30
        slices.add(DAY_START + 11 * HOUR + 29 * MINUTE, 1, 1, 0L, sink);   // still 10:30
        slices.add(DAY_START + 12 * HOUR + 10 * MINUTE, 2, 2, 0L, sink);   // 11:30
        slices.add(DAY_START + 9 * HOUR, 1, 1, 0L, sink);                  // late: counted in 11:30
        assertThat(closed).containsExactly(new Slice(DAY_START + 10 * HOUR + offset, 4, 5));

        slices.add(DAY_START + 15 * HOUR + 45 * MINUTE, 0, 0, 0L, sink);   // 15:30

        assertThat(closed).containsExactly(new Slice(DAY_START + 10 * HOUR + offset, 4, 5),
                new Slice(DAY_START + 11 * HOUR + offset, 3, 3), new Slice(DAY_START + 12 * HOUR + offset, 0, 0),
                new Slice(DAY_START + 13 * HOUR + offset, 0, 0), new Slice(DAY_START + 14 * HOUR + offset, 0, 0));
        assertThat(slices.state().good()).isZero();
    }

    @Test
    void emptySlicesBeforeTheOldestUsefulTimeAreNotReported() {
        SliceAccumulator slices = new SliceAccumulator(HOUR, 30 * MINUTE);
        List<Slice> closed = new ArrayList<>();
        slices.add(DAY_START + 30 * MINUTE, 1, 2, 0L, (s, g, t) -> closed.add(new Slice(s, g, t)));

        slices.closeBefore(DAY_START + 6 * HOUR, DAY_START + 4 * HOUR,
                (s, g, t) -> closed.add(new Slice(s, g, t)));

        assertThat(closed).containsExactly(new Slice(DAY_START + 30 * MINUTE, 1, 2),
                new Slice(DAY_START + 3 * HOUR + 30 * MINUTE, 0, 0),
                new Slice(DAY_START + 4 * HOUR + 30 * MINUTE, 0, 0));
    }
}
