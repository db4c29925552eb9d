package io.github.mlhighway.lifecycle.slo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The period over which an SLO's objective must hold: {@link Rolling} or {@link Calendar}-aligned.
 *
 * @since 0.1
 */
public sealed interface TimeWindow permits TimeWindow.Rolling, TimeWindow.Calendar {

    /**
     * The longest window (and the longest duration anywhere in an SLO: alert windows, time slices): 106,751 days,
     * where Prometheus durations end (nanoseconds in 64 bits, about 292 years). A calendar window's nominal
     * length (a month counting 30 days) is held to it too.
     */
    Duration MAX_LENGTH = Duration.ofDays(106_751);

    /**
     * Checks a duration against {@link #MAX_LENGTH}.
     *
     * @param duration the duration
     * @param what     what it is, for the message
     * @throws IllegalArgumentException when it is longer
     */
    static void requireAtMostMax(Duration duration, String what) {
        if (duration.compareTo(MAX_LENGTH) > 0) {
            throw new IllegalArgumentException(what + " must be at most " + MAX_LENGTH.toDays() + " days (the longest "
                    + "duration Prometheus reads, about 292 years), was " + duration.toDays() + " days");
        }
    }

    /**
     * The length used to derive burn-rate factors: the rolling duration, or the calendar unit's nominal length
     * times the count (a month counts as 30 days here, and only here).
     *
     * @return the nominal length
     */
    Duration nominalLength();

    /**
     * A rolling window of the given duration: at any instant it covers the duration just before it.
     *
     * @param duration positive, whole seconds, at most {@link #MAX_LENGTH}
     * @return the window
     */
    static Rolling rolling(Duration duration) {
        return new Rolling(duration);
    }

    /**
     * A calendar window of one unit, aligned to the unit's natural start in the given zone (midnight, Monday,
     * the first of the month, quarter or year).
     *
     * @param unit the unit
     * @param zone the time zone the calendar is read in
     * @return the window
     */
    static Calendar calendar(CalendarUnit unit, ZoneId zone) {
        // 2024-01-01 is a Monday and the first day of a month, quarter and year.
        return new Calendar(1, unit, LocalDateTime.of(2024, 1, 1, 0, 0), zone);
    }

    /**
     * A rolling window.
     *
     * @param duration the window length: positive, a whole number of seconds and at most {@link #MAX_LENGTH}
     */
    record Rolling(Duration duration) implements TimeWindow {
        /** Validates the duration. */
        public Rolling {
            Objects.requireNonNull(duration, "duration");
            if (duration.isNegative() || duration.isZero() || duration.getNano() != 0) {
                throw new IllegalArgumentException(
                        "A rolling window must be a positive whole number of seconds, was " + duration);
            }
            requireAtMostMax(duration, "A rolling window");
        }

        @Override
        public Duration nominalLength() {
            return duration;
        }
    }

    /**
     * A calendar-aligned window: periods of {@code count} units that start at {@code start} (read in
     * {@code zone}) and repeat back to back, before and after it.
     *
     * @param count number of units in one period, at least 1
     * @param unit  the calendar unit
     * @param start the start of one period, as a local date-time in {@code zone}
     * @param zone  the time zone in which the calendar is read
     */
    record Calendar(int count, CalendarUnit unit, LocalDateTime start, ZoneId zone) implements TimeWindow {
        /** Validates the components. */
        public Calendar {
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(zone, "zone");
            if (count < 1) {
                throw new IllegalArgumentException("A calendar window needs count >= 1, was " + count);
            }
            if (count > MAX_LENGTH.toDays()) {
                throw new IllegalArgumentException("A calendar window of " + count + " " + unit + "s is longer than "
                        + MAX_LENGTH.toDays() + " days");
            }
            requireAtMostMax(unit.nominalLength().multipliedBy(count), "A calendar window");
        }

        @Override
        public Duration nominalLength() {
            return unit.nominalLength().multipliedBy(count);
        }

        /**
         * The start of the period that contains the instant.
         *
         * @param instant any instant
         * @return the inclusive start of its period
         */
        public Instant periodStart(Instant instant) {
            return shift(periodIndex(instant)).toInstant();
        }

        /**
         * The exclusive end of the period that contains the instant: the next period's start.
         *
         * @param instant any instant
         * @return the exclusive end of its period
         */
        public Instant periodEnd(Instant instant) {
            return shift(periodIndex(instant) + 1).toInstant();
        }

        /** The number of whole periods from the anchor to the period containing the instant (negative before). */
        private long periodIndex(Instant instant) {
            ZonedDateTime at = instant.atZone(zone);
            long unitsPerPeriod = (long) count * unit.chronoUnitsPerUnit();
            long k = Math.floorDiv(start.atZone(zone).until(at, unit.chronoUnit()), unitsPerPeriod);
            while (shift(k).isAfter(at)) {
                k--;
            }
            while (!shift(k + 1).isAfter(at)) {
                k++;
            }
            return k;
        }

        /**
         * The start of period {@code k}. Shifting the local anchor (not the previous start) keeps month ends
         * stable (Jan 31 + 1 month = Feb 28/29), and resolving in the zone moves a start that falls in a DST gap
         * (Sao Paulo's midnight in November) to the first valid instant.
         */
        private ZonedDateTime shift(long periods) {
            return start.plus(periods * count * unit.chronoUnitsPerUnit(), unit.chronoUnit()).atZone(zone);
        }
    }
}
