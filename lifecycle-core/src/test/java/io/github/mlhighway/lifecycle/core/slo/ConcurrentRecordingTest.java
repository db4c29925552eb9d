package io.github.mlhighway.lifecycle.core.slo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.slo.ErrorBudget;
import io.github.mlhighway.lifecycle.slo.Slo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Many threads record while another ticks and reads: every event is counted exactly once. */
class ConcurrentRecordingTest {

    @Test
    void everyEventRecordedFromManyThreadsIsCountedOnce() throws Exception {
        SimClock clock = SimClock.atDefault();
        SloTracker tracker = SloTracker.create(Slo.ratio("stress").objective(0.99).rollingWindow(Duration.ofDays(30))
                .build(), clock);
        int threads = 4;
        int eventsPerThread = 250_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> recorders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread thread = new Thread(() -> {
                awaitQuietly(start);
                for (int i = 0; i < eventsPerThread; i++) {
                    tracker.record(i % 100 != id); // exactly 1% bad per thread
                }
            });
            recorders.add(thread);
            thread.start();
        }
        AtomicBoolean done = new AtomicBoolean();
        Thread ticker = new Thread(() -> {
            int steps = 0;
            while (!done.get()) {
                if (steps++ < 100_000) { // at most about a day of simulated time: well inside the window
                    clock.advance(Duration.ofSeconds(1));
                }
                tracker.tick();
                tracker.budget();
            }
        });
        ticker.start();
        start.countDown();
        for (Thread thread : recorders) {
            thread.join();
        }
        done.set(true);
        ticker.join();

        ErrorBudget budget = tracker.budget();
        assertThat(budget.eligible()).isEqualTo((long) threads * eventsPerThread);
        assertThat(budget.bad()).isEqualTo(threads * eventsPerThread / 100.0);
        assertThat(tracker.goodEventsRecorded() + tracker.badEventsRecorded()).isEqualTo((long) threads * eventsPerThread);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
