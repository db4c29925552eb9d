package io.github.mlhighway.lifecycle.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import io.github.mlhighway.lifecycle.core.serving.GuardedModel;
import io.github.mlhighway.lifecycle.core.serving.GuardedModelBuilder;
import io.github.mlhighway.lifecycle.release.CohortStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PredictorPoolTest {

    private static final SeattleRain DATA = SeattleRain.load();
    private static final int THREADS = 4;
    private static final int CALLS_PER_THREAD = 200;

    @Test
    void two_predictors_serve_four_threads_through_a_guarded_model_with_single_threaded_results() throws Exception {
        TrainedDjlModel trained = train();
        PredictorPool<float[], Float> pool = PredictorPool.builder(trained.model(), new ProbabilityTranslator(SeattleRain.WIDTH))
                .name("rain").size(2).warmUp(DATA.holdoutX[0]).build();
        float[] expected = new float[CALLS_PER_THREAD];
        for (int i = 0; i < CALLS_PER_THREAD; i++) {
            expected[i] = pool.predict(row(i));
        }
        double[] batch = trained.predictProbabilities(Arrays.copyOf(DATA.holdoutX, CALLS_PER_THREAD));
        for (int i = 0; i < CALLS_PER_THREAD; i++) {
            assertThat((double) expected[i]).isCloseTo(batch[i], offset(1e-5));
        }

        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try (GuardedModel<float[], Float> guarded = GuardedModel.<float[], Float>builder("rain")
                .version("rain@1", pool).build(); pool) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<float[]>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                results.add(threads.submit(() -> {
                    start.await();
                    float[] out = new float[CALLS_PER_THREAD];
                    for (int i = 0; i < CALLS_PER_THREAD; i++) {
                        out[i] = guarded.predict("t" + thread + "-" + i, "user-" + i, row(i));
                    }
                    return out;
                }));
            }
            start.countDown();
            for (Future<float[]> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).containsExactly(expected);
            }

            CohortStats stats = guarded.stats(GuardedModelBuilder.DEFAULT_COHORT, Duration.ofHours(1));
            assertThat(stats.requests()).isEqualTo((long) THREADS * CALLS_PER_THREAD);
            assertThat(stats.errors()).isZero();
            assertThat(pool.idle()).isEqualTo(2);
        } finally {
            threads.shutdownNow();
        }
        assertThat(trained.model().getNDManager().isOpen()).isFalse();
    }

    @Test
    void a_predictor_that_failed_to_translate_is_reused_and_the_function_wraps_the_cause() {
        try (PredictorPool<float[], Float> pool = PredictorPool.builder(train().model(), new ProbabilityTranslator(SeattleRain.WIDTH))
                .size(1).build()) {
            assertThatThrownBy(() -> pool.predict(new float[3])).isInstanceOf(TranslateException.class);
            assertThatThrownBy(() -> pool.apply(new float[3]))
                    .isInstanceOf(DjlPredictionException.class)
                    .hasMessageContaining("pool")
                    .hasCauseInstanceOf(TranslateException.class);

            assertThat(pool.idle()).isEqualTo(1);
            assertThat(pool.apply(row(0))).isBetween(0f, 1f);
        }
    }

    @Test
    void close_closes_the_predictors_then_the_model_once_and_refuses_later_calls() {
        Model model = train().model();
        List<String> closed = Collections.synchronizedList(new ArrayList<>());
        PredictorPool<float[], Float> pool = recordingPool(model, new ProbabilityTranslator(SeattleRain.WIDTH), 3, Duration.ofSeconds(1),
                closed);
        assertThat(pool.apply(row(1))).isBetween(0f, 1f);

        pool.close();
        pool.close();

        assertThat(closed).containsExactly("predictor", "predictor", "predictor", "model");
        assertThat(model.getNDManager().isOpen()).isFalse();
        assertThatThrownBy(() -> pool.apply(row(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Predictor pool 'test' is closed; it serves no more predictions");
    }

    @Test
    void an_exhausted_pool_times_out_clearly_and_a_busy_predictor_is_closed_before_the_model() throws Exception {
        Model model = train().model();
        GatedTranslator gated = new GatedTranslator();
        List<String> closed = Collections.synchronizedList(new ArrayList<>());
        PredictorPool<float[], Float> pool = recordingPool(model, gated, 1, Duration.ofMillis(50), closed);
        ExecutorService borrower = Executors.newSingleThreadExecutor();
        try {
            gated.gate = true;
            Future<Float> blocked = borrower.submit(() -> pool.apply(row(2)));
            assertThat(gated.entered.await(30, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> pool.apply(row(3)))
                    .isInstanceOf(PredictorPoolExhaustedException.class)
                    .hasMessage("Predictor pool 'test' is exhausted: all 1 predictors stayed busy for the borrow"
                            + " timeout of 50 ms; raise the pool size or the borrow timeout, or limit concurrent"
                            + " calls in front of the pool");

            pool.close();
            assertThat(closed).isEmpty();
            gated.release.countDown();
            assertThat(blocked.get(30, TimeUnit.SECONDS)).isBetween(0f, 1f);
            assertThat(closed).containsExactly("predictor", "model");
        } finally {
            gated.release.countDown();
            borrower.shutdownNow();
        }
    }

    @Test
    void no_predictor_is_ever_used_by_two_threads_at_once_and_every_call_is_counted() throws Exception {
        Model model = train().model();
        List<ExclusivePredictor> predictors = Collections.synchronizedList(new ArrayList<>());
        PredictorPool<float[], Float> pool = new PredictorPool<>("stress", 2, Duration.ofSeconds(30), () -> {
            ExclusivePredictor predictor = new ExclusivePredictor(model);
            predictors.add(predictor);
            return predictor;
        }, model, List.of());
        int calls = 500;
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try (pool) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answered = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                answered.add(threads.submit(() -> {
                    start.await();
                    int n = 0;
                    for (int i = 0; i < calls; i++) {
                        if (pool.apply(row(i)) != null) {
                            n++;
                        }
                    }
                    return n;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> n : answered) {
                total += n.get(60, TimeUnit.SECONDS);
            }

            assertThat(total).isEqualTo(THREADS * calls);
            assertThat(predictors).hasSize(2);
            assertThat(predictors.stream().mapToInt(p -> p.calls.get()).sum()).isEqualTo(THREADS * calls);
            assertThat(predictors).allSatisfy(p -> assertThat(p.overlaps.get()).isZero());
            assertThat(pool.idle()).isEqualTo(2);
        } finally {
            threads.shutdownNow();
        }
        assertThat(predictors).allSatisfy(p -> assertThat(p.closed.get()).isEqualTo(1));
        assertThat(model.getNDManager().isOpen()).isFalse();
    }

    @Test
    void a_thread_gets_the_same_predictor_back_while_it_is_free() {
        Model model = train().model();
        List<ExclusivePredictor> predictors = new ArrayList<>();
        try (PredictorPool<float[], Float> pool = new PredictorPool<>("affinity", 3, Duration.ofSeconds(1), () -> {
            ExclusivePredictor predictor = new ExclusivePredictor(model);
            predictors.add(predictor);
            return predictor;
        }, model, List.of())) {
            for (int i = 0; i < 10; i++) {
                pool.apply(row(i));
            }

            assertThat(predictors).extracting(p -> p.calls.get()).containsExactlyInAnyOrder(10, 0, 0);
        }
    }

    @Test
    void closing_a_pool_under_load_closes_every_predictor_once_then_the_model_and_fails_the_waiting_calls()
            throws Exception {
        Model model = train().model();
        List<String> closed = Collections.synchronizedList(new ArrayList<>());
        PredictorPool<float[], Float> pool = recordingPool(model, new ProbabilityTranslator(SeattleRain.WIDTH), 2, Duration.ofSeconds(30),
                closed);
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            AtomicLong answeredSoFar = new AtomicLong();
            List<Future<Long>> outcomes = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                outcomes.add(threads.submit(() -> {
                    long answered = 0;
                    while (true) {
                        try {
                            pool.apply(row((int) answered));
                        } catch (IllegalStateException e) {
                            assertThat(e).hasMessageContaining("is closed");
                            return answered;
                        }
                        answered++;
                        answeredSoFar.incrementAndGet();
                    }
                }));
            }
            while (answeredSoFar.get() < 100 && outcomes.stream().noneMatch(Future::isDone)) {
                Thread.onSpinWait(); // until the pool is busy
            }

            pool.close();

            long answered = 0;
            for (Future<Long> outcome : outcomes) {
                answered += outcome.get(60, TimeUnit.SECONDS);
            }
            assertThat(answered).isGreaterThanOrEqualTo(100).isEqualTo(answeredSoFar.get());
            assertThat(closed).containsExactly("predictor", "predictor", "model");
            assertThat(pool.idle()).isZero();
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void a_predictor_that_fails_to_close_does_not_stop_the_others_and_the_model_from_closing() {
        Model model = train().model();
        List<String> closed = Collections.synchronizedList(new ArrayList<>());
        RuntimeException broken = new IllegalStateException("close broke");
        AtomicInteger created = new AtomicInteger();
        PredictorPool<float[], Float> pool = new PredictorPool<>("test", 3, Duration.ofSeconds(1),
                () -> failingToClose(model, new ProbabilityTranslator(SeattleRain.WIDTH), closed,
                        created.incrementAndGet() == 2 ? broken : null),
                () -> {
                    closed.add("model");
                    model.close();
                }, List.of(row(0)));
        assertThat(pool.apply(row(1))).isBetween(0f, 1f);

        assertThatThrownBy(pool::close)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Predictor pool 'test' is closed, but closing 1 of its predictors or its model failed:"
                        + " java.lang.IllegalStateException: close broke")
                .hasCause(broken);

        assertThat(closed).containsExactly("predictor", "predictor", "predictor", "model");
        assertThat(model.getNDManager().isOpen()).isFalse();
        assertThat(pool.isClosed()).isTrue();
        assertThat(pool.idle()).isZero();
        assertThatThrownBy(() -> pool.apply(row(1))).isInstanceOf(IllegalStateException.class)
                .hasMessage("Predictor pool 'test' is closed; it serves no more predictions");
        pool.close(); // idempotent: nothing is closed twice, nothing thrown again
        assertThat(closed).hasSize(4);
    }

    @Test
    void every_failure_to_close_is_reported_the_first_as_cause_the_others_suppressed() {
        Model model = train().model();
        List<String> closed = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger created = new AtomicInteger();
        PredictorPool<float[], Float> pool = new PredictorPool<>("test", 2, Duration.ofSeconds(1),
                () -> failingToClose(model, new ProbabilityTranslator(SeattleRain.WIDTH), closed,
                        new IllegalStateException("predictor " + created.incrementAndGet())),
                () -> {
                    closed.add("model");
                    model.close();
                    throw new java.io.IOException("model broke");
                }, List.of());

        assertThatThrownBy(pool::close)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Predictor pool 'test' is closed, but closing 3 of its predictors or its"
                        + " model failed")
                .satisfies(e -> {
                    assertThat(e.getCause()).hasMessageStartingWith("predictor ");
                    assertThat(e.getSuppressed()).extracting(Throwable::getMessage).hasSize(2)
                            .anyMatch(m -> m.startsWith("predictor "))
                            .contains("Predictor pool 'test' failed to close its model: model broke");
                });
        assertThat(closed).containsExactly("predictor", "predictor", "model");
    }

    @Test
    void a_busy_predictor_that_fails_to_close_when_its_call_returns_does_not_fail_that_call() throws Exception {
        Model model = train().model();
        GatedTranslator gated = new GatedTranslator();
        List<String> closed = Collections.synchronizedList(new ArrayList<>());
        PredictorPool<float[], Float> pool = new PredictorPool<>("test", 1, Duration.ofSeconds(1),
                () -> failingToClose(model, gated, closed, new IllegalStateException("close broke")),
                () -> {
                    closed.add("model");
                    model.close();
                }, List.of());
        ExecutorService borrower = Executors.newSingleThreadExecutor();
        try {
            gated.gate = true;
            Future<Float> busy = borrower.submit(() -> pool.apply(row(2)));
            assertThat(gated.entered.await(30, TimeUnit.SECONDS)).isTrue();
            pool.close(); // nothing free to close yet: nothing fails here

            gated.release.countDown();

            assertThat(busy.get(30, TimeUnit.SECONDS)).isBetween(0f, 1f);
            assertThat(closed).containsExactly("predictor", "model");
            assertThat(model.getNDManager().isOpen()).isFalse();
        } finally {
            gated.release.countDown();
            borrower.shutdownNow();
        }
    }

    @Test
    void a_pool_that_cannot_start_reports_the_start_failure_with_close_failures_suppressed() {
        Model model = train().model();
        List<String> closed = Collections.synchronizedList(new ArrayList<>());
        RuntimeException broken = new IllegalStateException("close broke");

        assertThatThrownBy(() -> new PredictorPool<>("test", 2, Duration.ofSeconds(1),
                () -> failingToClose(model, new ProbabilityTranslator(SeattleRain.WIDTH), closed, broken),
                () -> {
                    closed.add("model");
                    model.close();
                }, List.of(new float[3])))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Predictor pool 'test' could not start: creating or warming up predictor 1"
                        + " of 2 failed")
                .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(broken));
        assertThat(closed).containsExactly("predictor", "model");
        assertThat(model.getNDManager().isOpen()).isFalse();
    }

    @Test
    void the_builder_rejects_bad_values_at_once_naming_them() {
        DjlEngine.requireOfflinePyTorch();
        try (Model model = Model.newInstance("unused", Device.cpu(), DjlEngine.ENGINE_NAME)) {
            PredictorPool.Builder<float[], Float> builder = PredictorPool.builder(model, new ProbabilityTranslator(SeattleRain.WIDTH));

            assertThatThrownBy(() -> builder.size(0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("size must be between 1 and 65536, got 0");
            assertThatThrownBy(() -> builder.size(65_537)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("size must be between 1 and 65536, got 65537");
            assertThatThrownBy(() -> builder.borrowTimeout(Duration.ofMillis(-5)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("borrowTimeout must be zero or positive, got PT-0.005S");
            assertThatThrownBy(() -> builder.name("")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("name must not be blank, got ''");
        }
    }

    private static PredictorPool<float[], Float> recordingPool(Model model, Translator<float[], Float> translator,
                                                               int size, Duration timeout, List<String> closed) {
        return new PredictorPool<>("test", size, timeout,
                () -> new Predictor<>(model, translator, model.getNDManager().getDevice(), false) {
                    @Override
                    public void close() {
                        closed.add("predictor");
                        super.close();
                    }
                },
                () -> {
                    closed.add("model");
                    model.close();
                },
                List.of(DATA.holdoutX[0]));
    }

    /** A predictor that records its close and then, when given a failure, throws it (after really closing). */
    private static Predictor<float[], Float> failingToClose(Model model, Translator<float[], Float> translator,
                                                            List<String> closed, RuntimeException failure) {
        return new Predictor<>(model, translator, model.getNDManager().getDevice(), false) {
            @Override
            public void close() {
                closed.add("predictor");
                super.close();
                if (failure != null) {
                    throw failure;
                }
            }
        };
    }

    private static TrainedDjlModel train() {
        return DjlTrainer.builder(() -> DjlTrainer.mlp(4)).epochs(1).batchSize(128).seed(7).build()
                .train(DATA.trainX, DATA.trainY);
    }

    private static float[] row(int i) {
        return DATA.holdoutX[i % DATA.holdoutX.length];
    }

    /** Counts its calls and closes, and how often a call found it already in use by another thread. */
    private static final class ExclusivePredictor extends Predictor<float[], Float> {
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger overlaps = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();
        private final AtomicBoolean inUse = new AtomicBoolean();

        ExclusivePredictor(Model model) {
            super(model, new ProbabilityTranslator(SeattleRain.WIDTH), model.getNDManager().getDevice(), false);
        }

        @Override
        public Float predict(float[] input) throws TranslateException {
            if (!inUse.compareAndSet(false, true)) {
                overlaps.incrementAndGet();
            }
            try {
                calls.incrementAndGet();
                return super.predict(input);
            } finally {
                inUse.set(false);
            }
        }

        @Override
        public void close() {
            closed.incrementAndGet();
            super.close();
        }
    }

    /** The rain translator, blocking inside a prediction, once gated, until released. */
    private static final class GatedTranslator implements Translator<float[], Float> {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean gate;
        private final ProbabilityTranslator rain = new ProbabilityTranslator(SeattleRain.WIDTH);

        @Override
        public NDList processInput(TranslatorContext ctx, float[] row) {
            if (gate) {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return rain.processInput(ctx, row);
        }

        @Override
        public Float processOutput(TranslatorContext ctx, NDList list) {
            return rain.processOutput(ctx, list);
        }
    }
}
