package io.github.mlhighway.lifecycle.benchmarks;

import io.github.mlhighway.lifecycle.core.data.ColumnType;
import io.github.mlhighway.lifecycle.core.data.DoubleColumn;
import io.github.mlhighway.lifecycle.core.data.Table;
import io.github.mlhighway.lifecycle.core.data.drift.Drift;
import io.github.mlhighway.lifecycle.core.data.drift.DriftReport;
import io.github.mlhighway.lifecycle.core.data.drift.KsTest;
import io.github.mlhighway.lifecycle.core.data.profile.ColumnProfile;
import io.github.mlhighway.lifecycle.core.data.profile.ColumnProfiler;
import io.github.mlhighway.lifecycle.core.data.profile.DatasetProfile;
import io.github.mlhighway.lifecycle.core.data.profile.ProfileOptions;
import io.github.mlhighway.lifecycle.core.data.profile.Profiles;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Drift on 1M reference vs 1M current values, N(0, 1) vs N(0.05, 1), both seeded. Average time per call.
 * <ul>
 *   <li>{@code ksExact}: {@link KsTest#exact} (Commons Math: D and its p-value from the raw arrays);</li>
 *   <li>{@code ksExactStatisticOnly}: Commons Math's {@code kolmogorovSmirnovStatistic} alone, D without the p-value;</li>
 *   <li>{@code ksSketches}: {@link KsTest#fromSketches} on two prebuilt KLL sketches (k = 200, the profile
 *       default), taken fresh from the profiles ({@link ColumnProfile#quantileSketch()} deserializes a copy, so
 *       no sorted view is cached across calls), i.e. what drift from profiles pays;</li>
 *   <li>{@code ksSketchesWarm}: the same test on the same two sketch objects every call (sorted views cached by
 *       DataSketches after the first call): the floor;</li>
 *   <li>{@code sketchBuild}: building both sides' KLL sketches from the 2 × 1M values (the cost moved out of the
 *       drift call into profiling; a full profile costs more, see {@code ProfileIngestBenchmark});</li>
 *   <li>{@code driftTables}, {@code driftProfiles}: the whole {@link Drift#between} for the one-column tables
 *       (exact: sorts, KS, Wasserstein) and for their profiles (sketches).</li>
 * </ul>
 * Setup prints the exact and sketch D and their difference; {@link #main} repeats the comparison over many sketch
 * builds (KLL compaction is randomized, so one build proves little).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DriftBenchmark {

    /** Values per side. */
    public static final int N = 1_000_000;
    /** The largest allowed |sketch D − exact D|. */
    public static final double MAX_D_ERROR = 0.01;

    private double[] reference;
    private double[] current;
    private ColumnProfile referenceProfile;
    private ColumnProfile currentProfile;
    private KllDoublesSketch referenceSketch;
    private KllDoublesSketch currentSketch;
    private Table referenceTable;
    private Table currentTable;
    private DatasetProfile referenceDataset;
    private DatasetProfile currentDataset;

    /** Draws both samples, profiles them and checks the sketch D against the exact D. */
    @Setup
    public void setUp() {
        reference = ProfileIngestBenchmark.gaussian(N, 0.0, 1.0, 1L);
        current = ProfileIngestBenchmark.gaussian(N, 0.05, 1.0, 2L);
        referenceProfile = profile(reference);
        currentProfile = profile(current);
        referenceSketch = referenceProfile.quantileSketch();
        currentSketch = currentProfile.quantileSketch();
        referenceTable = Table.of("reference", DoubleColumn.of("x", reference));
        currentTable = Table.of("current", DoubleColumn.of("x", current));
        referenceDataset = Profiles.of(referenceTable);
        currentDataset = Profiles.of(currentTable);
        check(reference, current, referenceSketch, currentSketch);
    }

    static ColumnProfile profile(double[] values) {
        ColumnProfiler profiler = ColumnProfiler.of("x", ColumnType.DOUBLE, ProfileOptions.defaults());
        for (double value : values) {
            profiler.addDouble(value);
        }
        return profiler.profile();
    }

    /** Prints exact and sketch D; KLL compaction is randomized (unseeded), so the sketch D varies by run. */
    static double check(double[] reference, double[] current, KllDoublesSketch a, KllDoublesSketch b) {
        KsTest.Result exact = KsTest.exact(reference, current);
        KsTest.Result sketch = KsTest.fromSketches(a, b);
        double error = Math.abs(sketch.statistic() - exact.statistic());
        System.out.printf("%nKS at %,d vs %,d, k = %d: exact D = %.6f (p = %.3g), sketch D = %.6f (p = %.3g, rank"
                + " error %.5f), |difference| = %.6f%s%n", reference.length, current.length, a.getK(),
                exact.statistic(), exact.pValue(), sketch.statistic(), sketch.pValue(), sketch.rankError(), error,
                error <= MAX_D_ERROR ? "" : " > " + MAX_D_ERROR + " (target missed)");
        return error;
    }

    @Benchmark
    public KsTest.Result ksExact() {
        return KsTest.exact(reference, current);
    }

    @Benchmark
    public double ksExactStatisticOnly() {
        return new KolmogorovSmirnovTest().kolmogorovSmirnovStatistic(reference, current);
    }

    @Benchmark
    public KsTest.Result ksSketches() {
        return KsTest.fromSketches(referenceProfile.quantileSketch(), currentProfile.quantileSketch());
    }

    @Benchmark
    public KsTest.Result ksSketchesWarm() {
        return KsTest.fromSketches(referenceSketch, currentSketch);
    }

    @Benchmark
    public void sketchBuild(Blackhole blackhole) {
        KllDoublesSketch a = KllDoublesSketch.newHeapInstance(ProfileOptions.DEFAULT_KLL_K);
        a.update(reference, 0, reference.length);
        KllDoublesSketch b = KllDoublesSketch.newHeapInstance(ProfileOptions.DEFAULT_KLL_K);
        b.update(current, 0, current.length);
        blackhole.consume(a);
        blackhole.consume(b);
    }

    @Benchmark
    public DriftReport driftTables() {
        return Drift.between(referenceTable, currentTable);
    }

    @Benchmark
    public DriftReport driftProfiles() {
        return Drift.between(referenceDataset, currentDataset);
    }

    /**
     * Without JMH: the sketch-vs-exact D error over repeated sketch builds, for several KLL k.
     *
     * @param args trials per k (default 20), then the k values (default 200 400 800)
     */
    public static void main(String[] args) {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int[] ks = args.length > 1 ? java.util.Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt)
                .toArray() : new int[] {200, 400, 800};
        double[] reference = ProfileIngestBenchmark.gaussian(N, 0.0, 1.0, 1L);
        double[] current = ProfileIngestBenchmark.gaussian(N, 0.05, 1.0, 2L);
        double exact = KsTest.exact(reference, current).statistic();
        for (int k : ks) {
            double max = 0;
            double sum = 0;
            int within = 0;
            for (int t = 0; t < trials; t++) {
                KllDoublesSketch a = KllDoublesSketch.newHeapInstance(k);
                a.update(reference, 0, reference.length);
                KllDoublesSketch b = KllDoublesSketch.newHeapInstance(k);
                b.update(current, 0, current.length);
                double error = Math.abs(KsTest.fromSketches(a, b).statistic() - exact);
                max = Math.max(max, error);
                sum += error;
                within += error <= MAX_D_ERROR ? 1 : 0;
            }
            System.out.printf("k = %4d: exact D = %.6f; |sketch D - exact D| mean %.4f, max %.4f; within %.2f in"
                    + " %d of %d builds; rank error eps1 + eps2 = %.4f%n", k, exact, sum / trials, max, MAX_D_ERROR,
                    within, trials, 2 * KllDoublesSketch.newHeapInstance(k).getNormalizedRankError(false));
        }
    }
}
