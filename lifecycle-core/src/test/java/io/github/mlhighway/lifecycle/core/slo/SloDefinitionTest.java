package io.github.mlhighway.lifecycle.core.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.mlhighway.lifecycle.slo.AlertPolicy;
import io.github.mlhighway.lifecycle.slo.BurnRateTier;
import io.github.mlhighway.lifecycle.slo.CalendarUnit;
import io.github.mlhighway.lifecycle.slo.Severity;
import io.github.mlhighway.lifecycle.slo.Slo;
import io.github.mlhighway.lifecycle.slo.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The API's SLO definitions validate what they are given and derive the Workbook's numbers. */
class SloDefinitionTest {

    @Test
    void theWorkbookTiersKeepTheirBudgetSharesForAnyPeriod() {
        AlertPolicy thirtyDays = AlertPolicy.sreWorkbook(Duration.ofDays(30));
        AlertPolicy sevenDays = AlertPolicy.sreWorkbook(Duration.ofDays(7));

        assertThat(thirtyDays.tiers()).extracting(BurnRateTier::factor).containsExactly(14.4, 6.0, 1.0);
        assertThat(sevenDays.tiers().get(0).factor()).isCloseTo(0.02 * 7 * 24, within(1e-9));
        assertThat(sevenDays.tiers()).extracting(tier -> tier.budgetFraction(Duration.ofDays(7)))
                .usingComparatorForType((a, b) -> Math.abs(a - b) < 1e-12 ? 0 : Double.compare(a, b), Double.class)
                .containsExactly(0.02, 0.05, 0.10);
    }

    @Test
    void slothTiersAddTheOneDayTicket() {
        assertThat(AlertPolicy.sloth(Duration.ofDays(30)).tiers()).extracting(BurnRateTier::id, BurnRateTier::factor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("page-1h", 14.4),
                        org.assertj.core.groups.Tuple.tuple("page-6h", 6.0),
                        org.assertj.core.groups.Tuple.tuple("ticket-1d", 3.0),
                        org.assertj.core.groups.Tuple.tuple("ticket-3d", 1.0));
    }

    @Test
    void aTierThatCanNeverFireIsRejectedWithTheReason() {
        AlertPolicy impossible = AlertPolicy.none().withTier(new BurnRateTier("fast", Severity.PAGE,
                Duration.ofHours(1), Duration.ofMinutes(5), 14.4, true));

        assertThatThrownBy(() -> Slo.ratio("loose").objective(0.9).alerting(impossible).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'fast' can never fire")
                .hasMessageContaining("more than 100%")
                .hasMessageContaining("highest possible burn rate is 10");
    }

    @Test
    void defaultTiersThatCannotFireUnderALooseObjectiveAreDisabledNotFatal() {
        Slo loose = Slo.ratio("loose").objective(0.9).rollingWindow(Duration.ofDays(30)).build();

        assertThat(loose.alerting().tiers()).filteredOn(tier -> !tier.enabled()).extracting(BurnRateTier::id)
                .containsExactly("page-1h");
    }

    @Test
    void badArgumentsAreNamedAtOnce() {
        assertThatThrownBy(() -> Slo.ratio("x").objective(1.0)).hasMessageContaining("objective")
                .hasMessageContaining("1.0");
        assertThatThrownBy(() -> Slo.ratio("x").objective(Double.NaN)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> Slo.ratio("../etc")).hasMessageContaining("Invalid SLO name '../etc'");
        assertThatThrownBy(() -> Slo.ratio("x").rollingWindow(Duration.ofMillis(1500)))
                .hasMessageContaining("whole number of seconds");
        assertThatThrownBy(() -> Slo.ratio("x").build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("set an objective");
        assertThatThrownBy(() -> Slo.timeslices("x").slice(Duration.ofDays(2)).objective(0.9)
                .rollingWindow(Duration.ofDays(1)).build()).hasMessageContaining("longer than the window");
    }

    @Test
    void calendarPeriodsAreCalendarMonthsInTheirZone() {
        TimeWindow.Calendar month = TimeWindow.calendar(CalendarUnit.MONTH, ZoneId.of("America/New_York"));
        Instant midFebruary = Instant.parse("2026-02-14T12:00:00Z");

        assertThat(month.periodStart(midFebruary)).isEqualTo(Instant.parse("2026-02-01T05:00:00Z"));
        assertThat(month.periodEnd(midFebruary)).isEqualTo(Instant.parse("2026-03-01T05:00:00Z"));
        assertThat(Duration.between(month.periodStart(midFebruary), month.periodEnd(midFebruary)).toDays())
                .isEqualTo(28);
    }

    @Test
    void aDayThatStartsLateBecauseOfDaylightSavingStillEndsAtTheNextLocalMidnight() {
        // Sao Paulo, 2018-11-04: clocks jumped from 00:00 to 01:00, so the day began at 01:00 (-02:00).
        TimeWindow.Calendar day = TimeWindow.calendar(CalendarUnit.DAY, ZoneId.of("America/Sao_Paulo"));
        Instant noon = Instant.parse("2018-11-04T14:00:00Z");

        assertThat(day.periodStart(noon)).isEqualTo(Instant.parse("2018-11-04T03:00:00Z"));
        assertThat(day.periodEnd(noon)).isEqualTo(Instant.parse("2018-11-05T02:00:00Z"));
        assertThat(day.periodStart(Instant.parse("2018-11-05T02:00:00Z")))
                .isEqualTo(Instant.parse("2018-11-05T02:00:00Z"));
    }

    @Test
    void calendarPeriodsRepeatFromAnAnchorBothWays() {
        TimeWindow.Calendar weeks = new TimeWindow.Calendar(2, CalendarUnit.WEEK,
                LocalDateTime.of(2022, 1, 1, 12, 0), ZoneId.of("UTC"));

        assertThat(weeks.periodStart(Instant.parse("2022-01-20T00:00:00Z")))
                .isEqualTo(Instant.parse("2022-01-15T12:00:00Z"));
        assertThat(weeks.periodStart(Instant.parse("2021-12-31T00:00:00Z")))
                .isEqualTo(Instant.parse("2021-12-18T12:00:00Z"));
    }
}
