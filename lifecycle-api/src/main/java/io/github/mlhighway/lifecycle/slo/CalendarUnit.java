package io.github.mlhighway.lifecycle.slo;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * The unit of a calendar-aligned SLO window. A month is a calendar month, not 30 days.
 *
 * @since 0.1
 */
public enum CalendarUnit {
    /** A calendar day in the window's time zone (23 to 25 hours around DST changes). */
    DAY(ChronoUnit.DAYS, 1, Duration.ofDays(1), "d"),
    /** Seven calendar days. */
    WEEK(ChronoUnit.WEEKS, 1, Duration.ofDays(7), "w"),
    /** A calendar month. */
    MONTH(ChronoUnit.MONTHS, 1, Duration.ofDays(30), "M"),
    /** Three calendar months. */
    QUARTER(ChronoUnit.MONTHS, 3, Duration.ofDays(90), "Q"),
    /** A calendar year. */
    YEAR(ChronoUnit.YEARS, 1, Duration.ofDays(365), "Y");

    private final ChronoUnit chronoUnit;
    private final int chronoUnitsPerUnit;
    private final Duration nominalLength;
    private final String openSloSuffix;

    CalendarUnit(ChronoUnit chronoUnit, int chronoUnitsPerUnit, Duration nominalLength, String openSloSuffix) {
        this.chronoUnit = chronoUnit;
        this.chronoUnitsPerUnit = chronoUnitsPerUnit;
        this.nominalLength = nominalLength;
        this.openSloSuffix = openSloSuffix;
    }

    /**
     * The java.time unit this unit is counted in.
     *
     * @return e.g. {@link ChronoUnit#MONTHS} for MONTH and QUARTER
     */
    public ChronoUnit chronoUnit() {
        return chronoUnit;
    }

    /**
     * How many {@link #chronoUnit()}s make one of this unit (3 for QUARTER, else 1).
     *
     * @return the multiplier
     */
    public int chronoUnitsPerUnit() {
        return chronoUnitsPerUnit;
    }

    /**
     * The length used where a fixed duration is needed (deriving burn-rate factors): 1, 7, 30, 90 or 365 days.
     *
     * @return the nominal length of one unit
     */
    public Duration nominalLength() {
        return nominalLength;
    }

    /**
     * The OpenSLO duration suffix.
     *
     * @return {@code d}, {@code w}, {@code M}, {@code Q} or {@code Y}
     */
    public String openSloSuffix() {
        return openSloSuffix;
    }
}
