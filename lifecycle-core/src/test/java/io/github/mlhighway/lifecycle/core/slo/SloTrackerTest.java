package io.github.mlhighway.lifecycle.core.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.slo.AlertPolicy;
import io.github.mlhighway.lifecycle.slo.AlertState;
import io.github.mlhighway.lifecycle.slo.AlertStatus;
import io.github.mlhighway.lifecycle.slo.CalendarUnit;
import io.github.mlhighway.lifecycle.slo.ErrorBudget;
import io.github.mlhighway.lifecycle.slo.NoDataPolicy;
import io.github.mlhighway.lifecycle.slo.Operator;
import io.github.mlhighway.lifecycle.slo.Slo;
import io.github.mlhighway.lifecycle.store.Store;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SloTrackerTest {

    private final SimClock clock = SimClock.atDefault();

    private SloTracker tracker(Slo slo) {
        return SloTracker.create(slo, clock);
    }

    /** Ticks, advances and ticks: what a TestClock driving a registry does. */
    private void step(SloTracker tracker, Duration duration) {
        tracker.tick();
        clock.advance(duration);
        tracker.tick();
    }

    @Test
    void occurrencesBudgetCountsBadEventsAgainstTheAllowedShare() {
        SloTracker tracker = tracker(Slo.ratio("api").objective(0.99).rollingWindow(Duration.ofDays(7)).build());
        tracker.record(990, 1000);

        ErrorBudget budget = tracker.budget();

        assertThat(budget.eligible()).isEqualTo(1000);
        assertThat(budget.bad()).isEqualTo(10.0);
        assertThat(budget.allowedBad()).isCloseTo(10.0, within(1e-9));
        assertThat(budget.consumedFraction()).isCloseTo(1.0, within(1e-9));
        assertThat(budget.sli()).isCloseTo(0.99, within(1e-12));
        assertThat(budget.withinObjective()).isTrue();
    }

    @Test
    void anEmptyWindowHasItsWholeBudgetAndNoExhaustionTime() {
        ErrorBudget budget = tracker(Slo.ratio("idle").objective(0.999).build()).budget();

        assertThat(budget.remainingFraction()).isEqualTo(1.0);
        assertThat(budget.sli()).isEqualTo(1.0);
        assertThat(budget.timeToExhaustion()).isEmpty();
    }

    @Test
    void eventsLeaveTheRollingWindowWhenItPassesThem() {
        SloTracker tracker = tracker(Slo.ratio("api").objective(0.9).rollingWindow(Duration.ofHours(1)).build());
        tracker.record(false);
        step(tracker, Duration.ofMinutes(30));
        tracker.record(true);
        step(tracker, Duration.ofMinutes(31));

        ErrorBudget budget = tracker.budget();

        assertThat(budget.eligible()).isEqualTo(1);
        assertThat(budget.bad()).isZero();
    }

    @Test
    void thresholdSloJudgesEachValueWithItsOperator() {
        SloTracker tracker = tracker(Slo.threshold("latency", Operator.LTE, 300).objective(0.9).build());
        tracker.recordValue(120);
        tracker.recordValue(300);
        tracker.recordValue(301);

        ErrorBudget budget = tracker.budget();

        assertThat(budget.eligible()).isEqualTo(3);
        assertThat(budget.bad()).isEqualTo(1.0);
    }

    @Test
    void aNanMeasurementIsRefusedAndNothingIsCounted() {
        SloTracker tracker = tracker(Slo.threshold("latency", Operator.LTE, 300).objective(0.9).build());

        assertThatThrownBy(() -> tracker.recordValue(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latency").hasMessageContaining("NaN");
        assertThat(tracker.budget().eligible()).isZero();
    }

    @Test
    void recordValueOnARatioSloSaysWhatToCallInstead() {
        SloTracker tracker = tracker(Slo.ratio("api").objective(0.9).build());

        assertThatThrownBy(() -> tracker.recordValue(1.0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("record(boolean)");
    }

    @Test
    void batchesWithMoreGoodThanTotalAreRefused() {
        SloTracker tracker = tracker(Slo.ratio("api").objective(0.9).build());

        assertThatThrownBy(() -> tracker.record(5, 4)).hasMessageContaining("good=5").hasMessageContaining("total=4");
    }

    @Test
    void aCalendarMonthWindowStartsAfreshOnTheFirstOfTheMonthInItsZone() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        clock.set(Instant.parse("2026-01-31T22:00:00Z")); // 23:00 in Berlin, still January
        SloTracker tracker = tracker(Slo.ratio("monthly").objective(0.99)
                .calendarWindow(CalendarUnit.MONTH, berlin).build());
        tracker.record(false);
        step(tracker, Duration.ofMinutes(30));
        assertThat(tracker.budget().windowStart()).isEqualTo(Instant.parse("2025-12-31T23:00:00Z"));
        assertThat(tracker.budget().bad()).isEqualTo(1.0);

        step(tracker, Duration.ofMinutes(31)); // 00:01 on February 1st in Berlin

        ErrorBudget february = tracker.budget();
        assertThat(february.windowStart()).isEqualTo(Instant.parse("2026-01-31T23:00:00Z"));
        assertThat(february.eligible()).isZero();
    }

    @Test
    void timeslicesCountGoodAndBadSlicesAgainstTheWholeWindow() {
        SloTracker tracker = tracker(Slo.timeslices("accuracy").atLeast(0.7).slice(Duration.ofHours(1))
                .objective(0.9).rollingWindow(Duration.ofDays(1)).alerting(AlertPolicy.none()).build());
        tracker.record(8, 10); // good slice
        step(tracker, Duration.ofHours(1));
        tracker.record(6, 10); // bad slice
        step(tracker, Duration.ofHours(1));
        tracker.record(1, 1); // open slice: not counted yet

        ErrorBudget budget = tracker.budget();

        assertThat(budget.eligible()).isEqualTo(2);
        assertThat(budget.bad()).isEqualTo(1.0);
        assertThat(budget.allowedBad()).isCloseTo(0.1 * 24, within(1e-9));
        assertThat(budget.consumedFraction()).isCloseTo(1 / 2.4, within(1e-9));
    }

    @Test
    void emptySlicesFollowTheNoDataPolicy() {
        Slo.Builder base = Slo.timeslices("probe").atLeast(1.0).slice(Duration.ofMinutes(1)).objective(0.5)
                .rollingWindow(Duration.ofHours(1));
        SloTracker good = tracker(base.alerting(AlertPolicy.none().withNoData(NoDataPolicy.GOOD)).build());
        SloTracker bad = tracker(base.alerting(AlertPolicy.none().withNoData(NoDataPolicy.BAD)).build());
        SloTracker ignored = tracker(base.alerting(AlertPolicy.none().withNoData(NoDataPolicy.IGNORE)).build());
        clock.advance(Duration.ofMinutes(10));

        assertThat(good.budget().eligible()).isEqualTo(10);
        assertThat(good.budget().bad()).isZero();
        assertThat(bad.budget().bad()).isEqualTo(10.0);
        assertThat(ignored.budget().eligible()).isZero();
    }

    @Test
    void ratioTimeslicesAverageTheSlicesRatios() {
        SloTracker tracker = tracker(Slo.ratio("ratio-slices").ratioTimeslices(Duration.ofMinutes(1)).objective(0.9)
                .rollingWindow(Duration.ofHours(1)).alerting(AlertPolicy.none().withNoData(NoDataPolicy.IGNORE))
                .build());
        tracker.record(1, 2); // 50%
        step(tracker, Duration.ofMinutes(1));
        tracker.record(1000, 1000); // 100%, many more events but one slice
        step(tracker, Duration.ofMinutes(1));

        ErrorBudget budget = tracker.budget();

        assertThat(budget.eligible()).isEqualTo(2);
        assertThat(budget.sli()).isCloseTo(0.75, within(1e-9));
    }

    @Test
    void theMinimumEventsGuardKeepsALowTrafficServiceFromPaging() {
        SloTracker tracker = tracker(Slo.ratio("rare").objective(0.99).rollingWindow(Duration.ofDays(30))
                .alerting(AlertPolicy.sreWorkbook(Duration.ofDays(30)).withMinimumEvents(10)).build());
        tracker.record(false);
        step(tracker, Duration.ofSeconds(1));

        assertThat(tracker.alerts()).allSatisfy(alert -> {
            assertThat(alert.status()).isEqualTo(AlertStatus.OK);
            assertThat(alert.reason()).contains("fewer than the 10 needed");
        });
        tracker.record(0, 9);
        step(tracker, Duration.ofSeconds(1));
        assertThat(tracker.alerts()).filteredOn(AlertState::isAlerting).extracting(alert -> alert.tier().id())
                .contains("page-1h");
    }

    @Test
    void noDataAlertsWhenThePolicySaysSo() {
        SloTracker tracker = tracker(Slo.ratio("silent").objective(0.99).rollingWindow(Duration.ofDays(30))
                .alerting(AlertPolicy.sreWorkbook(Duration.ofDays(30)).withNoData(NoDataPolicy.ALERT)).build());

        assertThat(tracker.alerts()).extracting(AlertState::status).containsOnly(AlertStatus.NO_DATA);
    }

    @Test
    void timeToExhaustionFollowsTheCurrentBurnRate() {
        SloTracker tracker = tracker(Slo.ratio("api").objective(0.99).rollingWindow(Duration.ofDays(30)).build());
        tracker.record(1_000_000, 1_000_000);
        step(tracker, Duration.ofHours(2));
        // Then one hour at a 2% error ratio: burn rate 2 over the last hour, about 1.2% of the budget spent.
        for (int minute = 0; minute < 60; minute++) {
            tracker.record(98, 100);
            step(tracker, Duration.ofMinutes(1));
        }

        ErrorBudget budget = tracker.budget();

        assertThat(budget.burnRate()).isCloseTo(2.0, within(1e-9));
        assertThat(budget.remainingFraction()).isCloseTo(1 - 120 / (0.01 * 1_006_000), within(1e-6));
        assertThat(budget.timeToExhaustion()).isPresent();
        double expectedDays = budget.remainingFraction() * 30 / 2.0;
        assertThat(budget.timeToExhaustion().get().toMinutes() / 1440.0).isCloseTo(expectedDays, within(0.01));
    }

    @Test
    void aRestoredTrackerResumesItsWindowsFromTheStore(@TempDir Path directory) {
        Slo slo = Slo.ratio("api").objective(0.99).rollingWindow(Duration.ofDays(7)).build();
        SloRegistry before = SloRegistry.create(clock);
        SloTracker first = before.register(slo);
        first.record(90, 100);
        step(first, Duration.ofHours(2));
        Store store = Stores.directory(directory, clock);
        before.saveTo(store);
        ErrorBudget saved = first.budget();

        clock.advance(Duration.ofMinutes(10)); // the restart takes a while
        SloRegistry after = SloRegistry.create(clock);
        SloTracker second = after.register(slo);
        assertThat(after.restoreFrom(Stores.directory(directory, clock))).isEqualTo(1);

        ErrorBudget restored = second.budget();
        assertThat(restored.eligible()).isEqualTo(saved.eligible());
        assertThat(restored.bad()).isEqualTo(saved.bad());
        assertThat(second.burnRate(Duration.ofHours(6)).bad()).isEqualTo(10.0);
        step(second, Duration.ofHours(5)); // the saved events age out of the 6h window on schedule
        assertThat(second.burnRate(Duration.ofHours(6)).bad()).isZero();
        assertThat(second.budget().bad()).isEqualTo(10.0);
    }

    @Test
    void eventsRecordedBeforeARestoreAreKeptOnTopOfTheRestoredWindows() {
        Slo slo = Slo.ratio("api").objective(0.99).rollingWindow(Duration.ofDays(7)).build();
        SloTracker first = tracker(slo);
        first.record(0, 100);
        SloState saved = first.snapshot();

        SloTracker second = tracker(slo);
        second.record(0, 50);
        step(second, Duration.ofSeconds(1)); // distributed into the windows before the restore
        second.record(0, 7);                 // and one still pending
        second.restore(saved);

        assertThat(second.budget().bad()).isEqualTo(157.0);
    }

    @Test
    void aCalendarTimesliceTrackerRestoresItsPeriodAndItsOpenSlice() {
        clock.set(Instant.parse("2026-06-10T08:20:00Z"));
        Slo slo = Slo.timeslices("daily").atLeast(0.9).slice(Duration.ofHours(1)).objective(0.9)
                .calendarWindow(CalendarUnit.MONTH, ZoneId.of("UTC"))
                .alerting(AlertPolicy.none().withNoData(NoDataPolicy.IGNORE)).build();
        SloTracker first = tracker(slo);
        first.record(0, 10);                  // 08:00 slice: bad
        step(first, Duration.ofHours(1));
        first.record(10, 10);                 // 09:00 slice, still open at the snapshot
        first.tick();
        SloState saved = first.snapshot();

        SloTracker second = tracker(slo);
        second.restore(saved);
        step(second, Duration.ofHours(1));    // closes the 09:00 slice: good

        ErrorBudget budget = second.budget();
        assertThat(budget.windowStart()).isEqualTo(Instant.parse("2026-06-01T00:00:00Z"));
        assertThat(budget.eligible()).isEqualTo(2);
        assertThat(budget.bad()).isEqualTo(1.0);
    }

    @Test
    void slicesOfACalendarWindowFollowItsZoneNotTheEpoch() {
        ZoneId kolkata = ZoneId.of("Asia/Kolkata"); // +05:30
        clock.set(Instant.parse("2026-06-10T04:40:00Z")); // 10:10 local
        SloTracker tracker = tracker(Slo.timeslices("hourly").atLeast(0.5).slice(Duration.ofHours(1))
                .objective(0.9).calendarWindow(CalendarUnit.DAY, kolkata)
                .alerting(AlertPolicy.none().withNoData(NoDataPolicy.IGNORE)).build());
        tracker.record(1, 1);

        step(tracker, Duration.ofMinutes(49));   // 10:59 local: the 10:00 slice is still open
        assertThat(tracker.budget().eligible()).isZero();
        step(tracker, Duration.ofMinutes(1));    // 11:00 local: it closes
        assertThat(tracker.budget().eligible()).isEqualTo(1);
    }

    @Test
    void aNinetyDaySloWithEveryAlertWindowCostsKilobytes() {
        SloTracker tracker = tracker(Slo.ratio("quarterly").objective(0.999).rollingWindow(Duration.ofDays(90))
                .alerting(AlertPolicy.sloth(Duration.ofDays(90))).build());

        long buckets = tracker.snapshot().rings().stream().mapToLong(ring -> ring.bad().length).sum();

        assertThat(tracker.snapshot().rings()).hasSize(8); // 90d, 3d, 1d, 6h, 2h, 1h, 30m, 5m
        assertThat(buckets * 2 * Long.BYTES).as("bytes of bucket counters").isLessThan(48 * 1024);
    }

    @Test
    void stateOfAnotherSloIsRefused() {
        SloTracker api = tracker(Slo.ratio("api").objective(0.99).build());
        SloTracker web = tracker(Slo.ratio("web").objective(0.99).build());

        assertThatThrownBy(() -> web.restore(api.snapshot())).hasMessageContaining("'api'")
                .hasMessageContaining("'web'");
    }

    @Test
    void aBurnRateWindowLongerThanAnyTrackedWindowIsRefused() {
        SloTracker tracker = tracker(Slo.ratio("api").objective(0.99).rollingWindow(Duration.ofDays(7)).build());

        assertThatThrownBy(() -> tracker.burnRate(Duration.ofDays(8))).hasMessageContaining("PT168H");
    }
}
