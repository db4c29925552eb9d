package io.github.mlhighway.lifecycle.benchmarks;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import io.github.mlhighway.lifecycle.core.serving.GuardedModel;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Serving a small DJL model (an MLP 11 → 16 → 1 on the PyTorch CPU engine, trained in {@link Shared#setUp()} on
 * synthetic rows) one row per call, side by side:
 * <ul>
 *   <li>{@code raw}: DJL's own {@link Predictor#predict} with one predictor per benchmark thread (what a careful
 *       hand-written service does);</li>
 *   <li>{@code pooled}: the same model through a {@link PredictorPool} of 2 predictors (borrow, predict, give
 *       back);</li>
 *   <li>{@code guarded}: the pool through {@link GuardedModel#predict(String, Object)} (routing hash, SLIs per
 *       version and cohort), the target being {@code guarded ≤ 1.05 × raw};</li>
 *   <li>{@code microBatched}: the same rows through a {@link MicroBatcher} (max batch {@value #MAX_BATCH}, max
 *       delay {@value #MAX_DELAY_MICROS} µs, one worker thread and one predictor, {@code Predictor.batchPredict}),
 *       which pays a hand-off to the worker and back and may wait for a batch to fill, but runs one forward pass
 *       per batch;</li>
 *   <li>{@code microBatchedGreedy}: as {@code microBatched} with max delay zero (a batch is what queued up while
 *       the previous one ran).</li>
 * </ul>
 * Every method uses the same translator, the library's {@link ProbabilityTranslator} (one {@code float[11]} row in,
 * the sigmoid of the logit out), and batch 1.
 * Run with {@code -t 1}, {@code -t 2} and, for the batching comparison, {@code -t 4}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DjlPredictorBenchmark {

    private static final int FEATURES = 11;
    private static final int ROWS = 2048;
    private static final int IDS = 1024;
    private static final int MAX_BATCH = 4;
    private static final long MAX_DELAY_MICROS = 200;

    /** The trained model, the pool, the guarded model and the batcher, shared by every thread. */
    @State(Scope.Benchmark)
    public static class Shared {
        TrainedDjlModel trained;
        PredictorPool<float[], Float> pool;
        GuardedModel<float[], Float> guarded;
        MicroBatcher<float[], Float> batcher;
        MicroBatcher<float[], Float> greedyBatcher;
        float[][] rows;
        String[] requestIds;

        /** Trains the MLP on synthetic rows (offline engine) and builds the serving stack. */
        @Setup(Level.Trial)
        public void setUp() {
            DjlEngine.requireOfflinePyTorch();
            Random random = new Random(42);
            rows = new float[ROWS][FEATURES];
            float[] labels = new float[ROWS];
            for (int i = 0; i < ROWS; i++) {
                double score = 0;
                for (int j = 0; j < FEATURES; j++) {
                    rows[i][j] = (float) random.nextGaussian();
                    score += (j % 2 == 0 ? 1 : -0.5) * rows[i][j];
                }
                labels[i] = score + 0.5 * random.nextGaussian() > 0 ? 1f : 0f;
            }
            trained = DjlTrainer.builder(() -> DjlTrainer.mlp(16)).epochs(2).batchSize(64).seed(7).build()
                    .train(rows, labels);
            // the pool owns (and closes) the model; raw predictors are closed first in TearDown order
            pool = PredictorPool.builder(trained.model(), new ProbabilityTranslator(FEATURES)).name("bench").size(2)
                    .warmUp(rows[0]).borrowTimeout(Duration.ofSeconds(10)).build();
            guarded = GuardedModel.<float[], Float>builder("bench").version("v1", pool).clock(Clock.systemUTC())
                    .build();
            batcher = MicroBatcher.builder(trained.model().newPredictor(new ProbabilityTranslator(FEATURES))).name("bench")
                    .maxBatchSize(MAX_BATCH).maxDelay(Duration.ofNanos(MAX_DELAY_MICROS * 1000)).build();
            batcher.apply(rows[0]);
            greedyBatcher = MicroBatcher.builder(trained.model().newPredictor(new ProbabilityTranslator(FEATURES))).name("greedy")
                    .maxBatchSize(MAX_BATCH).maxDelay(Duration.ZERO).build();
            greedyBatcher.apply(rows[0]);
            requestIds = new String[IDS];
            for (int i = 0; i < IDS; i++) {
                requestIds[i] = "request-" + (1_000_000 + i);
            }
        }

        /** Closes the batcher, the guarded model and the pool (predictors, then the model). */
        @TearDown(Level.Trial)
        public void tearDown() {
            batcher.close();
            greedyBatcher.close();
            guarded.close();
            pool.close();
        }
    }

    /** One DJL predictor per benchmark thread, plus the thread's position in the rows. */
    @State(Scope.Thread)
    public static class PerThread {
        Predictor<float[], Float> predictor;
        int next;

        /**
         * @param shared the trained model
         */
        @Setup(Level.Trial)
        public void setUp(Shared shared) throws TranslateException {
            Model model = shared.trained.model();
            predictor = model.newPredictor(new ProbabilityTranslator(FEATURES));
            predictor.predict(shared.rows[0]);
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
     * The pool: borrow a predictor, predict, give it back.
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
        return shared.guarded.predict(shared.requestIds[i & (IDS - 1)], shared.rows[i & (ROWS - 1)]);
    }

    /**
     * The same rows through the micro-batcher: concurrent calls share one batched forward pass.
     *
     * @param shared the batcher and rows
     * @param local  the thread's position
     * @return the probability
     */
    @Benchmark
    public Float microBatched(Shared shared, PerThread local) {
        return shared.batcher.apply(shared.rows[local.next++ & (ROWS - 1)]);
    }

    /**
     * As {@link #microBatched} with max delay zero: a batch is whatever queued up while the previous batch ran, so
     * no call ever waits for others to arrive.
     *
     * @param shared the greedy batcher and rows
     * @param local  the thread's position
     * @return the probability
     */
    @Benchmark
    public Float microBatchedGreedy(Shared shared, PerThread local) {
        return shared.greedyBatcher.apply(shared.rows[local.next++ & (ROWS - 1)]);
    }
}
