package io.github.mlhighway.lifecycle.benchmarks;

import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.slo.AlertState;
import io.github.mlhighway.lifecycle.slo.ErrorBudget;
import io.github.mlhighway.lifecycle.slo.Slo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The cost of the read side, which runs once per tick or scrape rather than once per event:
 * <ul>
 *   <li>{@code recordOnly}: the baseline every method below includes: 100 events recorded and the clock moved one
 *       second, without reading anything;</li>
 *   <li>{@code tick}: {@link SloTracker#tick()} with 100 new events since the previous tick, the clock one second
 *       later;</li>
 *   <li>{@code tickAndBudget}: the same, then {@link SloTracker#budget()};</li>
 *   <li>{@code tickBudgetAndAlerts}: the same, then {@link SloTracker#alerts()} too (what a Micrometer scrape
 *       computes per SLO).</li>
 * </ul>
 * The clock moves one second per invocation, so the bucket rings keep advancing and evicting as in production.
 * Single-threaded: reads are synchronized and run on a scheduler, not on request threads.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SloReadBenchmark {

    private SteppingClock clock;
    private SloTracker tracker;

    /** Builds a 99.9% / 28-day SLO with the SRE Workbook alert tiers and warms its windows with a day of data. */
    @Setup
    public void setUp() {
        clock = new SteppingClock(Instant.parse("2025-01-01T00:00:00Z"));
        Slo slo = Slo.ratio("bench.availability").objective(0.999).rollingWindow(Duration.ofDays(28)).build();
        tracker = SloTracker.create(slo, clock);
        for (int second = 0; second < 86_400; second++) {
            record100();
            clock.millis += 1000;
            tracker.tick();
        }
    }

    /** @return the clock; records 100 events and moves the clock, the baseline of the other methods */
    @Benchmark
    public long recordOnly() {
        record100();
        clock.millis += 1000;
        return clock.millis;
    }

    /** @return the clock; ticks once after 100 events */
    @Benchmark
    public long tick() {
        record100();
        clock.millis += 1000;
        tracker.tick();
        return clock.millis;
    }

    /** @return the budget after a tick */
    @Benchmark
    public ErrorBudget tickAndBudget() {
        record100();
        clock.millis += 1000;
        tracker.tick();
        return tracker.budget();
    }

    /** @return the alert states after a tick and a budget read */
    @Benchmark
    public List<AlertState> tickBudgetAndAlerts() {
        record100();
        clock.millis += 1000;
        tracker.tick();
        tracker.budget();
        return tracker.alerts();
    }

    private void record100() {
        for (int i = 0; i < 99; i++) {
            tracker.recordGood();
        }
        tracker.recordBad();
    }

    /** A clock the benchmark moves by hand. */
    static final class SteppingClock extends Clock {
        long millis;

        SteppingClock(Instant start) {
            this.millis = start.toEpochMilli();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("This test clock is UTC only");
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public long millis() {
            return millis;
        }
    }
}
