package io.github.mlhighway.lifecycle.benchmarks;

import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.slo.Slo;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The cost of recording one SLI event, side by side with what it is compared against:
 * <ul>
 *   <li>{@code lifecycle}: {@link SloTracker#recordGood()} on a tracker of a 99.9% / 28-day SLO with the SRE
 *       Workbook alert tiers;</li>
 *   <li>{@code lifecycleRecordBoolean}: {@link SloTracker#record(boolean)}, the call a request filter makes;</li>
 *   <li>{@code longAdder}: a bare {@link LongAdder#increment()}, the floor;</li>
 *   <li>{@code micrometerCounter}: {@link Counter#increment()} on a counter of a {@link SimpleMeterRegistry}.</li>
 * </ul>
 * All state is shared ({@link Scope#Benchmark}), so with {@code -t 2} the threads contend on the same counters.
 * Nobody ticks the tracker during the run: recording never reads the clock, so ticking would only add a
 * background thread that the comparison does not have.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SliRecordBenchmark {

    private SloTracker tracker;
    private LongAdder adder;
    private Counter counter;
    private boolean good;

    /** Builds the tracker, the adder and the counter. */
    @Setup
    public void setUp() {
        Slo slo = Slo.ratio("bench.availability").objective(0.999).rollingWindow(Duration.ofDays(28)).build();
        tracker = SloTracker.create(slo, Clock.systemUTC());
        adder = new LongAdder();
        counter = Counter.builder("bench.requests").tag("outcome", "good").register(new SimpleMeterRegistry());
        good = true;
    }

    /** Records one good event on an {@link SloTracker}. */
    @Benchmark
    public void lifecycle() {
        tracker.recordGood();
    }

    /** Records one event whose outcome is a (non-constant) boolean on an {@link SloTracker}. */
    @Benchmark
    public void lifecycleRecordBoolean() {
        tracker.record(good);
    }

    /** Increments a bare {@link LongAdder}. */
    @Benchmark
    public void longAdder() {
        adder.increment();
    }

    /** Increments a Micrometer {@link Counter} from a {@link SimpleMeterRegistry}. */
    @Benchmark
    public void micrometerCounter() {
        counter.increment();
    }
}
