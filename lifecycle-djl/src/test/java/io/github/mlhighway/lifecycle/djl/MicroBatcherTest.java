package io.github.mlhighway.lifecycle.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import io.github.mlhighway.lifecycle.core.serving.GuardedModel;
import io.github.mlhighway.lifecycle.core.serving.GuardedModelBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MicroBatcherTest {

    private static final SeattleRain DATA = SeattleRain.load();
    private static final Duration FOREVER = Duration.ofHours(1);
    /** A batched matrix product may round differently from a single row's: the bound. */
    private static final double TOLERANCE = 1e-6;

    private static TrainedDjlModel trained;

    private final ExecutorService threads = Executors.newCachedThreadPool();
    /** A nano-time source that moves only when a test moves it. */
    private final AtomicLong fakeNanos = new AtomicLong();
    private final AtomicInteger clockReads = new AtomicInteger();

    @BeforeAll
    static void train() {
        trained = DjlTrainer.builder(() -> DjlTrainer.mlp(32, 32)).epochs(1).batchSize(128).seed(7).build()
                .train(DATA.trainX, DATA.trainY);
    }

    @AfterAll
    static void closeModel() {
        trained.close();
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void batches_of_random_sizes_give_each_row_the_result_it_gets_alone_within_1e_6() throws Exception {
        Model model = trained.model();
        ProbabilityTranslator translator = new ProbabilityTranslator(SeattleRain.WIDTH);
        int rows = DATA.holdoutX.length;
        float[] alone = new float[rows];
        try (Predictor<float[], Float> single = model.newPredictor(new RowOnly(translator))) {
            for (int i = 0; i < rows; i++) {
                alone[i] = single.predict(DATA.holdoutX[i]); // the single-row form, DJL's STACK batchifier
            }
        }
        Random random = new Random(13);
        double largest = 0;
        int checked = 0;
        try (BatchPredictor<float[], Float> batches = new BatchPredictor<>(model, translator)) {
            for (int round = 0; round < 200; round++) {
                int size = 1 + random.nextInt(128);
                int first = random.nextInt(rows);
                List<float[]> batch = new ArrayList<>(size);
                for (int k = 0; k < size; k++) {
                    batch.add(DATA.holdoutX[(first + k) % rows]);
                }
                List<Float> results = batches.batchPredict(batch);
                assertThat(results).hasSize(size);
                for (int k = 0; k < size; k++) {
                    largest = Math.max(largest, Math.abs(results.get(k) - alone[(first + k) % rows]));
                    checked++;
                }
            }
        }
        System.out.printf("BatchPredictor: largest |batched - alone| over %d rows in 200 random batches: %.3g%n",
                checked, largest);
        assertThat(largest).isLessThanOrEqualTo(TOLERANCE);
    }

    @Test
    void rows_from_many_callers_batched_on_two_workers_equal_their_results_alone_within_1e_6() throws Exception {
        Model model = trained.model();
        ProbabilityTranslator translator = new ProbabilityTranslator(SeattleRain.WIDTH);
        int callers = 16;
        int perCaller = 100;
        float[] alone = new float[callers * perCaller];
        try (Predictor<float[], Float> single = model.newPredictor(new RowOnly(translator))) {
            for (int i = 0; i < alone.length; i++) {
                alone[i] = single.predict(row(i));
            }
        }
        MicroBatcher<float[], Float> batcher = MicroBatcher.builder(model, translator).name("rain").workers(2)
                .maxBatchSize(32).maxDelay(Duration.ofNanos(200_000)).build();
        try (batcher) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Double>> largest = new ArrayList<>();
            for (int t = 0; t < callers; t++) {
                int first = t * perCaller;
                largest.add(threads.submit(() -> {
                    start.await();
                    double worst = 0;
                    for (int i = first; i < first + perCaller; i++) {
                        worst = Math.max(worst, Math.abs(batcher.apply(row(i)) - alone[i]));
                    }
                    return worst;
                }));
            }
            start.countDown();
            double worst = 0;
            for (Future<Double> caller : largest) {
                worst = Math.max(worst, caller.get(120, TimeUnit.SECONDS));
            }
            BatchStats stats = batcher.stats();
            System.out.printf("MicroBatcher: largest |batched - alone| over %d calls: %.3g (%d batches, mean %.1f"
                    + " rows, largest %d)%n", alone.length, worst, stats.batches(), stats.meanBatchSize(),
                    stats.largestBatch());
            assertThat(worst).isLessThanOrEqualTo(TOLERANCE);
            assertThat(stats.rows()).isEqualTo(alone.length);
            assertThat(stats.failedBatches()).isZero();
            assertThat(stats.largestBatch()).isBetween(1, 32);
        }
    }

    @Test
    void four_threads_through_a_guarded_model_each_get_their_own_rows_result() throws Exception {
        Model model = trained.model();
        int threadCount = 4;
        int perThread = 50;
        float[] unbatched = new float[threadCount * perThread];
        try (Predictor<float[], Float> single = model.newPredictor(new ProbabilityTranslator(SeattleRain.WIDTH))) {
            for (int i = 0; i < unbatched.length; i++) {
                unbatched[i] = single.predict(row(i));
            }
        }
        MicroBatcher<float[], Float> batcher = MicroBatcher.builder(model, new ProbabilityTranslator(SeattleRain.WIDTH))
                .name("rain").maxBatchSize(threadCount).maxDelay(FOREVER).nanoTime(fakeNanos::get).build();
        try (GuardedModel<float[], Float> guarded = GuardedModel.<float[], Float>builder("rain")
                .version("rain@1", batcher).build(); batcher) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<float[]>> results = new ArrayList<>();
            for (int t = 0; t < threadCount; t++) {
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
            for (int t = 0; t < threadCount; t++) {
                float[] out = results.get(t).get(60, TimeUnit.SECONDS);
                for (int i = 0; i < perThread; i++) {
                    assertThat(out[i]).as("row %d", t * perThread + i)
                            .isCloseTo(unbatched[t * perThread + i], offset(1e-6f));
                }
            }
            assertThat(batcher.batchedRequests()).isEqualTo(threadCount * perThread);
            assertThat(guarded.stats(GuardedModelBuilder.DEFAULT_COHORT, Duration.ofHours(1)).errors()).isZero();
        }
    }

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {1, 2, 8, 32, 64})
    void every_call_of_many_threads_is_answered_once_with_its_own_result_and_counted(int threadCount)
            throws Exception {
        int workers = 3;
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger mostConcurrent = new AtomicInteger();
        AtomicInteger ranRows = new AtomicInteger();
        AtomicInteger ranBatches = new AtomicInteger();
        AtomicInteger listened = new AtomicInteger();
        MicroBatcher<Integer, Integer> batcher = MicroBatcher.<Integer, Integer>builder(inputs -> {
            int now = concurrent.incrementAndGet();
            mostConcurrent.accumulateAndGet(now, Math::max);
            ranBatches.incrementAndGet();
            ranRows.addAndGet(inputs.size());
            List<Integer> doubled = inputs.stream().map(x -> x * 2).toList();
            concurrent.decrementAndGet();
            return doubled;
        }).workers(workers).maxBatchSize(8).maxDelay(Duration.ofNanos(50_000)).queueCapacity(1 << 16)
                .listener((size, waited, forward, failed) -> listened.addAndGet(size)).build();
        int perThread = 20_000 / threadCount;
        try (batcher) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> correct = new ArrayList<>();
            for (int t = 0; t < threadCount; t++) {
                int base = t * perThread;
                correct.add(threads.submit(() -> {
                    start.await();
                    int n = 0;
                    for (int i = base; i < base + perThread; i++) {
                        if (batcher.apply(i) == i * 2) {
                            n++;
                        }
                    }
                    return n;
                }));
            }
            start.countDown();
            int answered = 0;
            for (Future<Integer> n : correct) {
                answered += n.get(120, TimeUnit.SECONDS);
            }

            int total = threadCount * perThread;
            assertThat(answered).isEqualTo(total);
            assertThat(ranRows).hasValue(total);
            assertThat(listened).hasValue(total);
            assertThat(batcher.batchedRequests()).isEqualTo(total);
            assertThat(batcher.batches()).isEqualTo(ranBatches.get());
            assertThat(batcher.stats().largestBatch()).isBetween(1, 8);
            assertThat(mostConcurrent.get()).isBetween(1, workers);
            assertThat(batcher.queued()).isZero();
            assertThat(batcher.inFlight()).isZero();
        }
    }

    @Test
    void under_overload_every_request_is_either_answered_or_rejected_and_only_answered_ones_ran() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        MicroBatcher<Integer, Integer> batcher = MicroBatcher.<Integer, Integer>builder(inputs -> {
            ran.addAndGet(inputs.size());
            return inputs;
        }).maxBatchSize(2).maxDelay(Duration.ZERO).queueCapacity(1).build();
        int threadCount = 4;
        int perThread = 2_000;
        try (batcher) {
            List<Future<int[]>> outcomes = new ArrayList<>();
            for (int t = 0; t < threadCount; t++) {
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

            assertThat(answered + rejected).isEqualTo(threadCount * perThread);
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
            awaitUntil(() -> batcher.queued() == 1);
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
            assertThat(ran).containsExactly(1, 2, 3);
        }
    }

    @Test
    void a_failing_batch_fails_exactly_its_callers_and_the_batches_before_and_after_it_succeed() throws Exception {
        Gate gate = new Gate();
        RuntimeException poisoned = new IllegalArgumentException("row 2 is poison");
        List<List<Integer>> ran = Collections.synchronizedList(new ArrayList<>());
        MicroBatcher<Integer, Integer> batcher = MicroBatcher.<Integer, Integer>builder(inputs -> {
            ran.add(List.copyOf(inputs));
            if (inputs.contains(0)) {
                gate.pass();
            }
            if (inputs.contains(2)) {
                throw poisoned;
            }
            return inputs.stream().map(x -> x + 100).toList();
        }).name("poisoned").maxBatchSize(2).maxDelay(Duration.ZERO).build();
        try (batcher) {
            Future<Integer> first = threads.submit(() -> batcher.apply(0));
            assertThat(gate.entered.await(30, TimeUnit.SECONDS)).isTrue();
            List<Future<Integer>> queued = new ArrayList<>();
            for (int i = 1; i <= 4; i++) { // queued in order while the first batch runs: [1, 2] and [3, 4]
                int input = i;
                queued.add(threads.submit(() -> batcher.apply(input)));
                awaitUntil(() -> batcher.queued() == input);
            }

            gate.open();

            assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(100);
            for (int i : new int[] {0, 1}) {
                assertThatThrownBy(() -> queued.get(i).get(30, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class)
                        .cause()
                        .isInstanceOf(DjlPredictionException.class)
                        .hasMessage("Batched prediction by micro-batcher 'poisoned' failed (the batch failed): row 2"
                                + " is poison")
                        .hasCause(poisoned);
            }
            assertThat(queued.get(2).get(30, TimeUnit.SECONDS)).isEqualTo(103);
            assertThat(queued.get(3).get(30, TimeUnit.SECONDS)).isEqualTo(104);
            assertThat(ran).containsExactly(List.of(0), List.of(1, 2), List.of(3, 4));
            assertThat(batcher.stats().failedBatches()).isEqualTo(1);
            assertThat(batcher.stats().rows()).isEqualTo(5);
        }
    }

    @Test
    void a_failed_batch_fails_its_caller_with_the_cause_and_the_next_batch_runs() {
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
    void a_time_source_that_fails_during_a_batch_fails_that_batch_only() {
        RuntimeException broken = new IllegalStateException("clock broke");
        AtomicInteger reads = new AtomicInteger();
        try (MicroBatcher<Integer, Integer> batcher = MicroBatcher.<Integer, Integer>builder(inputs -> inputs)
                .name("clocked").maxDelay(Duration.ZERO).nanoTime(() -> {
                    if (reads.incrementAndGet() == 2) { // the read before the first batch runs
                        throw broken;
                    }
                    return 0;
                }).build()) {
            assertThatThrownBy(() -> batcher.apply(1)).isInstanceOf(DjlPredictionException.class)
                    .hasMessageContaining("clock broke").hasCause(broken);
            assertThat(batcher.apply(2)).isEqualTo(2);
            assertThat(batcher.inFlight()).isZero();
        }
    }

    @Test
    void a_lone_caller_is_not_delayed_even_with_an_endless_max_delay_and_a_frozen_clock() throws Exception {
        List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        try (MicroBatcher<Integer, Integer> batcher = MicroBatcher.<Integer, Integer>builder(inputs -> {
            batchSizes.add(inputs.size());
            return inputs;
        }).maxBatchSize(64).maxDelay(FOREVER).nanoTime(fakeNanos::get).build()) {
            Future<Integer> one = threads.submit(() -> batcher.apply(1));
            assertThat(one.get(30, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(batcher.apply(2)).isEqualTo(2);
            assertThat(batchSizes).containsExactly(1, 1);
        }
    }

    @Test
    void a_batch_waits_while_another_call_is_in_flight_takes_new_callers_and_runs_when_max_delay_passes()
            throws Exception {
        Gate listenerGate = new Gate();
        List<List<Integer>> ran = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger listened = new AtomicInteger();
        MicroBatcher<Integer, Integer> batcher = MicroBatcher.<Integer, Integer>builder(inputs -> {
            ran.add(List.copyOf(inputs));
            return inputs;
        }).workers(2).maxBatchSize(8).maxDelay(Duration.ofMillis(1)).nanoTime(this::readFakeClock)
                .listener((size, waited, forward, failed) -> {
                    if (listened.incrementAndGet() == 1) {
                        try {
                            listenerGate.pass(); // call 1 is answered-to-be but not returned: still in flight
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }).build();
        try (batcher) {
            try {
                waitsWhileInFlight(batcher, listenerGate, ran);
            } finally {
                listenerGate.open(); // else close() would wait for the first batch forever
            }
        }
    }

    private void waitsWhileInFlight(MicroBatcher<Integer, Integer> batcher, Gate listenerGate, List<List<Integer>> ran)
            throws Exception {
        {
            Future<Integer> one = threads.submit(() -> batcher.apply(1));
            assertThat(listenerGate.entered.await(30, TimeUnit.SECONDS)).isTrue();
            int reads = clockReads.get();
            Future<Integer> two = threads.submit(() -> batcher.apply(2));
            awaitUntil(() -> batcher.queued() == 0 && clockReads.get() >= reads + 4); // collecting, waiting
            assertThat(two.isDone()).isFalse();
            Future<Integer> three = threads.submit(() -> batcher.apply(3));
            awaitUntil(() -> batcher.queued() == 0 && batcher.inFlight() == 3);
            assertThat(two.isDone()).isFalse();

            fakeNanos.addAndGet(Duration.ofMillis(2).toNanos());

            assertThat(two.get(30, TimeUnit.SECONDS)).isEqualTo(2);
            assertThat(three.get(30, TimeUnit.SECONDS)).isEqualTo(3);
            listenerGate.open();
            assertThat(one.get(30, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(ran).containsExactly(List.of(1), List.of(2, 3));
        }
    }

    @Test
    void close_runs_every_accepted_request_without_waiting_for_the_delay_then_refuses_new_ones() throws Exception {
        Gate gate = new Gate();
        List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        MicroBatcher<Integer, Integer> batcher = MicroBatcher.<Integer, Integer>builder(inputs -> {
            if (inputs.contains(1)) {
                gate.pass();
            }
            batchSizes.add(inputs.size());
            return inputs.stream().map(x -> -x).toList();
        }).name("closing").maxBatchSize(2).maxDelay(FOREVER).nanoTime(fakeNanos::get).build();
        Future<Integer> running = threads.submit(() -> batcher.apply(1));
        assertThat(gate.entered.await(30, TimeUnit.SECONDS)).isTrue();
        List<Future<Integer>> queued = new ArrayList<>();
        for (int i = 2; i <= 4; i++) {
            int input = i;
            queued.add(threads.submit(() -> batcher.apply(input)));
            awaitUntil(() -> batcher.queued() == input - 1);
        }

        Future<?> closing = threads.submit(batcher::close);
        awaitUntil(batcher::isClosed);
        assertThatThrownBy(() -> batcher.apply(6))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Micro-batcher 'closing' is closed; it serves no more predictions");
        gate.open();
        closing.get(30, TimeUnit.SECONDS);

        List<Integer> results = new ArrayList<>();
        results.add(running.get(30, TimeUnit.SECONDS));
        for (Future<Integer> result : queued) {
            results.add(result.get(30, TimeUnit.SECONDS));
        }
        assertThat(results).containsExactly(-1, -2, -3, -4);
        assertThat(batchSizes).containsExactly(1, 2, 1);
        batcher.close();
        assertThat(batcher.batches()).isEqualTo(3);
        assertThat(batcher.queued()).isZero();
    }

    @Test
    void closing_the_batcher_closes_its_predictors_but_not_the_model() throws Exception {
        Model model = trained.model();
        AtomicInteger predictorCloses = new AtomicInteger();
        Predictor<float[], Float> predictor = new Predictor<>(model, new ProbabilityTranslator(SeattleRain.WIDTH),
                model.getNDManager().getDevice(), false) {
            @Override
            public void close() {
                predictorCloses.incrementAndGet();
                super.close();
            }
        };
        MicroBatcher<float[], Float> batcher = MicroBatcher.builder(predictor).build();
        assertThat(batcher.apply(row(0))).isBetween(0f, 1f);
        MicroBatcher<float[], Float> pooled = MicroBatcher.builder(model, new ProbabilityTranslator(SeattleRain.WIDTH))
                .workers(3).build();
        assertThat(pooled.apply(row(0))).isCloseTo(batcher.apply(row(0)), offset(1e-6f));

        batcher.close();
        batcher.close();
        pooled.close();

        assertThat(predictorCloses).hasValue(1);
        assertThat(model.getNDManager().isOpen()).isTrue();
        assertThatThrownBy(() -> pooled.apply(row(0))).isInstanceOf(IllegalStateException.class);
        try (Predictor<float[], Float> stillUsable = model.newPredictor(new ProbabilityTranslator(SeattleRain.WIDTH))) {
            assertThat(stillUsable.predict(row(0))).isBetween(0f, 1f);
        }
    }

    @Test
    void close_from_inside_a_batch_is_refused_instead_of_waiting_for_itself() {
        AtomicInteger refused = new AtomicInteger();
        AtomicReference<MicroBatcher<Integer, Integer>> self = new AtomicReference<>();
        self.set(MicroBatcher.<Integer, Integer>builder(inputs -> {
            try {
                self.get().close();
            } catch (IllegalStateException e) {
                refused.incrementAndGet();
            }
            return inputs;
        }).name("selfish").build());
        try (MicroBatcher<Integer, Integer> batcher = self.get()) {
            assertThat(batcher.apply(1)).isEqualTo(1);
            assertThat(refused).hasValue(1);
            assertThat(batcher.isClosed()).isFalse();
        }
    }

    @Test
    void an_interrupted_caller_still_gets_its_result_and_keeps_its_interrupt_flag() throws Exception {
        Gate gate = new Gate();
        MicroBatcher<Integer, Integer> batcher = MicroBatcher.<Integer, Integer>builder(inputs -> {
            if (inputs.contains(1)) {
                gate.pass();
            }
            return inputs;
        }).maxBatchSize(1).build();
        try (batcher) {
            Future<Integer> first = threads.submit(() -> batcher.apply(1));
            assertThat(gate.entered.await(30, TimeUnit.SECONDS)).isTrue();
            AtomicInteger secondResult = new AtomicInteger();
            CountDownLatch flagKept = new CountDownLatch(1);
            Thread second = new Thread(() -> {
                secondResult.set(batcher.apply(2));
                if (Thread.currentThread().isInterrupted()) {
                    flagKept.countDown();
                }
            });
            second.start();
            awaitUntil(() -> batcher.queued() == 1);
            second.interrupt();
            gate.open();

            assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(flagKept.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(secondResult).hasValue(2);
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
        assertThatThrownBy(() -> builder.workers(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("workers must be between 1 and 256, got 0");
        assertThatThrownBy(() -> builder.listener(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("listener must not be null");
        Predictor<float[], Float> predictor = trained.model().newPredictor(new ProbabilityTranslator(SeattleRain.WIDTH));
        try (predictor) {
            assertThatThrownBy(() -> MicroBatcher.builder(predictor).workers(2).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("A micro-batcher over one predictor has one worker, got workers(2); use"
                            + " MicroBatcher.builder(model, translator) for a predictor per worker");
        }
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

    /** Blocks the first passer until opened. */
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

    /** A translator's single-row form only: DJL runs it row by row with its STACK batchifier. */
    private static final class RowOnly implements Translator<float[], Float> {
        private final ProbabilityTranslator rows;

        RowOnly(ProbabilityTranslator rows) {
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
