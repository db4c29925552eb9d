package io.github.mlhighway.lifecycle.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
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
import org.junit.jupiter.api.Test;

class PredictorPoolTest {

    private static final SeattleRain DATA = SeattleRain.load();
    private static final int THREADS = 4;
    private static final int CALLS_PER_THREAD = 200;

    @Test
    void two_predictors_serve_four_threads_through_a_guarded_model_with_single_threaded_results() throws Exception {
        TrainedDjlModel trained = train();
        PredictorPool<float[], Float> pool = PredictorPool.builder(trained.model(), new RainTranslator())
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
        try (PredictorPool<float[], Float> pool = PredictorPool.builder(train().model(), new RainTranslator())
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
        PredictorPool<float[], Float> pool = recordingPool(model, new RainTranslator(), 3, Duration.ofSeconds(1),
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

    private static TrainedDjlModel train() {
        return DjlTrainer.builder(() -> DjlTrainer.mlp(4)).epochs(1).batchSize(128).seed(7).build()
                .train(DATA.trainX, DATA.trainY);
    }

    private static float[] row(int i) {
        return DATA.holdoutX[i % DATA.holdoutX.length];
    }

    /** One row of features in, the probability of rain tomorrow out. */
    private static class RainTranslator implements Translator<float[], Float> {
        @Override
        public NDList processInput(TranslatorContext ctx, float[] row) {
            if (row.length != SeattleRain.WEATHER.length + 6) {
                throw new IllegalArgumentException("expected " + (SeattleRain.WEATHER.length + 6)
                        + " features, got " + row.length);
            }
            return new NDList(ctx.getNDManager().create(row));
        }

        @Override
        public Float processOutput(TranslatorContext ctx, NDList list) {
            return Activation.sigmoid(list.singletonOrThrow()).toFloatArray()[0];
        }
    }

    /** Blocks inside a prediction, once gated, until released. */
    private static final class GatedTranslator extends RainTranslator {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean gate;

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
            return super.processInput(ctx, row);
        }
    }
}
