package io.github.mlhighway.lifecycle.core.serving;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.release.CohortStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

class GuardedModelStressTest {

    @Test
    void severalThreadsAndEveryCallIsCountedOnce() throws Exception {
        SimClock clock = SimClock.atDefault();
        LongAdder fallbacks = new LongAdder();
        GuardedModel<Integer, Integer> model = GuardedModel.<Integer, Integer>builder("stress")
                .version("v1", x -> {
                    if (x % 10 == 0) {
                        throw new IllegalStateException("every tenth");
                    }
                    return x;
                }).version("v2", x -> x)
                .clock(clock).trafficPlan(GuardedModelTest.canary(0.3)).maxConcurrentCalls(3)
                .fallback(x -> {
                    fallbacks.increment();
                    return -1;
                }).build();
        int threads = 6;
        int calls = 20_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            Thread worker = new Thread(() -> {
                GuardedModelTest.await(start);
                for (int i = 0; i < calls; i++) {
                    model.predict("t" + offset + "-" + i, "user-" + (i % 500), i);
                }
            });
            worker.start();
            workers.add(worker);
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        clock.advance(Duration.ofSeconds(1));
        CohortStats baseline = model.stats("baseline", Duration.ofHours(1));
        CohortStats canary = model.stats("canary", Duration.ofHours(1));
        assertThat(baseline.requests() + canary.requests()).isEqualTo((long) threads * calls);
        assertThat(baseline.errors() + canary.errors()).isEqualTo(fallbacks.sum());
        assertThat(model.callsInFlight()).contains(0);
        long v1 = model.slos().tracker(model.versionSloName("v1", "availability")).goodEventsRecorded()
                + model.slos().tracker(model.versionSloName("v1", "availability")).badEventsRecorded();
        long v2 = model.slos().tracker(model.versionSloName("v2", "availability")).goodEventsRecorded()
                + model.slos().tracker(model.versionSloName("v2", "availability")).badEventsRecorded();
        assertThat(v1 + v2).isEqualTo((long) threads * calls);
    }
}
