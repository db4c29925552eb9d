package io.github.mlhighway.lifecycle.core.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.release.Assignment;
import io.github.mlhighway.lifecycle.release.CohortStats;
import io.github.mlhighway.lifecycle.release.TrafficPlan;
import io.github.mlhighway.lifecycle.serving.BulkheadFullException;
import io.github.mlhighway.lifecycle.serving.PredictionTimeoutException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class GuardedModelTest {

    private final SimClock clock = SimClock.atDefault();
    private final AtomicLong nanos = new AtomicLong();

    /** Baseline below the weight, canary above: a sticky plan by key hash. */
    static TrafficPlan canary(double weight) {
        Assignment base = new Assignment("v1", "baseline");
        Assignment canary = new Assignment("v2", "canary");
        return new TrafficPlan() {
            @Override
            public Assignment assign(long keyHash) {
                return (Long.remainderUnsigned(keyHash, 10_000) < weight * 10_000) ? canary : base;
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
    }

    private GuardedModelBuilder<Integer, String> twoVersions() {
        return GuardedModel.<Integer, String>builder("demo").version("v1", x -> "one:" + x)
                .version("v2", x -> "two:" + x).clock(clock).nanoTime(nanos::get);
    }

    @Test
    void everythingGoesToTheOnlyVersionByDefault() {
        GuardedModel<Integer, String> model = GuardedModel.<Integer, String>builder("solo")
                .version("v1", x -> "one:" + x).clock(clock).build();
        assertThat(model.predict("r1", 7)).isEqualTo("one:7");
        assertThat(model.stats(GuardedModelBuilder.DEFAULT_COHORT, Duration.ofHours(1)).requests()).isEqualTo(1);
    }

    @Test
    void routingFollowsThePlanAndKeysStayInTheirCohortAsTheWeightGrows() {
        GuardedModel<Integer, String> model = twoVersions().trafficPlan(canary(0.10)).build();
        Map<String, String> firstAnswer = new HashMap<>();
        int canaryAtTen = 0;
        for (int user = 0; user < 2_000; user++) {
            String answer = model.predict("r" + user, "user-" + user, 1);
            firstAnswer.put("user-" + user, answer);
            canaryAtTen += answer.startsWith("two") ? 1 : 0;
        }
        assertThat(canaryAtTen).isBetween(140, 260);
        for (int user = 0; user < 2_000; user++) {
            assertThat(model.predict("again" + user, "user-" + user, 1)).isEqualTo(firstAnswer.get("user-" + user));
        }
        model.trafficPlan(canary(0.50));
        for (int user = 0; user < 2_000; user++) {
            if (firstAnswer.get("user-" + user).startsWith("two")) {
                assertThat(model.predict("later" + user, "user-" + user, 1)).startsWith("two");
            }
        }
        CohortStats canaryStats = model.stats("canary", Duration.ofHours(1));
        CohortStats baselineStats = model.stats("baseline", Duration.ofHours(1));
        assertThat(canaryStats.requests() + baselineStats.requests()).isGreaterThan(4_000);
        assertThat(canaryStats.errors()).isZero();
    }

    @Test
    void aThrowingVersionIsCountedAsBadAndTheFallbackAnswers() {
        GuardedModel<Integer, String> model = GuardedModel.<Integer, String>builder("flaky")
                .version("v1", x -> {
                    throw new IllegalStateException("boom");
                }).clock(clock).fallback(x -> "fallback").build();
        assertThat(model.predict("r1", 1)).isEqualTo("fallback");
        CohortStats stats = model.stats(GuardedModelBuilder.DEFAULT_COHORT, Duration.ofMinutes(5));
        assertThat(stats.requests()).isEqualTo(1);
        assertThat(stats.errors()).isEqualTo(1);
    }

    @Test
    void withoutAFallbackTheModelsExceptionReachesTheCaller() {
        GuardedModel<Integer, String> model = GuardedModel.<Integer, String>builder("flaky")
                .version("v1", x -> {
                    throw new IllegalStateException("boom");
                }).clock(clock).build();
        assertThatThrownBy(() -> model.predict("r1", 1)).isInstanceOf(IllegalStateException.class)
                .hasMessage("boom");
    }

    @Test
    void slowCallsCountAgainstTheLatencySloByTheInjectedNanoTime() {
        GuardedModel<Integer, String> model = GuardedModel.<Integer, String>builder("slow")
                .version("v1", x -> {
                    nanos.addAndGet(x * 1_000_000L);
                    return "ok";
                }).clock(clock).nanoTime(nanos::get).latencyThreshold(Duration.ofMillis(300)).build();
        model.predict("fast", 100);
        model.predict("edge", 300);
        model.predict("slow", 301);
        CohortStats stats = model.stats(GuardedModelBuilder.DEFAULT_COHORT, Duration.ofMinutes(5));
        assertThat(stats.requests()).isEqualTo(3);
        assertThat(stats.slowRequests()).isEqualTo(1);
        assertThat(stats.errors()).isZero();
    }

    @Test
    void theBulkheadRejectsWithAClearMessageAndTheFallbackAnswers() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GuardedModel<Integer, String> model = GuardedModel.<Integer, String>builder("narrow")
                .version("v1", x -> {
                    entered.countDown();
                    await(release);
                    return "slow answer";
                }).clock(clock).maxConcurrentCalls(1).fallback(x -> "fallback").build();
        GuardedModel<Integer, String> strict = GuardedModel.<Integer, String>builder("strict")
                .version("v1", x -> {
                    await(release);
                    return "x";
                }).clock(clock).maxConcurrentCalls(1).build();
        Thread holder = new Thread(() -> model.predict("first", 1));
        Thread strictHolder = new Thread(() -> strict.predict("first", 1));
        holder.start();
        strictHolder.start();
        entered.await();
        while (strict.callsInFlight().orElseThrow() == 0) {
            Thread.onSpinWait();
        }
        assertThat(model.predict("second", 2)).isEqualTo("fallback");
        assertThatThrownBy(() -> strict.predict("second", 2)).isInstanceOf(BulkheadFullException.class)
                .hasMessageContaining("Model 'strict' rejected the call: 1 calls are already running");
        release.countDown();
        holder.join();
        strictHolder.join();
        CohortStats stats = model.stats(GuardedModelBuilder.DEFAULT_COHORT, Duration.ofMinutes(5));
        assertThat(stats.requests()).isEqualTo(2);
        assertThat(stats.errors()).isEqualTo(1);
        assertThat(model.callsInFlight()).contains(0);
    }

    @Test
    void aHangingVersionTimesOutAndTheFallbackAnswers() {
        ExecutorService executor = Executors.newCachedThreadPool();
        try {
            CountDownLatch never = new CountDownLatch(1);
            GuardedModel<Integer, String> model = GuardedModel.<Integer, String>builder("hangs")
                    .version("v1", x -> {
                        await(never);
                        return "never";
                    }).clock(clock).timeout(Duration.ofMillis(50), executor).fallback(x -> "fallback").build();
            assertThat(model.predict("r1", 1)).isEqualTo("fallback");
            assertThat(model.stats(GuardedModelBuilder.DEFAULT_COHORT, Duration.ofMinutes(5)).errors()).isEqualTo(1);
            GuardedModel<Integer, String> strict = GuardedModel.<Integer, String>builder("hangs2")
                    .version("v1", x -> {
                        await(never);
                        return "never";
                    }).clock(clock).timeout(Duration.ofMillis(20), executor).build();
            assertThatThrownBy(() -> strict.predict("r1", 1)).isInstanceOf(PredictionTimeoutException.class)
                    .hasMessageContaining("did not answer within PT0.02S");
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aPlanRoutingToAnUnknownVersionIsCountedAndFallsBack() {
        GuardedModel<Integer, String> model = twoVersions().fallback(x -> "fallback").build();
        model.trafficPlan(TrafficPlan.single("v9", "ghost"));
        assertThat(model.predict("r1", 1)).isEqualTo("fallback");
        assertThat(model.stats("ghost", Duration.ofMinutes(5)).errors()).isEqualTo(1);
    }

    @Test
    void aCohortWithoutTrafficHasZeroStats() {
        GuardedModel<Integer, String> model = twoVersions().build();
        assertThat(model.stats("nobody", Duration.ofHours(1)).requests()).isZero();
    }

    @Test
    void builderRejectsBadArgumentsAtOnce() {
        assertThatThrownBy(() -> GuardedModel.builder("m").maxConcurrentCalls(0))
                .hasMessageContaining("maxConcurrentCalls must be at least 1, was 0");
        assertThatThrownBy(() -> GuardedModel.builder("m").build()).hasMessageContaining("needs at least one version");
        assertThatThrownBy(() -> GuardedModel.<Integer, String>builder("m").version("v", x -> "").version("v", x -> ""))
                .hasMessageContaining("'v' was added twice");
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
