package io.github.mlhighway.lifecycle.core.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.core.slo.internal.Resolutions;
import io.github.mlhighway.lifecycle.slo.AlertPolicy;
import io.github.mlhighway.lifecycle.slo.BurnRate;
import io.github.mlhighway.lifecycle.slo.ErrorBudget;
import io.github.mlhighway.lifecycle.slo.NoDataPolicy;
import io.github.mlhighway.lifecycle.slo.Slo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Windows, budgets and burn rates agree with a naive model that keeps every event and recounts the window
 * from scratch, over random event streams and random clock steps.
 */
class SloWindowProperties {

    private static final Duration WINDOW = Duration.ofHours(6);
    private static final List<Duration> PROBES = List.of(Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofHours(1), Duration.ofHours(6), Duration.ofMinutes(20), Duration.ofSeconds(90));

    /** One step of a simulation: record events, then move the clock and tick. */
    record Step(long good, long bad, long advanceSeconds) {
    }

    /** An event batch as the naive model keeps it. */
    record Batch(long atMillis, long good, long bad) {
    }

    @Provide
    Arbitrary<Step> steps() {
        Arbitrary<Long> counts = Arbitraries.longs().between(0, 40);
        Arbitrary<Long> advance = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.longs().between(0, 120)),
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(0, 3600)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(0, 8 * 3600)));
        return Combinators.combine(counts, counts, advance).as(Step::new);
    }

    @Property(tries = 300)
    void occurrencesWindowsMatchTheNaiveModel(@ForAll @Size(max = 120) List<@net.jqwik.api.From("steps") Step> steps) {
        SimClock clock = SimClock.atDefault();
        SloTracker tracker = SloTracker.create(Slo.ratio("p").objective(0.99).rollingWindow(WINDOW).build(), clock);
        List<Batch> history = new ArrayList<>();
        for (Step step : steps) {
            tracker.record(step.good(), step.good() + step.bad());
            history.add(new Batch(clock.millis(), step.good(), step.bad()));
            clock.advance(Duration.ofSeconds(step.advanceSeconds()));
            tracker.tick();

            long now = clock.millis();
            long[] expected = naive(history, now, WINDOW.toMillis());
            ErrorBudget budget = tracker.budget();
            assertThat(budget.eligible()).isEqualTo(expected[1]);
            assertThat(budget.bad()).isEqualTo((double) expected[0]);
            assertThat(budget.consumedFraction()).isCloseTo(
                    expected[1] == 0 ? 0.0 : expected[0] / (0.01 * expected[1]), within(1e-9));
            for (Duration probe : PROBES) {
                long[] window = naiveSubWindow(history, now, probe.toMillis(), tracker);
                BurnRate burn = tracker.burnRate(probe);
                assertThat(burn.eligible()).as("events in %s", probe).isEqualTo(window[1]);
                assertThat(burn.bad()).as("bad in %s", probe).isEqualTo((double) window[0]);
                double ratio = window[1] == 0 ? 0 : (double) window[0] / window[1];
                assertThat(burn.burnRate()).isCloseTo(ratio / (1 - 0.99), within(1e-9));
            }
        }
    }

    @Property(tries = 200)
    void timesliceBudgetsMatchTheNaiveModel(@ForAll @Size(max = 80) List<@net.jqwik.api.From("steps") Step> steps) {
        SimClock clock = SimClock.atDefault();
        long sliceMillis = Duration.ofMinutes(10).toMillis();
        SloTracker tracker = SloTracker.create(Slo.timeslices("t").atLeast(0.8).slice(Duration.ofMinutes(10))
                .objective(0.9).rollingWindow(WINDOW).alerting(AlertPolicy.none().withNoData(NoDataPolicy.IGNORE))
                .build(), clock);
        long start = clock.millis();
        List<Batch> history = new ArrayList<>();
        for (Step step : steps) {
            tracker.record(step.good(), step.good() + step.bad());
            history.add(new Batch(clock.millis(), step.good(), step.bad()));
            clock.advance(Duration.ofSeconds(step.advanceSeconds()));
            tracker.tick();

            long now = clock.millis();
            long resolution = Resolutions.forWindow(WINDOW.toMillis());
            long headBucket = Math.floorDiv(now, resolution);
            long oldestBucket = headBucket - WINDOW.toMillis() / resolution + 1;
            long good = 0;
            long bad = 0;
            for (long slice = Math.floorDiv(start, sliceMillis); slice < Math.floorDiv(now, sliceMillis); slice++) {
                long sliceGood = 0;
                long sliceTotal = 0;
                for (Batch batch : history) {
                    if (Math.floorDiv(batch.atMillis(), sliceMillis) == slice) {
                        sliceGood += batch.good();
                        sliceTotal += batch.good() + batch.bad();
                    }
                }
                long closedAt = (slice + 1) * sliceMillis - 1;
                if (sliceTotal == 0 || Math.floorDiv(closedAt, resolution) < oldestBucket) {
                    continue;
                }
                if ((double) sliceGood / sliceTotal >= 0.8) {
                    good++;
                } else {
                    bad++;
                }
            }
            ErrorBudget budget = tracker.budget();
            assertThat(budget.eligible()).isEqualTo(good + bad);
            assertThat(budget.bad()).isEqualTo((double) bad);
            assertThat(budget.allowedBad()).isCloseTo(0.1 * 36, within(1e-9));
        }
    }

    @Property(tries = 200)
    void calendarWindowsCountExactlyTheCurrentPeriodAcrossDaylightSavingChanges(
            @ForAll @Size(max = 80) List<@net.jqwik.api.From("steps") Step> steps) {
        // 2026-03-28: the night before Europe/Berlin moves to summer time, so random walks cross a 23-hour day.
        SimClock clock = new SimClock(java.time.Instant.parse("2026-03-28T12:00:00Z"));
        java.time.ZoneId berlin = java.time.ZoneId.of("Europe/Berlin");
        SloTracker tracker = SloTracker.create(Slo.ratio("c").objective(0.99)
                .calendarWindow(io.github.mlhighway.lifecycle.slo.CalendarUnit.DAY, berlin).build(), clock);
        List<Batch> history = new ArrayList<>();
        for (Step step : steps) {
            tracker.record(step.good(), step.good() + step.bad());
            history.add(new Batch(clock.millis(), step.good(), step.bad()));
            clock.advance(Duration.ofSeconds(step.advanceSeconds()));
            tracker.tick();

            java.time.ZonedDateTime local = clock.instant().atZone(berlin);
            long dayStart = local.toLocalDate().atStartOfDay(berlin).toInstant().toEpochMilli();
            long bad = 0;
            long total = 0;
            for (Batch batch : history) {
                if (batch.atMillis() >= dayStart) {
                    bad += batch.bad();
                    total += batch.good() + batch.bad();
                }
            }
            ErrorBudget budget = tracker.budget();
            assertThat(budget.windowStart().toEpochMilli()).isEqualTo(dayStart);
            assertThat(budget.eligible()).isEqualTo(total);
            assertThat(budget.bad()).isEqualTo((double) bad);
        }
    }

    /** Events whose bucket lies among the newest window/resolution buckets, as {bad, total}. */
    private static long[] naive(List<Batch> history, long now, long windowMillis) {
        long resolution = Resolutions.forWindow(windowMillis);
        long buckets = (windowMillis + resolution - 1) / resolution;
        return count(history, Math.floorDiv(now, resolution) - buckets + 1, resolution);
    }

    /** A sub-window measured the way the tracker documents: on the finest tracked window that covers it. */
    private static long[] naiveSubWindow(List<Batch> history, long now, long millis, SloTracker tracker) {
        long resolution = Long.MAX_VALUE;
        for (long tracked : List.of(WINDOW.toMillis(), Duration.ofHours(1).toMillis(),
                Duration.ofMinutes(5).toMillis(), Duration.ofMinutes(30).toMillis())) {
            if (tracked == millis) {
                return naive(history, now, millis);
            }
            if (tracked >= millis) {
                resolution = Math.min(resolution, Resolutions.forWindow(tracked));
            }
        }
        long buckets = (millis + resolution - 1) / resolution;
        return count(history, Math.floorDiv(now, resolution) - buckets + 1, resolution);
    }

    private static long[] count(List<Batch> history, long oldestBucket, long resolution) {
        long bad = 0;
        long total = 0;
        for (Batch batch : history) {
            if (Math.floorDiv(batch.atMillis(), resolution) >= oldestBucket) {
                bad += batch.bad();
                total += batch.good() + batch.bad();
            }
        }
        return new long[] {bad, total};
    }
}
