package io.github.mlhighway.lifecycle.core.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.slo.AlertPolicy;
import io.github.mlhighway.lifecycle.slo.AlertState;
import io.github.mlhighway.lifecycle.slo.BurnRate;
import io.github.mlhighway.lifecycle.slo.CalendarUnit;
import io.github.mlhighway.lifecycle.slo.ErrorBudget;
import io.github.mlhighway.lifecycle.slo.Slo;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The tracker's numbers against values worked out by hand: sub-window burn rates, calendar slices, reasons. */
class SloTrackerArithmeticTest {

    private final SimClock clock = SimClock.atDefault();

    private void step(SloTracker tracker, Duration duration) {
        tracker.tick();
        clock.advance(duration);
        tracker.tick();
    }

    @Test
    void aBurnRateOverAWindowNoRingTracksSumsOnlyItsNewestBuckets() {
        clock.set(Instant.parse("2026-06-10T08:00:07Z"));
        SloTracker tracker = SloTracker.create(Slo.ratio("api").objective(0.99).rollingWindow(Duration.ofHours(1))
                .alerting(AlertPolicy.none()).build(), clock);
        tracker.record(90, 100);                     // 10 bad at 08:00:07
        step(tracker, Duration.ofMinutes(40));
        tracker.record(99, 100);                     // 1 bad at 08:40:07

        BurnRate lastTwenty = tracker.burnRate(Duration.ofMinutes(20));
        BurnRate lastFortyOne = tracker.burnRate(Duration.ofMinutes(41));
        BurnRate wholeHour = tracker.burnRate(Duration.ofHours(1));

        assertThat(lastTwenty.eligible()).isEqualTo(100);
        assertThat(lastTwenty.bad()).isEqualTo(1.0);
        assertThat(lastTwenty.errorRatio()).isCloseTo(0.01, within(1e-12));
        assertThat(lastTwenty.burnRate()).isCloseTo(1.0, within(1e-9));
        assertThat(lastTwenty.window()).isEqualTo(Duration.ofMinutes(20));
        assertThat(lastFortyOne.eligible()).isEqualTo(200);
        assertThat(lastFortyOne.bad()).isEqualTo(11.0);
        assertThat(lastFortyOne.burnRate()).isCloseTo(5.5, within(1e-9));
        assertThat(wholeHour.burnRate()).isCloseTo(5.5, within(1e-9));
    }

    @Test
    void aCalendarMonthOfHourlySlicesAllowsItsShareOfTheMonthsSlices() {
        clock.set(Instant.parse("2026-06-10T08:20:00Z"));
        SloTracker tracker = SloTracker.create(Slo.timeslices("hourly").atLeast(0.9).slice(Duration.ofHours(1))
                .objective(0.9).calendarWindow(CalendarUnit.MONTH, ZoneId.of("UTC"))
                .alerting(AlertPolicy.none()).build(), clock);
        tracker.record(0, 10);                       // the 08:00 slice is bad
        step(tracker, Duration.ofHours(1));

        ErrorBudget budget = tracker.budget();

        assertThat(budget.allowedBad()).as("10 %% of June's 720 hourly slices").isCloseTo(72.0, within(1e-9));
        assertThat(budget.bad()).isEqualTo(1.0);
        assertThat(budget.consumedFraction()).isCloseTo(1 / 72.0, within(1e-12));
        assertThat(budget.windowStart()).isEqualTo(Instant.parse("2026-06-01T00:00:00Z"));
    }

    @Test
    void anAlertReasonStatesTheBurnRatesRoundedToThreeDecimals() {
        clock.set(Instant.parse("2026-06-10T08:00:00Z"));
        SloTracker tracker = SloTracker.create(Slo.ratio("api").objective(0.99).rollingWindow(Duration.ofDays(30))
                .alerting(AlertPolicy.sreWorkbook(Duration.ofDays(30)).withMinimumEvents(1)).build(), clock);
        tracker.record(149, 150);                    // error ratio 1/150: burn rate 0.6666…
        step(tracker, Duration.ofSeconds(1));

        AlertState page = tracker.alerts().stream().filter(alert -> alert.tier().id().equals("page-1h"))
                .findFirst().orElseThrow();

        assertThat(page.isAlerting()).isFalse();
        assertThat(page.reason()).startsWith("burn rate 0.667 over PT1H and 0.667 over PT5M, not both at least the"
                + " factor 14.4");
    }
}
