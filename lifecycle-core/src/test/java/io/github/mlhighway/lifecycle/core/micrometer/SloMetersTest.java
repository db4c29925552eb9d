package io.github.mlhighway.lifecycle.core.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.core.slo.DurationLabels;
import io.github.mlhighway.lifecycle.core.slo.SloRegistry;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.slo.Slo;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SloMetersTest {

    private static final String NAME = "checkout.availability";

    private SimClock clock;
    private SloRegistry slos;
    private SloTracker tracker;
    private SimpleMeterRegistry meters;

    @BeforeEach
    void setUp() {
        clock = new SimClock(Instant.parse("2025-03-01T00:00:00Z"));
        slos = SloRegistry.create(clock);
        tracker = slos.register(Slo.ratio(NAME).objective(0.999).rollingWindow(Duration.ofDays(30)).build());
        meters = new SimpleMeterRegistry();
    }

    @Test
    void eventCountersFollowTheRecordedEvents() {
        SloMeters.of(slos).bindTo(meters);

        tracker.recordGood();
        tracker.record(true);
        tracker.record(false);

        assertThat(events("good")).isEqualTo(2.0);
        assertThat(events("bad")).isEqualTo(1.0);
        tracker.record(90, 100);
        assertThat(events("good")).isEqualTo(92.0);
        assertThat(events("bad")).isEqualTo(11.0);
    }

    @Test
    void everySloGetsItsGaugesWithTheWorkbookWindowsAndTiers() {
        SloMeters.of(slos, clock).bindTo(meters);

        assertThat(gauge(SloMeters.OBJECTIVE, Tags.empty())).isEqualTo(0.999);
        assertThat(tagValues(SloMeters.BURN_RATE, SloMeters.TAG_WINDOW))
                .containsExactlyInAnyOrder("5m", "30m", "1h", "6h", "3d");
        assertThat(tagValues(SloMeters.ALERT_FIRING, SloMeters.TAG_TIER))
                .containsExactlyInAnyOrder("page-1h", "page-6h", "ticket-3d");
        assertThat(meters.get(SloMeters.ALERT_FIRING).tags("tier", "ticket-3d").gauge().getId().getTag("severity"))
                .isEqualTo("ticket");
        assertThat(meters.get(SloMeters.SLI).gauge().getId().getBaseUnit()).isEqualTo("ratio");
        assertThat(meters.getMeters()).allSatisfy(meter -> assertThat(meter.getId().getTag("slo")).isEqualTo(NAME));
    }

    @Test
    void budgetAndBurnRateGaugesMoveAsBadEventsArrive() {
        SloMeters.of(slos, clock).bindTo(meters);
        runFor(Duration.ofMinutes(60), 100, 0);

        assertThat(gauge(SloMeters.SLI, Tags.empty())).isEqualTo(1.0);
        assertThat(gauge(SloMeters.BUDGET_REMAINING, Tags.empty())).isEqualTo(1.0);
        assertThat(gauge(SloMeters.BUDGET_CONSUMED, Tags.empty())).isEqualTo(0.0);
        assertThat(burnRate("1h")).isEqualTo(0.0);

        // 1 bad event in 1000: burning exactly at the budget's rate.
        runFor(Duration.ofMinutes(60), 999, 1);

        // 360 bad among 36,000 + 360,000 events: 0.909 of the budget those events allow.
        assertThat(burnRate("5m")).isCloseTo(1.0, within(0.02));
        assertThat(burnRate("1h")).isCloseTo(1.0, within(0.02));
        assertThat(burnRate("6h")).isCloseTo(360.0 / 396_000 / 0.001, within(0.02));
        double consumed = gauge(SloMeters.BUDGET_CONSUMED, Tags.empty());
        assertThat(consumed).isCloseTo(360.0 / 396_000 / 0.001, within(1e-9));
        assertThat(gauge(SloMeters.BUDGET_REMAINING, Tags.empty())).isCloseTo(1.0 - consumed, within(1e-12));
        assertThat(gauge(SloMeters.SLI, Tags.empty())).isCloseTo(1.0 - 360.0 / 396_000, within(1e-9));
        assertThat(firing("page-1h")).isEqualTo(0.0);
    }

    @Test
    void aTotalOutageFiresThePageAlertAndRecoveryResetsIt() {
        SloMeters.of(slos, clock).bindTo(meters);
        runFor(Duration.ofMinutes(60), 100, 0);
        assertThat(firing("page-1h")).isEqualTo(0.0);

        runFor(Duration.ofMinutes(2), 0, 100);

        assertThat(firing("page-1h")).isEqualTo(1.0);
        assertThat(burnRate("5m")).isGreaterThan(14.4);
        assertThat(burnRate("1h")).isGreaterThan(14.4);
        assertThat(gauge(SloMeters.BUDGET_REMAINING, Tags.empty())).isNegative();
        assertThat(gauge(SloMeters.BUDGET_CONSUMED, Tags.empty())).isGreaterThan(1.0);

        runFor(Duration.ofMinutes(10), 100, 0);

        assertThat(burnRate("5m")).isEqualTo(0.0);
        assertThat(firing("page-1h")).isEqualTo(0.0);
        assertThat(burnRate("1h")).isGreaterThan(14.4);
    }

    @Test
    void gaugesOfOneSloShareOneComputationUntilTheClockMovesOn() {
        SloMeters.of(slos, clock).bindTo(meters);
        runFor(Duration.ofMinutes(1), 100, 0);
        assertThat(gauge(SloMeters.SLI, Tags.empty())).isEqualTo(1.0);

        tracker.record(0, 100);
        assertThat(gauge(SloMeters.SLI, Tags.empty())).as("cached within the same second").isEqualTo(1.0);
        assertThat(events("bad")).as("counters are never cached").isEqualTo(100.0);

        clock.advance(SloMeters.DEFAULT_CACHE_DURATION);
        assertThat(gauge(SloMeters.SLI, Tags.empty())).isLessThan(1.0);
    }

    @Test
    void aZeroCacheDurationComputesOnEveryRead() {
        SloMeters.builder(slos, clock).cacheFor(Duration.ZERO).build().bindTo(meters);
        runFor(Duration.ofMinutes(1), 100, 0);
        assertThat(gauge(SloMeters.SLI, Tags.empty())).isEqualTo(1.0);

        tracker.record(0, 100);

        assertThat(gauge(SloMeters.SLI, Tags.empty())).isLessThan(1.0);
    }

    @Test
    void aFailingReadGivesNaNAndNeverThrows() {
        SloMeters.of(slos, clock).bindTo(meters);
        clock.failing(true);

        assertThat(gauge(SloMeters.SLI, Tags.empty())).isNaN();
        assertThat(firing("page-1h")).isNaN();
        assertThat(events("good")).isEqualTo(0.0);

        clock.failing(false);
        assertThat(gauge(SloMeters.SLI, Tags.empty())).isEqualTo(1.0);
    }

    @Test
    void bindingKeepsNoTrackerAlive() throws InterruptedException {
        SloMeters.of(slos, clock).bindTo(meters);
        tracker.record(2, 3);
        assertThat(events("good")).isEqualTo(2.0);
        WeakReference<SloTracker> reference = new WeakReference<>(tracker);
        tracker = null;
        slos = null;

        for (int attempt = 0; attempt < 50 && reference.get() != null; attempt++) {
            System.gc();
            Thread.sleep(10);
        }

        assertThat(reference.get()).isNull();
        assertThat(gauge(SloMeters.SLI, Tags.empty())).isNaN();
        assertThat(events("good")).as("a function counter keeps its last value").isEqualTo(2.0);
    }

    @Test
    void bindingAgainAddsSlosRegisteredSinceAndKeepsTheOthers() {
        SloMeters binder = SloMeters.of(slos, clock);
        binder.bindTo(meters);
        int before = meters.getMeters().size();
        Meter sli = meters.get(SloMeters.SLI).gauge();

        slos.register(Slo.ratio("search.latency").objective(0.99).rollingWindow(Duration.ofDays(30)).build());
        binder.bindTo(meters);

        assertThat(meters.getMeters()).hasSize(2 * before);
        assertThat(meters.get(SloMeters.SLI).tag(SloMeters.TAG_SLO, NAME).gauge()).isSameAs(sli);
        assertThat(meters.get(SloMeters.OBJECTIVE).tag(SloMeters.TAG_SLO, "search.latency").gauge().value())
                .isEqualTo(0.99);
    }

    @Test
    void commonTagsGoOnEveryMeterButMayNotShadowTheBindersOwn() {
        SloMeters.builder(slos, clock).tags("service", "checkout").build().bindTo(meters);

        assertThat(meters.getMeters())
                .allSatisfy(meter -> assertThat(meter.getId().getTag("service")).isEqualTo("checkout"));
        assertThatThrownBy(() -> SloMeters.builder(slos, clock).tags("slo", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'slo'");
        assertThatThrownBy(() -> SloMeters.builder(slos, clock).cacheFor(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT-1S");
    }

    @Test
    void aSloWithoutAlertTiersStillExportsItsCurrentBurnRate() {
        SloRegistry quiet = SloRegistry.create(clock);
        quiet.register(Slo.ratio("batch.freshness").objective(0.99).rollingWindow(Duration.ofDays(7))
                .alerting(io.github.mlhighway.lifecycle.slo.AlertPolicy.none()).build());

        SloMeters.of(quiet, clock).bindTo(meters);

        assertThat(tagValues(SloMeters.BURN_RATE, SloMeters.TAG_WINDOW)).containsExactly("1h");
        assertThat(meters.find(SloMeters.ALERT_FIRING).meters()).isEmpty();
        assertThat(burnRate("1h")).isEqualTo(0.0);
    }

    @Test
    void windowsAreLabelledInTheirLargestWholeUnit() {
        assertThat(DurationLabels.of(Duration.ofMinutes(5))).isEqualTo("5m");
        assertThat(DurationLabels.of(Duration.ofMinutes(90))).isEqualTo("90m");
        assertThat(DurationLabels.of(Duration.ofHours(6))).isEqualTo("6h");
        assertThat(DurationLabels.of(Duration.ofDays(3))).isEqualTo("3d");
        assertThat(DurationLabels.of(Duration.ofSeconds(45))).isEqualTo("45s");
    }

    /** Records {@code good} and {@code bad} events every 10 seconds for the duration, ticking after each step. */
    private void runFor(Duration duration, int good, int bad) {
        for (long step = 0; step < duration.toSeconds() / 10; step++) {
            tracker.record(good, good + bad);
            clock.advance(Duration.ofSeconds(10));
            slos.tick();
        }
    }

    private double events(String outcome) {
        return meters.get(SloMeters.EVENTS).tags(SloMeters.TAG_SLO, NAME, SloMeters.TAG_OUTCOME, outcome)
                .functionCounter().count();
    }

    private double burnRate(String window) {
        return gauge(SloMeters.BURN_RATE, Tags.of(SloMeters.TAG_WINDOW, window));
    }

    private double firing(String tier) {
        return gauge(SloMeters.ALERT_FIRING, Tags.of(SloMeters.TAG_TIER, tier));
    }

    private double gauge(String name, Tags tags) {
        return meters.get(name).tags(tags).gauge().value();
    }

    private List<String> tagValues(String name, String key) {
        return meters.find(name).meters().stream().map(meter -> meter.getId().getTag(key))
                .collect(Collectors.toList());
    }

}
