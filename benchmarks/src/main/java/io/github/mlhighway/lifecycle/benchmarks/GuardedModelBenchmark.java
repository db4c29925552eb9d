package io.github.mlhighway.lifecycle.benchmarks;

import io.github.mlhighway.lifecycle.core.serving.GuardedModel;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the guards cost per call, side by side with calling the model directly:
 * <ul>
 *   <li>{@code direct}: a trivial {@code Function<double[], Double>} (a dot product of 4 features);</li>
 *   <li>{@code guarded}: the same function through {@link GuardedModel#predict(String, Object)} with availability
 *       and latency SLIs per version and cohort (4 striped counters, 2 nano-time reads), the default traffic plan,
 *       the request id hashed with murmur3 for routing; no shadow, no labels, no drift, no bulkhead.</li>
 *   <li>{@code guardedWithBulkhead}: as {@code guarded}, plus the CAS bulkhead (limit 64).</li>
 * </ul>
 * Request ids come from a preallocated array, so the benchmark itself allocates nothing. State is shared, so with
 * {@code -t 2} both threads contend on the same counters.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GuardedModelBenchmark {

    private static final int IDS = 1024;

    private Function<double[], Double> model;
    private GuardedModel<double[], Double> guarded;
    private GuardedModel<double[], Double> bulkheaded;
    private double[] input;
    private String[] requestIds;

    /** Per-thread position in the request ids. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    /** Builds the model, the guarded models, the input and the request ids. */
    @Setup
    public void setUp() {
        double[] weights = {0.5, -0.25, 0.125, 1.0};
        model = x -> x[0] * weights[0] + x[1] * weights[1] + x[2] * weights[2] + x[3] * weights[3];
        guarded = GuardedModel.<double[], Double>builder("bench").version("v1", model).clock(Clock.systemUTC())
                .build();
        bulkheaded = GuardedModel.<double[], Double>builder("bench-bulkhead").version("v1", model)
                .clock(Clock.systemUTC()).maxConcurrentCalls(64).build();
        input = new double[] {1.0, 2.0, 3.0, 4.0};
        requestIds = new String[IDS];
        for (int i = 0; i < IDS; i++) {
            requestIds[i] = "request-" + (1_000_000 + i);
        }
    }

    /**
     * The model alone.
     *
     * @return the prediction
     */
    @Benchmark
    public Double direct() {
        return model.apply(input);
    }

    /**
     * The model through the guarded model (SLIs, routing; no shadow, labels, drift or bulkhead).
     *
     * @param cursor the thread's id position
     * @return the prediction
     */
    @Benchmark
    public Double guarded(Cursor cursor) {
        return guarded.predict(requestIds[cursor.next++ & (IDS - 1)], input);
    }

    /**
     * As {@link #guarded}, with a bulkhead.
     *
     * @param cursor the thread's id position
     * @return the prediction
     */
    @Benchmark
    public Double guardedWithBulkhead(Cursor cursor) {
        return bulkheaded.predict(requestIds[cursor.next++ & (IDS - 1)], input);
    }
}
