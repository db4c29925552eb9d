package io.github.mlhighway.lifecycle.core.slo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.slo.AlertState;
import io.github.mlhighway.lifecycle.slo.BurnRateTier;
import io.github.mlhighway.lifecycle.slo.Slo;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Replays the SRE Workbook's "Alerting on SLOs" scenarios for a 99.9% SLO over 30 days, in simulated time, and
 * checks when each tier fires against the book's arithmetic: with the default tiers a total outage pages after
 * 0.0144 h of errors in the 1h window (about 0.86 minutes), a 10x burn pages through the 6h tier after
 * 6 / 10 * 6h = 3.6 hours, a 1x burn opens a ticket after 3 days, and a 0.5x burn never alerts.
 */
class WorkbookScenarioTest {

    private static final int EVENTS_PER_SECOND = 10;

    private final SimClock clock = SimClock.atDefault();
    private SloTracker tracker;

    @BeforeEach
    void threeDaysOfHealthyTraffic() {
        tracker = SloTracker.create(Slo.ratio("checkout").objective(0.999).rollingWindow(Duration.ofDays(30))
                .build(), clock);
        assertThat(tracker.slo().alerting().tiers()).extracting(BurnRateTier::factor)
                .containsExactly(14.4, 6.0, 1.0);
        for (int minute = 0; minute < 3 * 24 * 60; minute++) {
            tracker.record(EVENTS_PER_SECOND * 60, EVENTS_PER_SECOND * 60);
            clock.advance(Duration.ofMinutes(1));
            tracker.tick();
        }
        assertThat(tracker.alerts()).noneMatch(AlertState::isAlerting);
    }

    /** Runs traffic with the given error ratio and returns when each tier first fired. */
    private Map<String, Duration> burn(double errorRatio, Duration length, Duration step) {
        Map<String, Duration> firstFired = new LinkedHashMap<>();
        long eventsPerStep = EVENTS_PER_SECOND * step.toSeconds();
        double owedBad = 0;
        for (Duration elapsed = Duration.ZERO; elapsed.compareTo(length) < 0; elapsed = elapsed.plus(step)) {
            owedBad += eventsPerStep * errorRatio;
            long bad = (long) Math.floor(owedBad);
            owedBad -= bad;
            tracker.record(eventsPerStep - bad, eventsPerStep);
            clock.advance(step);
            tracker.tick();
            for (AlertState alert : tracker.alerts()) {
                if (alert.isAlerting()) {
                    firstFired.putIfAbsent(alert.tier().id(), elapsed.plus(step));
                }
            }
        }
        return firstFired;
    }

    @Test
    void aTotalOutagePagesWithinAMinute() {
        Map<String, Duration> fired = burn(1.0, Duration.ofMinutes(10), Duration.ofSeconds(1));

        assertThat(fired).containsKey("page-1h");
        double minutes = fired.get("page-1h").toMillis() / 60_000.0;
        assertThat(minutes).as("minutes until the fast page").isBetween(0.75, 1.0);
    }

    @Test
    void aTenfoldBurnPagesThroughTheSixHourTierAfterAboutThreeAndAHalfHours() {
        Map<String, Duration> fired = burn(0.010, Duration.ofHours(5), Duration.ofSeconds(10));

        assertThat(fired).doesNotContainKey("page-1h").containsKey("page-6h");
        double hours = fired.get("page-6h").toMillis() / 3_600_000.0;
        assertThat(hours).as("hours until the slow page").isBetween(3.5, 3.7);
    }

    @Test
    void aBurnAtExactlyTheBudgetRateOpensATicketAfterThreeDaysAndNeverPages() {
        Map<String, Duration> fired = burn(0.001, Duration.ofDays(4), Duration.ofMinutes(1));

        assertThat(fired).containsOnlyKeys("ticket-3d");
        double days = fired.get("ticket-3d").toMillis() / 86_400_000.0;
        assertThat(days).as("days until the ticket").isBetween(2.95, 3.05);
    }

    @Test
    void aBurnAtHalfTheBudgetRateNeverAlerts() {
        Map<String, Duration> fired = burn(0.0005, Duration.ofDays(4), Duration.ofMinutes(1));

        assertThat(fired).isEmpty();
        assertThat(tracker.budget().remainingFraction()).isGreaterThan(0);
    }
}
