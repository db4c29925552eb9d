package io.github.mlhighway.lifecycle.benchmarks;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import io.github.mlhighway.lifecycle.core.serving.GuardedModel;
import io.github.mlhighway.lifecycle.djl.BatchStats;
import io.github.mlhighway.lifecycle.djl.DjlEngine;
import io.github.mlhighway.lifecycle.djl.DjlTrainer;
import io.github.mlhighway.lifecycle.djl.MicroBatcher;
import io.github.mlhighway.lifecycle.djl.PredictorPool;
import io.github.mlhighway.lifecycle.djl.ProbabilityTranslator;
import io.github.mlhighway.lifecycle.djl.TrainedDjlModel;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Serving a DJL model (an MLP on the PyTorch CPU engine, trained in {@link Shared#setUp()} on synthetic rows) one row
 * per call from 1 to 64 calling threads ({@code -t}), side by side:
 * <ul>
 *   <li>{@code raw}: DJL's own {@link Predictor#predict} with one predictor per benchmark thread and the library's
 *       {@link ProbabilityTranslator} (what a careful hand-written service does);</li>
 *   <li>{@code pooled}: a {@link PredictorPool} of {@value #WORKERS} predictors (the translator is a batch
 *       translator, so its predictors run each row as a batch of one, without DJL's batchifier);</li>
 *   <li>{@code guarded}: the pool through {@link GuardedModel#predict(String, String, Object)} (routing hash,
 *       availability and latency SLIs per version and cohort);</li>
 *   <li>{@code stackBatched}: a {@link MicroBatcher} over one DJL predictor whose translator has only the
 *       single-row form, so {@code Predictor.batchPredict} creates one array per row, stacks them with DJL's
 *       {@code STACK} batchifier and splits the output per row: batching as it was before the batch translator;</li>
 *   <li>{@code batched}: a {@link MicroBatcher} over the model and the {@link ProbabilityTranslator}'s batch form,
 *       {@value #WORKERS} workers (one input array per batch, one forward pass, one output read).</li>
 * </ul>
 * Both batchers take up to {@value #MAX_BATCH} rows and wait at most {@value #MAX_DELAY_MICROS} µs, only while more
 * callers are in flight. {@code model} is {@code small} (11 → 16 → 1, the model of the earlier rounds) or
 * {@code large} (64 → 256 → 256 → 1). The default mode is throughput (calls per second over all threads); run with
 * {@code -bm sample} for latency percentiles and {@code -prof gc} for bytes per call (= per row).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DjlPredictorBenchmark {

    private static final int ROWS = 2048;
    private static final int IDS = 1024;
    static final int WORKERS = 2;
    static final int MAX_BATCH = 64;
    static final long MAX_DELAY_MICROS = 100;

    /** The trained model and the serving stacks, shared by every thread. */
    @State(Scope.Benchmark)
    public static class Shared {
        /** {@code small}: 11 → 16 → 1; {@code large}: 64 → 256 → 256 → 1. */
        @Param({"small", "large"})
        public String model;

        TrainedDjlModel trained;
        int width;
        PredictorPool<float[], Float> pool;
        GuardedModel<float[], Float> guarded;
        MicroBatcher<float[], Float> stackBatcher;
        MicroBatcher<float[], Float> batcher;
        float[][] rows;
        String[] requestIds;

        /** Trains the MLP on synthetic rows (offline engine) and builds the serving stacks. */
        @Setup(Level.Trial)
        public void setUp() {
            DjlEngine.requireOfflinePyTorch();
            boolean large = "large".equals(model);
            width = large ? 64 : 11;
            int[] hidden = large ? new int[] {256, 256} : new int[] {16};
            Random random = new Random(42);
            rows = new float[ROWS][width];
            float[] labels = new float[ROWS];
            for (int i = 0; i < ROWS; i++) {
                double score = 0;
                for (int j = 0; j < width; j++) {
                    rows[i][j] = (float) random.nextGaussian();
                    score += (j % 2 == 0 ? 1 : -0.5) * rows[i][j];
                }
                labels[i] = score + 0.5 * random.nextGaussian() > 0 ? 1f : 0f;
            }
            trained = DjlTrainer.builder(() -> DjlTrainer.mlp(hidden)).epochs(2).batchSize(64).seed(7).build()
                    .train(rows, labels);
            Model djl = trained.model();
            ProbabilityTranslator translator = new ProbabilityTranslator(width);
            // the pool owns (and closes) the model; the batchers and the raw predictors are closed before it
            pool = PredictorPool.builder(djl, translator).name("bench").size(WORKERS).warmUp(rows[0])
                    .borrowTimeout(Duration.ofSeconds(30)).build();
            guarded = GuardedModel.<float[], Float>builder("bench").version("v1", pool).clock(Clock.systemUTC())
                    .build();
            stackBatcher = MicroBatcher.builder(djl.newPredictor(new RowTranslator(translator))).name("stack")
                    .maxBatchSize(MAX_BATCH).maxDelay(Duration.ofNanos(MAX_DELAY_MICROS * 1000))
                    .queueCapacity(4096).build();
            stackBatcher.apply(rows[0]);
            batcher = MicroBatcher.builder(djl, translator).name("batched").workers(WORKERS)
                    .maxBatchSize(MAX_BATCH).maxDelay(Duration.ofNanos(MAX_DELAY_MICROS * 1000))
                    .queueCapacity(4096).build();
            batcher.apply(rows[0]);
            requestIds = new String[IDS];
            for (int i = 0; i < IDS; i++) {
                requestIds[i] = "request-" + (1_000_000 + i);
            }
        }

        /** Prints the batchers' mean batch sizes, then closes the batchers, the guarded model and the pool. */
        @TearDown(Level.Trial)
        public void tearDown() {
            print("stackBatched", stackBatcher.stats());
            print("batched", batcher.stats());
            stackBatcher.close();
            batcher.close();
            guarded.close();
            pool.close();
        }

        private static void print(String method, BatchStats stats) {
            System.out.printf("%n%s: %d batches, mean batch %.1f rows, largest %d, forward %.2f µs per row, mean"
                            + " oldest-row wait %.1f µs%n", method, stats.batches(), stats.meanBatchSize(),
                    stats.largestBatch(), stats.forwardNanosPerRow() / 1e3, stats.meanQueueWaitNanos() / 1e3);
        }
    }

    /** One DJL predictor per benchmark thread, plus the thread's position in the rows. */
    @State(Scope.Thread)
    public static class PerThread {
        Predictor<float[], Float> predictor;
        int next;

        /**
         * @param shared the trained model
         * @throws TranslateException when the warm-up prediction fails
         */
        @Setup(Level.Trial)
        public void setUp(Shared shared) throws TranslateException {
            predictor = shared.trained.model().newPredictor(new ProbabilityTranslator(shared.width));
            predictor.predict(shared.rows[0]);
            next = (int) (Thread.currentThread().getId() * 97);
        }

        /** Closes the thread's predictor. */
        @TearDown(Level.Trial)
        public void tearDown() {
            predictor.close();
        }
    }

    /**
     * DJL alone: the thread's own predictor.
     *
     * @param shared the rows
     * @param local  the thread's predictor
     * @return the probability
     * @throws TranslateException when DJL fails
     */
    @Benchmark
    public Float raw(Shared shared, PerThread local) throws TranslateException {
        return local.predictor.predict(shared.rows[local.next++ & (ROWS - 1)]);
    }

    /**
     * The pool: borrow a predictor, predict a batch of one, give it back.
     *
     * @param shared the pool and rows
     * @param local  the thread's position
     * @return the probability
     */
    @Benchmark
    public Float pooled(Shared shared, PerThread local) {
        return shared.pool.apply(shared.rows[local.next++ & (ROWS - 1)]);
    }

    /**
     * The pool through the guarded model.
     *
     * @param shared the guarded model, request ids and rows
     * @param local  the thread's position
     * @return the probability
     */
    @Benchmark
    public Float guarded(Shared shared, PerThread local) {
        int i = local.next++;
        String id = shared.requestIds[i & (IDS - 1)];
        return shared.guarded.predict(id, id, shared.rows[i & (ROWS - 1)]);
    }

    /**
     * Micro-batching on DJL's own {@code batchPredict} with a single-row translator (one array per row, stacked).
     *
     * @param shared the stack batcher and rows
     * @param local  the thread's position
     * @return the probability
     */
    @Benchmark
    public Float stackBatched(Shared shared, PerThread local) {
        return shared.stackBatcher.apply(shared.rows[local.next++ & (ROWS - 1)]);
    }

    /**
     * Micro-batching on the batch translator: one input array, one forward pass, one output read per batch.
     *
     * @param shared the batcher and rows
     * @param local  the thread's position
     * @return the probability
     */
    @Benchmark
    public Float batched(Shared shared, PerThread local) {
        return shared.batcher.apply(shared.rows[local.next++ & (ROWS - 1)]);
    }

    /**
     * The {@link ProbabilityTranslator}'s single-row form only: DJL's default batch form (an array per row, the
     * {@code STACK} batchifier, an output split per row) is what {@code Predictor.batchPredict} then runs.
     */
    static final class RowTranslator implements Translator<float[], Float> {
        private final ProbabilityTranslator rows;

        RowTranslator(ProbabilityTranslator rows) {
            this.rows = rows;
        }

        @Override
        public NDList processInput(TranslatorContext ctx, float[] row) {
            return rows.processInput(ctx, row);
        }

        @Override
        public Float processOutput(TranslatorContext ctx, NDList list) {
            return rows.processOutput(ctx, list);
        }
    }
}
