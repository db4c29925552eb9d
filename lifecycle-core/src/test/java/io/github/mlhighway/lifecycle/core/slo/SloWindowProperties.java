package io.github.mlhighway.lifecycle.core.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.core.slo.internal.Resolutions;
import io.github.mlhighway.lifecycle.slo.AlertPolicy;
import io.github.mlhighway.lifecycle.slo.BurnRate;
import io.github.mlhighway.lifecycle.slo.CalendarUnit;
import io.github.mlhighway.lifecycle.slo.ErrorBudget;
import io.github.mlhighway.lifecycle.slo.NoDataPolicy;
import io.github.mlhighway.lifecycle.slo.Slo;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;

/**
 * Windows, budgets and burn rates agree with naive models that keep every event and recount from scratch,
 * over random event streams, random clock steps, and ticks that come (or not) before each step.
 *
 * <p>The engine attributes the events recorded since the previous tick to the time of the next tick; the
 * models do the same with a list of pending events.
 */
class SloWindowProperties {

    private static final Duration WINDOW = Duration.ofHours(6);
    private static final List<Duration> PROBES = List.of(Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofHours(1), Duration.ofHours(6), Duration.ofMinutes(20), Duration.ofSeconds(90));

    /** One step: record events, maybe tick, move the clock, tick. */
    record Step(long good, long bad, boolean tickFirst, long advanceSeconds) {
    }

    /** Events as the models keep them: when the engine counts them. */
    record Batch(long atMillis, long good, long bad) {
    }

    /** Replays steps on a tracker and keeps the naive history alongside. */
    static final class Simulation {
        final SimClock clock;
        final SloTracker tracker;
        final List<Batch> history = new ArrayList<>();
        private long pendingGood;
        private long pendingBad;

        Simulation(SimClock clock, Slo slo) {
            this.clock = clock;
            this.tracker = SloTracker.create(slo, clock);
        }

        void play(Step step) {
            tracker.record(step.good(), step.good() + step.bad());
            pendingGood += step.good();
            pendingBad += step.bad();
            if (step.tickFirst()) {
                tick();
            }
            clock.advance(Duration.ofSeconds(step.advanceSeconds()));
            tick();
        }

        private void tick() {
            tracker.tick();
            if (pendingGood + pendingBad > 0) {
                history.add(new Batch(clock.millis(), pendingGood, pendingBad));
            }
            pendingGood = 0;
            pendingBad = 0;
        }

        /** {bad, total} of the events counted at a time in [fromMillis, now]. */
        long[] since(long fromMillis) {
            long bad = 0;
            long total = 0;
            for (Batch batch : history) {
                if (batch.atMillis() >= fromMillis) {
                    bad += batch.bad();
                    total += batch.good() + batch.bad();
                }
            }
            return new long[] {bad, total};
        }
    }

    @Provide
    Arbitrary<Step> steps() {
        Arbitrary<Long> counts = Arbitraries.longs().between(0, 40);
        Arbitrary<Long> advance = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.longs().between(0, 120)),
                Tuple.of(3, Arbitraries.longs().between(0, 3600)),
                Tuple.of(1, Arbitraries.longs().between(0, 8 * 3600)));
        return Combinators.combine(counts, counts, Arbitraries.of(true, false), advance).as(Step::new);
    }

    @Property(tries = 300)
    void rollingWindowsHoldTheEventsOfTheirNewestBuckets(@ForAll @Size(max = 120) List<@From("steps") Step> steps) {
        Simulation sim = new Simulation(SimClock.atDefault(),
                Slo.ratio("p").objective(0.99).rollingWindow(WINDOW).build());
        for (Step step : steps) {
            sim.play(step);
            long now = sim.clock.millis();

            long[] expected = newestBuckets(sim, now, WINDOW.toMillis(), Resolutions.forWindow(WINDOW.toMillis()));
            ErrorBudget budget = sim.tracker.budget();
            assertThat(budget.eligible()).isEqualTo(expected[1]);
            assertThat(budget.bad()).isEqualTo((double) expected[0]);
            assertThat(budget.consumedFraction()).isCloseTo(
                    expected[1] == 0 ? 0.0 : expected[0] / (0.01 * expected[1]), within(1e-9));
            for (Duration probe : PROBES) {
                long[] window = newestBuckets(sim, now, probe.toMillis(), finestCoveringResolution(probe));
                BurnRate burn = sim.tracker.burnRate(probe);
                assertThat(burn.eligible()).as("events in %s", probe).isEqualTo(window[1]);
                assertThat(burn.bad()).as("bad in %s", probe).isEqualTo((double) window[0]);
                double ratio = window[1] == 0 ? 0 : (double) window[0] / window[1];
                assertThat(burn.burnRate()).isCloseTo(ratio / (1 - 0.99), within(1e-9));
            }
        }
    }

    @Property(tries = 300)
    void aRollingWindowIsNeverLongerThanItselfNorShorterByMoreThanAQuarterPercent(
            @ForAll @Size(max = 120) List<@From("steps") Step> steps) {
        Simulation sim = new Simulation(SimClock.atDefault(),
                Slo.ratio("p").objective(0.99).rollingWindow(WINDOW).build());
        long slack = WINDOW.toMillis() / 240; // the documented bound: at least 240 buckets per window
        for (Step step : steps) {
            sim.play(step);
            long now = sim.clock.millis();

            long counted = sim.tracker.budget().eligible();
            long inFullWindow = sim.since(now - WINDOW.toMillis() + 1)[1];
            long inShortenedWindow = sim.since(now - WINDOW.toMillis() + slack)[1];
            assertThat(counted).isBetween(inShortenedWindow, inFullWindow);
        }
    }

    @Property(tries = 200)
    void timesliceBudgetsCountTheClosedSlicesOfTheWindow(@ForAll @Size(max = 80) List<@From("steps") Step> steps) {
        long sliceMillis = Duration.ofMinutes(10).toMillis();
        Simulation sim = new Simulation(SimClock.atDefault(), Slo.timeslices("t").atLeast(0.8)
                .slice(Duration.ofMinutes(10)).objective(0.9).rollingWindow(WINDOW)
                .alerting(AlertPolicy.none().withNoData(NoDataPolicy.IGNORE)).build());
        long resolution = Resolutions.forWindow(WINDOW.toMillis());
        for (Step step : steps) {
            sim.play(step);
            long now = sim.clock.millis();

            long oldestBucket = Math.floorDiv(now, resolution) - WINDOW.toMillis() / resolution + 1;
            long good = 0;
            long bad = 0;
            for (long slice = Math.floorDiv(SimClock.atDefault().millis(), sliceMillis);
                 slice < Math.floorDiv(now, sliceMillis); slice++) {
                long sliceGood = 0;
                long sliceTotal = 0;
                for (Batch batch : sim.history) {
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
            ErrorBudget budget = sim.tracker.budget();
            assertThat(budget.eligible()).isEqualTo(good + bad);
            assertThat(budget.bad()).isEqualTo((double) bad);
            assertThat(budget.allowedBad()).isCloseTo(0.1 * 36, within(1e-9));
        }
    }

    @Property(tries = 100)
    void calendarDaysCountExactlyTheCurrentLocalDayAcrossDaylightSavingChanges(
            @ForAll("zonesWithDaylightSaving") String zoneAndStart,
            @ForAll @Size(max = 80) List<@From("steps") Step> steps) {
        String[] parts = zoneAndStart.split(" ");
        ZoneId zone = ZoneId.of(parts[0]);
        Simulation sim = new Simulation(new SimClock(Instant.parse(parts[1])), Slo.ratio("c").objective(0.99)
                .calendarWindow(CalendarUnit.DAY, zone).build());
        for (Step step : steps) {
            sim.play(step);

            long dayStart = sim.clock.instant().atZone(zone).toLocalDate().atStartOfDay(zone).toInstant()
                    .toEpochMilli();
            long[] expected = sim.since(dayStart);
            ErrorBudget budget = sim.tracker.budget();
            assertThat(budget.windowStart().toEpochMilli()).isEqualTo(dayStart);
            assertThat(budget.eligible()).isEqualTo(expected[1]);
            assertThat(budget.bad()).isEqualTo((double) expected[0]);
        }
    }

    /** Zones whose clocks change at 02:00 (Berlin) and at midnight (Sao Paulo 2018, Havana), from the day before. */
    @Provide
    Arbitrary<String> zonesWithDaylightSaving() {
        return Arbitraries.of("Europe/Berlin 2026-03-28T12:00:00Z", "Europe/Berlin 2026-10-24T12:00:00Z",
                "America/Sao_Paulo 2018-11-03T12:00:00Z", "America/Sao_Paulo 2019-02-15T12:00:00Z",
                "America/Havana 2026-03-07T12:00:00Z", "Asia/Kolkata 2026-01-31T12:00:00Z");
    }

    /** Events counted in the newest window/resolution buckets of width {@code resolution}, as {bad, total}. */
    private static long[] newestBuckets(Simulation sim, long now, long windowMillis, long resolution) {
        long buckets = (windowMillis + resolution - 1) / resolution;
        return sim.since((Math.floorDiv(now, resolution) - buckets + 1) * resolution);
    }

    /** The tracker measures a window it does not track on the finest tracked window that covers it. */
    private static long finestCoveringResolution(Duration probe) {
        long resolution = Long.MAX_VALUE;
        for (Duration tracked : List.of(WINDOW, Duration.ofHours(1), Duration.ofMinutes(5), Duration.ofMinutes(30))) {
            if (tracked.equals(probe)) {
                return Resolutions.forWindow(tracked.toMillis());
            }
            if (tracked.compareTo(probe) >= 0) {
                resolution = Math.min(resolution, Resolutions.forWindow(tracked.toMillis()));
            }
        }
        return resolution;
    }
}
