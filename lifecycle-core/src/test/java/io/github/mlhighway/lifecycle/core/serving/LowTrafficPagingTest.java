package io.github.mlhighway.lifecycle.core.serving;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.slo.AlertState;
import io.github.mlhighway.lifecycle.slo.AlertStatus;
import io.github.mlhighway.lifecycle.slo.Severity;
import io.github.mlhighway.lifecycle.slo.Slo;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A canary at about eight requests an hour with an occasional failed call, minute by minute over four simulated
 * days: the default SLOs must not page on it, while the same traffic on a template without a minimum-events guard
 * pages again and again (so this test can fail).
 */
class LowTrafficPagingTest {

    private static final double REQUESTS_PER_MINUTE = 8 / 60.0;
    private static final double FAILURE_RATE = 0.02;
    private static final Duration RUN = Duration.ofDays(4);
    private static final String CANARY = "rain@4";

    /** What the run saw: failed calls, times a page started firing (flaps), and minutes with a ticket firing. */
    private record Paging(int calls, int failures, int pageStarts, int ticketMinutes) {
    }

    private static Paging quietCanary(UnaryOperator<GuardedModelBuilder<Integer, Integer>> slos) {
        SimClock clock = SimClock.atDefault();
        GuardedModel<Integer, Integer> model = slos.apply(GuardedModel.<Integer, Integer>builder("rain")
                .version(CANARY, x -> {
                    if (x == 1) {
                        throw new IllegalStateException("one bad call");
                    }
                    return x;
                }).clock(clock).nanoTime(() -> 0L).fallback(x -> -1)).build();
        VersionTrackers canary = model.versionTrackers(CANARY);
        SplittableRandom random = new SplittableRandom(12);
        boolean paging = false;
        int calls = 0;
        int failures = 0;
        int pageStarts = 0;
        int ticketMinutes = 0;
        for (long minute = 0; minute < RUN.toMinutes(); minute++) {
            if (random.nextDouble() < REQUESTS_PER_MINUTE) {
                boolean fails = random.nextDouble() < FAILURE_RATE;
                model.predict("r" + minute, fails ? 1 : 0);
                calls++;
                failures += fails ? 1 : 0;
            }
            clock.advance(Duration.ofMinutes(1));
            boolean pageNow = false;
            boolean ticketNow = false;
            for (SloTracker tracker : canary.all()) {
                for (AlertState alert : tracker.alerts()) {
                    if (alert.status() == AlertStatus.FIRING) {
                        pageNow |= alert.severity() == Severity.PAGE;
                        ticketNow |= alert.severity() == Severity.TICKET;
                    }
                }
            }
            pageStarts += pageNow && !paging ? 1 : 0;
            ticketMinutes += ticketNow ? 1 : 0;
            paging = pageNow;
        }
        return new Paging(calls, failures, pageStarts, ticketMinutes);
    }

    @Test
    void withTheDefaultSlosAQuietCanaryWithOccasionalFailuresNeverPagesButStillTickets() {
        Paging defaults = quietCanary(builder -> builder);

        assertThat(defaults.calls()).isBetween(700, 840);          // about 8 an hour for 96 hours
        assertThat(defaults.failures()).isGreaterThanOrEqualTo(8);
        assertThat(defaults.pageStarts()).isZero();
        assertThat(defaults.ticketMinutes()).isPositive();         // the budget burn is not hidden, it is a ticket
    }

    @Test
    void theSameTrafficOnATemplateWithoutAGuardPagesOnEveryFewFailures() {
        Slo unguarded = Slo.ratio("availability").objective(GuardedModelBuilder.DEFAULT_AVAILABILITY_OBJECTIVE)
                .rollingWindow(GuardedModelBuilder.DEFAULT_WINDOW).build();   // the Workbook tiers, no minimum events

        Paging flapping = quietCanary(builder -> builder.availabilitySlo(unguarded));

        assertThat(flapping.pageStarts()).isGreaterThanOrEqualTo(flapping.failures() / 2).isGreaterThan(4);
    }

    @Test
    void theGuardDoesNotMuteAnOutageOnceTheVersionHasTraffic() {
        SimClock clock = SimClock.atDefault();
        boolean[] down = {false};
        GuardedModel<Integer, Integer> model = GuardedModel.<Integer, Integer>builder("rain")
                .version(CANARY, x -> {
                    if (down[0]) {
                        throw new IllegalStateException("down");
                    }
                    return x;
                }).clock(clock).nanoTime(() -> 0L).fallback(x -> -1).build();
        VersionTrackers canary = model.versionTrackers(CANARY);
        long minute = 0;
        for (; minute < 12 * 60; minute++) {                      // a request a minute, healthy for 12 hours
            model.predict("r" + minute, 0);
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(canary.firingPages()).isEmpty();
        down[0] = true;
        int minutesToPage = 0;
        while (canary.firingPages().isEmpty() && minutesToPage < 60) {
            model.predict("r" + minute++, 0);
            clock.advance(Duration.ofMinutes(1));
            minutesToPage++;
        }
        assertThat(minutesToPage).isLessThanOrEqualTo(10);                // 0.56% of 360 calls: a few minutes
        assertThat(canary.firingPages()).extracting(a -> a.tier().id()).containsExactly("page-6h");
    }
}
