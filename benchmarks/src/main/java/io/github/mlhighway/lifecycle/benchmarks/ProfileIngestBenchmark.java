package io.github.mlhighway.lifecycle.benchmarks;

import io.github.mlhighway.lifecycle.core.data.Column;
import io.github.mlhighway.lifecycle.core.data.ColumnType;
import io.github.mlhighway.lifecycle.core.data.DoubleColumn;
import io.github.mlhighway.lifecycle.core.data.Table;
import io.github.mlhighway.lifecycle.core.data.csv.CsvOptions;
import io.github.mlhighway.lifecycle.core.data.csv.CsvTables;
import io.github.mlhighway.lifecycle.core.data.profile.ColumnProfile;
import io.github.mlhighway.lifecycle.core.data.profile.ColumnProfiler;
import io.github.mlhighway.lifecycle.core.data.profile.DatasetProfile;
import io.github.mlhighway.lifecycle.core.data.profile.ProfileOptions;
import io.github.mlhighway.lifecycle.core.data.profile.Profiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Profile ingest throughput. Every score is <em>values per second</em> on one thread (one core):
 * {@code @OperationsPerInvocation} makes one JMH operation one value, and {@code -prof gc}'s
 * {@code gc.alloc.rate.norm} is then bytes per value.
 * <ul>
 *   <li>{@code flightsTable}: {@link Profiles#of(Table)} on the three numeric columns of {@code flights-200k.csv}
 *       (600,000 values), parsed once in setup;</li>
 *   <li>{@code syntheticColumnProfiler}: 10M seeded N(0,1) doubles fed one at a time to a
 *       {@link ColumnProfiler#addDouble(double)}, then {@link ColumnProfiler#profile()};</li>
 *   <li>{@code syntheticColumn}: the same 10M values as a {@link DoubleColumn} through
 *       {@link Profiles#of(Column, ProfileOptions)} (the table path: null check and index check per value);</li>
 *   <li>{@code syntheticSum}: the loop floor, a plain sum of the same array;</li>
 *   <li>{@code syntheticKllOnly}, {@code syntheticHllOnly}: one sketch alone over the same array, the profiler's
 *       two largest per-value costs, to show where the time goes.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ProfileIngestBenchmark {

    /** Values in the three numeric flights columns. */
    public static final int FLIGHTS_VALUES = 600_000;
    /** Synthetic values. */
    public static final int SYNTHETIC_VALUES = 10_000_000;

    /** Values per {@code KllDoublesSketch.update(double[], int, int)} call in {@code syntheticKllBatched}. */
    static final int KLL_BATCH = 256;

    private Table flights;
    private double[] synthetic;
    private DoubleColumn syntheticColumn;

    /** Loads the flights CSV from the classpath and draws the synthetic values (seeded). */
    @Setup
    public void setUp() {
        flights = flights();
        int values = 0;
        for (Column column : flights.columns()) {
            if (!column.type().isNumeric()) {
                throw new IllegalStateException("flights column " + column.name() + " is " + column.type());
            }
            values += column.size() - column.nullCount();
        }
        if (values != FLIGHTS_VALUES) {
            throw new IllegalStateException("expected " + FLIGHTS_VALUES + " flights values, got " + values);
        }
        synthetic = gaussian(SYNTHETIC_VALUES, 0.0, 1.0, 42L);
        syntheticColumn = DoubleColumn.of("x", synthetic);
    }

    /** @return the flights table, read from the classpath */
    static Table flights() {
        try (InputStream in = ProfileIngestBenchmark.class.getResourceAsStream("/data/flights-200k.csv");
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return CsvTables.read(reader, "flights-200k.csv", CsvOptions.defaults());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return n seeded Gaussian values */
    static double[] gaussian(int n, double mean, double sd, long seed) {
        java.util.Random random = new java.util.Random(seed);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = mean + sd * random.nextGaussian();
        }
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(FLIGHTS_VALUES)
    public DatasetProfile flightsTable() {
        return Profiles.of(flights);
    }

    @Benchmark
    @OperationsPerInvocation(SYNTHETIC_VALUES)
    public ColumnProfile syntheticColumnProfiler() {
        ColumnProfiler profiler = ColumnProfiler.of("x", ColumnType.DOUBLE, ProfileOptions.defaults());
        double[] values = synthetic;
        for (int i = 0; i < values.length; i++) {
            profiler.addDouble(values[i]);
        }
        return profiler.profile();
    }

    @Benchmark
    @OperationsPerInvocation(SYNTHETIC_VALUES)
    public ColumnProfile syntheticColumn() {
        return Profiles.of(syntheticColumn, ProfileOptions.defaults());
    }

    @Benchmark
    @OperationsPerInvocation(SYNTHETIC_VALUES)
    public double syntheticSum() {
        double sum = 0;
        double[] values = synthetic;
        for (int i = 0; i < values.length; i++) {
            sum += values[i];
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(SYNTHETIC_VALUES)
    public KllDoublesSketch syntheticKllOnly() {
        KllDoublesSketch sketch = KllDoublesSketch.newHeapInstance(ProfileOptions.DEFAULT_KLL_K);
        double[] values = synthetic;
        for (int i = 0; i < values.length; i++) {
            sketch.update(values[i]);
        }
        return sketch;
    }

    @Benchmark
    @OperationsPerInvocation(SYNTHETIC_VALUES)
    public KllDoublesSketch syntheticKllBatched() {
        KllDoublesSketch sketch = KllDoublesSketch.newHeapInstance(ProfileOptions.DEFAULT_KLL_K);
        double[] values = synthetic;
        for (int i = 0; i < values.length; i += KLL_BATCH) {
            sketch.update(values, i, Math.min(KLL_BATCH, values.length - i));
        }
        return sketch;
    }

    @Benchmark
    @OperationsPerInvocation(SYNTHETIC_VALUES)
    public HllSketch syntheticHllOnly() {
        HllSketch sketch = new HllSketch(ProfileOptions.DEFAULT_HLL_LG_K);
        double[] values = synthetic;
        for (int i = 0; i < values.length; i++) {
            sketch.update(values[i]);
        }
        return sketch;
    }

    @Benchmark
    @OperationsPerInvocation(SYNTHETIC_VALUES)
    public HllSketch syntheticHll8Only() {
        HllSketch sketch = new HllSketch(ProfileOptions.DEFAULT_HLL_LG_K, TgtHllType.HLL_8);
        double[] values = synthetic;
        for (int i = 0; i < values.length; i++) {
            sketch.update(values[i]);
        }
        return sketch;
    }
}
