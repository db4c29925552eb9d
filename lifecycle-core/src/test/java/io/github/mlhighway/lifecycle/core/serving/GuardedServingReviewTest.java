package io.github.mlhighway.lifecycle.core.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.release.Assignment;
import io.github.mlhighway.lifecycle.release.CohortStats;
import io.github.mlhighway.lifecycle.release.TrafficPlan;
import io.github.mlhighway.lifecycle.serving.LabelJudge;
import io.github.mlhighway.lifecycle.serving.OutputComparator;
import io.github.mlhighway.lifecycle.serving.ShadowStats;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Regressions from review i5: hanging calls, Errors, hanging shadows, shadow sampling, failing label judges. */
class GuardedServingReviewTest {

    private final SimClock clock = SimClock.atDefault();

    static TrafficPlan shadowing(String primary, String shadow, double rate) {
        Assignment only = new Assignment(primary, GuardedModelBuilder.DEFAULT_COHORT);
        return new TrafficPlan() {
            @Override
            public Assignment assign(long keyHash) {
                return only;
            }

            @Override
            public String shadowVersion() {
                return shadow;
            }

            @Override
            public double shadowSampleRate() {
                return rate;
            }
        };
    }

    private static ExecutorService daemons() {
        return Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "review-test");
            t.setDaemon(true);
            return t;
        });
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    @Test
    void aCallThatTimesOutKeepsItsBulkheadSlotUntilTheModelReallyReturns() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        CountDownLatch unstick = new CountDownLatch(1);
        ExecutorService pool = daemons();
        GuardedModel<Integer, String> model = GuardedModel.<Integer, String>builder("hang")
                .version("v1", x -> {
                    peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        while (unstick.getCount() > 0) {
                            try {
                                unstick.await();
                            } catch (InterruptedException ignored) {
                                // a model that ignores the interrupt
                            }
                        }
                        return "late";
                    } finally {
                        running.decrementAndGet();
                    }
                })
                .clock(clock).maxConcurrentCalls(1).timeout(Duration.ofMillis(20), pool).fallback(x -> "fb").build();

        for (int i = 0; i < 5; i++) {
            assertThat(model.predict("r" + i, "u" + i, i)).isEqualTo("fb");
        }
        assertThat(peak.get()).as("model invocations at once").isEqualTo(1);
        assertThat(model.callsInFlight()).contains(1);
        assertThat(model.stats(GuardedModelBuilder.DEFAULT_COHORT, Duration.ofMinutes(1)).errors()).isEqualTo(5);

        unstick.countDown();
        awaitTrue(() -> model.callsInFlight().equals(Optional.of(0)));
        assertThat(model.predict("again", "u", 9)).isEqualTo("late");
        assertThat(peak.get()).isEqualTo(1);
        pool.shutdownNow();
    }

    @Test
    void aTimedOutCallThatNeverStartedFreesItsSlot() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService single = Executors.newSingleThreadExecutor();
        single.execute(() -> {
            try {
                release.await();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        });
        GuardedModel<Integer, String> model = GuardedModel.<Integer, String>builder("queued")
                .version("v1", x -> "ok").clock(clock).maxConcurrentCalls(1)
                .timeout(Duration.ofMillis(20), single).fallback(x -> "fb").build();
        assertThat(model.predict("r", "u", 1)).isEqualTo("fb");
        assertThat(model.callsInFlight()).contains(0);
        release.countDown();
        awaitTrue(() -> "ok".equals(model.predict("r2", "u", 2)));
        single.shutdownNow();
    }

    @Test
    void aModelThatThrowsAnErrorIsRecordedAsBadAndAnsweredByTheFallback() {
        GuardedModel<Integer, String> model = GuardedModel.<Integer, String>builder("err")
                .version("v1", x -> {
                    throw new AssertionError("boom");
                }).clock(clock).fallback(x -> "fb").build();
        assertThat(model.predict("r", "u", 1)).isEqualTo("fb");
        CohortStats stats = model.stats(GuardedModelBuilder.DEFAULT_COHORT, Duration.ofMinutes(1));
        assertThat(stats.requests()).isEqualTo(1);
        assertThat(stats.errors()).isEqualTo(1);
    }

    @Test
    void aCanaryThatThrowsAnErrorIsVisibleToTheAnalysisWithOrWithoutTimeoutOrFallback() {
        ExecutorService pool = daemons();
        TrafficPlan canaryOnly = new TrafficPlan() {
            private final Assignment canary = new Assignment("v2", "canary");

            @Override
            public Assignment assign(long keyHash) {
                return canary;
            }

            @Override
            public String shadowVersion() {
                return null;
            }

            @Override
            public double shadowSampleRate() {
                return 0;
            }
        };
        GuardedModel<Integer, String> noFallback = GuardedModel.<Integer, String>builder("canary-err")
                .version("v1", x -> "a").version("v2", x -> {
                    throw new LinkageError("missing native library");
                }).clock(clock).timeout(Duration.ofSeconds(5), pool).trafficPlan(canaryOnly).build();
        assertThatThrownBy(() -> noFallback.predict("r", "u", 1)).isInstanceOf(LinkageError.class);
        assertThat(noFallback.stats("canary", Duration.ofMinutes(1)).errors()).isEqualTo(1);

        GuardedModel<Integer, String> outOfMemory = GuardedModel.<Integer, String>builder("canary-oom")
                .version("v1", x -> "a").version("v2", x -> {
                    throw new OutOfMemoryError("simulated");
                }).clock(clock).trafficPlan(canaryOnly).fallback(x -> "fb").build();
        assertThatThrownBy(() -> outOfMemory.predict("r", "u", 1)).isInstanceOf(OutOfMemoryError.class);
        assertThat(outOfMemory.stats("canary", Duration.ofMinutes(1)).errors()).isEqualTo(1);
        pool.shutdownNow();
    }

    @Test
    void aHangingShadowIsCountedAsFailingOnTheShadowCohortNotAsNoData() {
        CountDownLatch never = new CountDownLatch(1);
        try (GuardedModel<Integer, String> model = GuardedModel.<Integer, String>builder("sh")
                .version("v1", x -> "a").version("v2", x -> {
                    try {
                        never.await();
                    } catch (InterruptedException ignored) {
                        Thread.currentThread().interrupt();
                    }
                    return "b";
                }).clock(clock).trafficPlan(shadowing("v1", "v2", 1.0))
                .shadow(OutputComparator.equality()).shadowExecutorSize(1, 4).build()) {
            for (int i = 0; i < 50; i++) {
                assertThat(model.predict("r" + i, "u" + i, i)).isEqualTo("a");
            }
            CohortStats early = model.stats(GuardedModel.SHADOW_COHORT, Duration.ofMinutes(1));
            assertThat(early.errors()).as("the dropped mirrors, at once").isEqualTo(45);

            clock.advance(Duration.ofSeconds(3)); // the default shadow timeout: 10 x 300 ms
            model.tick();
            CohortStats shadow = model.stats(GuardedModel.SHADOW_COHORT, Duration.ofMinutes(1));
            assertThat(shadow.requests()).isEqualTo(50);
            assertThat(shadow.errors()).isEqualTo(50);
            assertThat(shadow.slowRequests()).as("the expired ones: 1 running, 4 queued").isEqualTo(5);
            ShadowStats stats = model.shadowStats();
            assertThat(stats.dropped()).isEqualTo(45);
            assertThat(stats.shadowErrors()).isEqualTo(5);
            assertThat(model.versionSloName("v2", "availability")).isNotNull();
        }
    }

    @Test
    void theShadowTimeoutIsConfigurableAndALateAnswerIsNotCountedTwice() {
        java.util.List<Runnable> queued = new java.util.ArrayList<>();
        try (GuardedModel<Integer, String> model = GuardedModel.<Integer, String>builder("sh2")
                .version("v1", x -> "a").version("v2", x -> "a").clock(clock)
                .trafficPlan(shadowing("v1", "v2", 1.0)).shadowTimeout(Duration.ofMinutes(5))
                .shadow(OutputComparator.equality(), queued::add).build()) {
            model.predict("r1", "u", 1);
            model.predict("r2", "u", 2);
            clock.advance(Duration.ofMinutes(1));
            queued.get(0).run(); // answers within the timeout
            assertThat(model.shadowStats().shadowErrors()).isZero();
            clock.advance(Duration.ofMinutes(5));
            assertThat(model.shadowStats().shadowErrors()).isEqualTo(1);
            queued.get(1).run(); // too late: neither run nor counted again
            ShadowStats stats = model.shadowStats();
            assertThat(stats.agreements()).isEqualTo(1);
            assertThat(stats.shadowErrors()).isEqualTo(1);
            assertThat(model.stats(GuardedModel.SHADOW_COHORT, Duration.ofMinutes(10)).requests()).isEqualTo(2);
        }
    }

    @Test
    void aShadowThatThrowsAnErrorIsCounted() {
        try (GuardedModel<Integer, String> model = GuardedModel.<Integer, String>builder("sh3")
                .version("v1", x -> "a").version("v2", x -> {
                    throw new Error("custom error");
                }).clock(clock).trafficPlan(shadowing("v1", "v2", 1.0))
                .shadow(OutputComparator.equality(), Runnable::run).build()) {
            assertThat(model.predict("r", "u", 1)).isEqualTo("a");
            assertThat(model.shadowStats().shadowErrors()).isEqualTo(1);
            assertThat(model.stats(GuardedModel.SHADOW_COHORT, Duration.ofMinutes(1)).errors()).isEqualTo(1);
        }
    }

    @Test
    void callsNotSampledForTheShadowAllocateNothing() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (GuardedModel<Integer, String> model = GuardedModel.<Integer, String>builder("alloc")
                .version("v1", x -> "a").version("v2", x -> "b").clock(clock)
                .trafficPlan(shadowing("v1", "v2", Double.MIN_VALUE))
                .shadow(OutputComparator.equality(), r -> { }).build()) {
            Integer input = 1;
            for (int i = 0; i < 50_000; i++) {
                model.predict("r", 42L, input);
            }
            long id = Thread.currentThread().getId();
            int calls = 20_000;
            long before = threads.getThreadAllocatedBytes(id);
            for (int i = 0; i < calls; i++) {
                model.predict("r", 42L, input);
            }
            long allocated = threads.getThreadAllocatedBytes(id) - before;
            assertThat(allocated).as("bytes allocated by %d unsampled calls", calls).isLessThan(calls * 4L);
        }
    }

    @Test
    void aLabelJudgeThatThrowsLeavesThePredictionUnlabelledSoARetryIsJoined() {
        AtomicInteger attempts = new AtomicInteger();
        LabelJudge<String, String> flaky = (prediction, actual) -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("feature store unavailable");
            }
            return prediction.equals(actual);
        };
        GuardedModel<Integer, String> model = GuardedModel.<Integer, String>builder("lab")
                .version("v1", x -> "a").clock(clock).labels(flaky, 100, Duration.ofDays(1)).build();
        model.predict("r1", "u", 1);
        assertThatThrownBy(() -> model.label("r1", "a")).isInstanceOf(IllegalStateException.class);
        assertThat(model.label("r1", "a")).isTrue();
        assertThat(model.labelStats().duplicates()).isZero();
        assertThat(model.labelStats().joined()).isEqualTo(1);
        assertThat(model.label("r1", "a")).isFalse();
        assertThat(model.labelStats().duplicates()).isEqualTo(1);
    }
}
