package io.github.mlhighway.lifecycle.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import io.github.mlhighway.lifecycle.core.serving.GuardedModel;
import io.github.mlhighway.lifecycle.core.serving.GuardedModelBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MicroBatcherTest {

    private static final SeattleRain DATA = SeattleRain.load();
    private static final int THREADS = 4;
    private static final Duration FOREVER = Duration.ofHours(1);

    private final ExecutorService threads = Executors.newCachedThreadPool();
    /** A nano-time source that moves only when a test moves it. */
    private final AtomicLong fakeNanos = new AtomicLong();
    private final AtomicInteger clockReads = new AtomicInteger();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void four_threads_through_a_guarded_model_each_get_their_own_rows_result_from_full_batches_of_four()
            throws Exception {
        TrainedDjlModel trained = DjlTrainer.builder(() -> DjlTrainer.mlp(4)).epochs(1).batchSize(128).seed(7)
                .build().train(DATA.trainX, DATA.trainY);
        Model model = trained.model();
        int perThread = 50;
        float[] unbatched = new float[THREADS * perThread];
        try (Predictor<float[], Float> single = model.newPredictor(new ProbabilityTranslator(SeattleRain.WIDTH))) {
            for (int i = 0; i < unbatched.length; i++) {
                unbatched[i] = single.predict(row(i));
            }
        }
        // the clock never moves, so a batch closes only when it is full: with 4 callers, always at 4 rows
        MicroBatcher<float[], Float> batcher = MicroBatcher.builder(model.newPredictor(new ProbabilityTranslator(SeattleRain.WIDTH)))
                .name("rain").maxBatchSize(THREADS).maxDelay(FOREVER).nanoTime(fakeNanos::get).build();
        try (trained; GuardedModel<float[], Float> guarded = GuardedModel.<float[], Float>builder("rain")
                .version("rain@1", batcher).build(); batcher) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<float[]>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int first = t * perThread;
                results.add(threads.submit(() -> {
                    start.await();
                    float[] out = new float[perThread];
                    for (int i = 0; i < perThread; i++) {
                        out[i] = guarded.predict("r" + (first + i), "user-" + i, row(first + i));
                    }
                    return out;
                }));
            }
            start.countDown();
            for (int t = 0; t < THREADS; t++) {
                float[] out = results.get(t).get(60, TimeUnit.SECONDS);
                for (int i = 0; i < perThread; i++) {
                    assertThat(out[i]).as("row %d", t * perThread + i)
                            .isCloseTo(unbatched[t * perThread + i], offset(1e-5f));
                }
            }
            assertThat(batcher.batches()).isEqualTo(perThread);
            assertThat(batcher.batchedRequests()).isEqualTo(THREADS * perThread);
            assertThat(guarded.stats(GuardedModelBuilder.DEFAULT_COHORT, Duration.ofHours(1)).errors()).isZero();
        }
    }

    @Test
    void every_request_of_four_threads_is_answered_once_with_its_own_result_in_batches_of_at_most_max_size()
            throws Exception {
        List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        MicroBatcher<Integer, Integer> batcher = MicroBatcher.<Integer, Integer>builder(inputs -> {
            batchSizes.add(inputs.size());
            return inputs.stream().map(x -> x * 2).toList();
        }).maxBatchSize(5).maxDelay(Duration.ofNanos(50_000)).build();
        int perThread = 2_000;
        try (batcher) {
            List<Future<Integer>> correct = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int base = t * perThread;
                correct.add(threads.submit(() -> {
                    int n = 0;
                    for (int i = base; i < base + perThread; i++) {
                        if (batcher.apply(i) == i * 2) {
                            n++;
                        }
                    }
                    return n;
                }));
            }
            int answered = 0;
            for (Future<Integer> n : correct) {
                answered += n.get(60, TimeUnit.SECONDS);
            }

            assertThat(answered).isEqualTo(THREADS * perThread);
            assertThat(batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(THREADS * perThread);
            assertThat(batchSizes).allSatisfy(size -> assertThat(size).isBetween(1, 5));
            assertThat(batcher.batches()).isEqualTo(batchSizes.size());
            assertThat(batcher.batchedRequests()).isEqualTo(THREADS * perThread);
            assertThat(batcher.queued()).isZero();
        }
    }

    @Test
    void under_overload_every_request_is_either_answered_or_rejected_and_only_answered_ones_ran() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        MicroBatcher<Integer, Integer> batcher = MicroBatcher.<Integer, Integer>builder(inputs -> {
            ran.addAndGet(inputs.size());
            return inputs;
        }).maxBatchSize(2).maxDelay(Duration.ZERO).queueCapacity(1).build();
        int perThread = 2_000;
        try (batcher) {
            List<Future<int[]>> outcomes = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                outcomes.add(threads.submit(() -> {
                    int[] answeredRejected = new int[2];
                    for (int i = 0; i < perThread; i++) {
                        try {
                            assertThat(batcher.apply(i)).isEqualTo(i);
                            answeredRejected[0]++;
                        } catch (BatchQueueFullException e) {
                            answeredRejected[1]++;
                        }
                    }
                    return answeredRejected;
                }));
            }
            int answered = 0;
            int rejected = 0;
            for (Future<int[]> outcome : outcomes) {
                int[] counts = outcome.get(60, TimeUnit.SECONDS);
                answered += counts[0];
                rejected += counts[1];
            }

            assertThat(answered + rejected).isEqualTo(THREADS * perThread);
            assertThat(ran.get()).isEqualTo(answered);
            assertThat(batcher.batchedRequests()).isEqualTo(answered);
        }
    }

    @Test
    void a_full_queue_rejects_a_request_at_once_and_never_runs_it() throws Exception {
        Gate gate = new Gate();
        List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
        MicroBatcher<Integer, Integer> batcher = MicroBatcher.<Integer, Integer>builder(inputs -> {
            gate.pass();
            ran.addAll(inputs);
            return inputs;
        }).name("tiny").maxBatchSize(1).queueCapacity(2).nanoTime(fakeNanos::get).build();
        try (batcher) {
            Future<Integer> first = threads.submit(() -> batcher.apply(1));
            assertThat(gate.entered.await(30, TimeUnit.SECONDS)).isTrue();
            Future<Integer> second = threads.submit(() -> batcher.apply(2));
            Future<Integer> third = threads.submit(() -> batcher.apply(3));
            awaitUntil(() -> batcher.queued() == 2);

            assertThatThrownBy(() -> batcher.apply(4))
                    .isInstanceOf(BatchQueueFullException.class)
                    .hasMessage("Micro-batcher 'tiny' rejected a request: its queue of 2 requests waiting for a"
                            + " batch is full; raise queueCapacity or limit concurrent calls in front of the batcher")
                    .extracting(e -> ((BatchQueueFullException) e).capacity()).isEqualTo(2);

            gate.open();
            assertThat(List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS),
                    third.get(30, TimeUnit.SECONDS))).containsExactly(1, 2, 3);
            assertThat(ran).containsExactlyInAnyOrder(1, 2, 3);
        }
    }

    @Test
    void close_runs_every_accepted_request_without_waiting_for_the_delay_then_refuses_new_ones() throws Exception {
        Gate gate = new Gate();
        List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        MicroBatcher<Integer, Integer> batcher = MicroBatcher.<Integer, Integer>builder(inputs -> {
            gate.pass();
            batchSizes.add(inputs.size());
            return inputs.stream().map(x -> -x).toList();
        }).name("closing").maxBatchSize(2).maxDelay(FOREVER).nanoTime(fakeNanos::get).build();
        List<Future<Integer>> running = List.of(threads.submit(() -> batcher.apply(1)),
                threads.submit(() -> batcher.apply(2)));
        assertThat(gate.entered.await(30, TimeUnit.SECONDS)).isTrue();
        List<Future<Integer>> queued = new ArrayList<>();
        for (int i = 3; i <= 5; i++) {
            int input = i;
            queued.add(threads.submit(() -> batcher.apply(input)));
        }
        awaitUntil(() -> batcher.queued() == 3);

        Future<?> closing = threads.submit(batcher::close);
        awaitUntil(batcher::isClosed);
        assertThatThrownBy(() -> batcher.apply(6))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Micro-batcher 'closing' is closed; it serves no more predictions");
        gate.open();
        closing.get(30, TimeUnit.SECONDS);

        List<Integer> results = new ArrayList<>();
        for (Future<Integer> result : running) {
            results.add(result.get(30, TimeUnit.SECONDS));
        }
        for (Future<Integer> result : queued) {
            results.add(result.get(30, TimeUnit.SECONDS));
        }
        assertThat(results).containsExactly(-1, -2, -3, -4, -5);
        assertThat(batchSizes).containsExactly(2, 2, 1);
        batcher.close();
        assertThat(batcher.batches()).isEqualTo(3);
    }

    @Test
    void closing_the_batcher_closes_its_predictor_but_not_the_model() {
        Model model = DjlTrainer.builder(() -> DjlTrainer.mlp(4)).epochs(1).batchSize(128).seed(7).build()
                .train(DATA.trainX, DATA.trainY).model();
        AtomicInteger predictorCloses = new AtomicInteger();
        Predictor<float[], Float> predictor = new Predictor<>(model, new ProbabilityTranslator(SeattleRain.WIDTH),
                model.getNDManager().getDevice(), false) {
            @Override
            public void close() {
                predictorCloses.incrementAndGet();
                super.close();
            }
        };
        try (model) {
            MicroBatcher<float[], Float> batcher = MicroBatcher.builder(predictor).build();
            assertThat(batcher.apply(row(0))).isBetween(0f, 1f);

            batcher.close();
            batcher.close();

            assertThat(predictorCloses).hasValue(1);
            assertThat(model.getNDManager().isOpen()).isTrue();
        }
    }

    @Test
    void a_failed_batch_fails_each_of_its_callers_with_the_cause_and_the_next_batch_runs() {
        TranslateException cause = new TranslateException("bad row");
        AtomicInteger calls = new AtomicInteger();
        try (MicroBatcher<Integer, Integer> batcher = MicroBatcher.<Integer, Integer>builder(inputs -> {
            if (calls.incrementAndGet() == 1) {
                throw cause;
            }
            return inputs;
        }).name("flaky").maxDelay(Duration.ZERO).build()) {
            assertThatThrownBy(() -> batcher.apply(1))
                    .isInstanceOf(DjlPredictionException.class)
                    .hasMessage("Batched prediction by micro-batcher 'flaky' failed (DJL failed to translate or"
                            + " predict): bad row")
                    .hasCause(cause);
            assertThat(batcher.apply(2)).isEqualTo(2);
        }
    }

    @Test
    void a_batch_function_that_returns_the_wrong_number_of_results_fails_its_callers() {
        try (MicroBatcher<Integer, Integer> batcher = MicroBatcher.<Integer, Integer>builder(inputs -> List.of())
                .name("short").maxDelay(Duration.ZERO).build()) {
            assertThatThrownBy(() -> batcher.apply(1))
                    .isInstanceOf(DjlPredictionException.class)
                    .hasMessage("Batched prediction by micro-batcher 'short' failed (the batch failed): the batch"
                            + " function returned 0 results for 1 inputs");
        }
    }

    @Test
    void with_a_frozen_clock_a_batch_stays_open_past_max_delay_until_it_is_full() throws Exception {
        List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        MicroBatcher<Integer, Integer> batcher = MicroBatcher.<Integer, Integer>builder(inputs -> {
            batchSizes.add(inputs.size());
            return inputs;
        }).maxBatchSize(3).maxDelay(Duration.ofNanos(1_000)).nanoTime(this::readFakeClock).build();
        try (batcher) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                int input = i;
                int reads = clockReads.get();
                results.add(threads.submit(() -> batcher.apply(input)));
                if (i < 2) { // the worker has taken the row and looked at the clock again after at least two waits
                    awaitUntil(() -> batcher.queued() == 0 && clockReads.get() >= reads + 3);
                }
            }
            for (Future<Integer> result : results) {
                result.get(30, TimeUnit.SECONDS);
            }

            assertThat(batchSizes).containsExactly(3);
        }
    }

    @Test
    void moving_the_injected_clock_past_max_delay_runs_a_partial_batch() throws Exception {
        List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        MicroBatcher<Integer, Integer> batcher = MicroBatcher.<Integer, Integer>builder(inputs -> {
            batchSizes.add(inputs.size());
            return inputs;
        }).maxBatchSize(8).maxDelay(FOREVER).nanoTime(this::readFakeClock).build();
        try (batcher) {
            Future<Integer> one = threads.submit(() -> batcher.apply(1));
            awaitUntil(() -> batcher.queued() == 0 && clockReads.get() >= 3);
            assertThat(one.isDone()).isFalse();

            fakeNanos.addAndGet(FOREVER.toNanos());

            assertThat(one.get(30, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(batchSizes).containsExactly(1);
        }
    }

    @Test
    void a_batch_function_that_interrupts_the_worker_does_not_leave_it_spinning() throws Exception {
        AtomicReference<Thread> worker = new AtomicReference<>();
        MicroBatcher<Integer, Integer> batcher = MicroBatcher.<Integer, Integer>builder(inputs -> {
            worker.set(Thread.currentThread());
            Thread.currentThread().interrupt(); // e.g. a library that restores a flag it swallowed
            return inputs;
        }).name("interrupting").maxBatchSize(1).nanoTime(fakeNanos::get).build();
        try (batcher) {
            assertThat(batcher.apply(1)).isEqualTo(1);

            // a set flag makes every park return at once: the idle worker would spin instead of waiting
            assertThat(worker.get().isInterrupted()).as("worker's interrupt flag after the batch").isFalse();
            awaitUntil(() -> isWaiting(worker.get()));
            assertThat(batcher.apply(2)).isEqualTo(2);
        }
    }

    @Test
    void an_interrupt_of_the_waiting_worker_is_cleared_and_the_worker_keeps_waiting() throws Exception {
        AtomicReference<Thread> worker = new AtomicReference<>();
        MicroBatcher<Integer, Integer> batcher = MicroBatcher.<Integer, Integer>builder(inputs -> {
            worker.set(Thread.currentThread());
            return inputs;
        }).name("interrupted").maxBatchSize(2).maxDelay(FOREVER).nanoTime(this::readFakeClock).build();
        try (batcher) {
            Future<Integer> one = threads.submit(() -> batcher.apply(1));
            awaitUntil(() -> batcher.queued() == 0 && clockReads.get() >= 2); // collecting a batch, waiting
            Thread waiting = threadNamed("micro-batcher-interrupted");

            waiting.interrupt();

            awaitUntil(() -> !waiting.isInterrupted() && isWaiting(waiting));
            assertThat(one.isDone()).isFalse();
            assertThat(batcher.apply(2)).isEqualTo(2);
            assertThat(one.get(30, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(worker.get()).isSameAs(waiting);
        }
    }

    @Test
    void a_worker_that_fails_outside_a_batch_fails_every_waiting_caller_and_closes_the_batcher() throws Exception {
        Gate gate = new Gate();
        RuntimeException broken = new IllegalStateException("clock broke");
        AtomicBoolean clockBroken = new AtomicBoolean();
        AtomicInteger predictorCloses = new AtomicInteger();
        MicroBatcher<Integer, Integer> batcher = MicroBatcher.<Integer, Integer>builder(inputs -> {
            gate.pass();
            return inputs;
        }).name("doomed").maxBatchSize(1).nanoTime(() -> {
            if (clockBroken.get()) {
                throw broken;
            }
            return fakeNanos.get();
        }).build();
        Future<Integer> running = threads.submit(() -> batcher.apply(1));
        assertThat(gate.entered.await(30, TimeUnit.SECONDS)).isTrue();
        Future<Integer> next = threads.submit(() -> batcher.apply(2)); // taken into the next batch, then the clock
        Future<Integer> queued = threads.submit(() -> batcher.apply(3)); // still queued when the worker dies
        awaitUntil(() -> batcher.queued() == 2);
        clockBroken.set(true);

        gate.open();

        assertThat(running.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        for (Future<Integer> failed : List.of(next, queued)) {
            assertThatThrownBy(() -> failed.get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Micro-batcher 'doomed' is closed: its worker thread failed"
                            + " (java.lang.IllegalStateException: clock broke); it serves no more predictions")
                    .hasCause(broken);
        }
        assertThat(batcher.isClosed()).isTrue();
        assertThatThrownBy(() -> batcher.apply(4)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'doomed' is closed: its worker thread failed").hasCause(broken);
        Future<?> closing = threads.submit(batcher::close);
        closing.get(30, TimeUnit.SECONDS);
        assertThat(batcher.queued()).isZero();
    }

    @Test
    void a_worker_that_fails_closes_the_predictor() throws Exception {
        Model model = DjlTrainer.builder(() -> DjlTrainer.mlp(4)).epochs(1).batchSize(128).seed(7).build()
                .train(DATA.trainX, DATA.trainY).model();
        CountDownLatch predictorClosed = new CountDownLatch(1);
        Predictor<float[], Float> predictor = new Predictor<>(model, new ProbabilityTranslator(SeattleRain.WIDTH),
                model.getNDManager().getDevice(), false) {
            @Override
            public void close() {
                predictorClosed.countDown();
                super.close();
            }
        };
        try (model) {
            MicroBatcher<float[], Float> batcher = MicroBatcher.builder(predictor).nanoTime(() -> {
                throw new AssertionError("no clock");
            }).build();
            Future<Float> call = threads.submit(() -> batcher.apply(row(0)));

            assertThatThrownBy(() -> call.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(IllegalStateException.class).hasCauseInstanceOf(AssertionError.class);
            assertThat(predictorClosed.await(30, TimeUnit.SECONDS)).isTrue();
            batcher.close();
        }
    }

    @Test
    void builders_reject_bad_values_at_once_naming_them() {
        MicroBatcher.Builder<Integer, Integer> builder = MicroBatcher.builder(inputs -> inputs);

        assertThatThrownBy(() -> builder.maxBatchSize(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxBatchSize must be at least 1, got 0");
        assertThatThrownBy(() -> builder.queueCapacity(-3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("queueCapacity must be between 1 and 1073741823, got -3");
        assertThatThrownBy(() -> builder.maxDelay(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxDelay must be zero or positive, got PT-0.001S");
        assertThatThrownBy(() -> builder.name(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name must not be blank, got ' '");
        assertThatThrownBy(() -> builder.nanoTime(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("nanoTime must not be null");
    }

    private static boolean isWaiting(Thread thread) {
        Thread.State state = thread.getState();
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
    }

    private static Thread threadNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).findFirst()
                .orElseThrow();
    }

    private long readFakeClock() {
        clockReads.incrementAndGet();
        return fakeNanos.get();
    }

    private static float[] row(int i) {
        return DATA.holdoutX[i % DATA.holdoutX.length];
    }

    /** Waits (without a time assertion) until the condition holds; fails after a generous bound. */
    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 30_000 && !condition.getAsBoolean(); i++) {
            Thread.sleep(1);
        }
        assertThat(condition.getAsBoolean()).as("condition reached").isTrue();
    }

    /** Blocks the first batch inside the batch function until opened. */
    private static final class Gate {
        final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch opened = new CountDownLatch(1);

        void pass() throws InterruptedException {
            entered.countDown();
            opened.await();
        }

        void open() {
            opened.countDown();
        }
    }
}
