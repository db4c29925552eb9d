package io.github.mlhighway.lifecycle.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.core.slo.SloRegistry;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.slo.Operator;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BatchSlisTest {

    private final SloRegistry registry = SloRegistry.create(TestClock.at(Instant.parse("2026-06-01T00:00:00Z")));

    @Test
    void each_batch_is_one_event_on_the_queue_wait_forward_and_batch_size_trackers() {
        BatchSlis slis = BatchSlis.builder(registry, "rain.version.rain_1")
            .queueWait(Duration.ofMillis(2), 0.99).forwardTime(Duration.ofMillis(5), 0.999).build();
        BatchSlis sized = BatchSlis.builder(registry, "rain.version.rain_2").batchSize(Operator.GTE, 8, 0.9)
                .build();

        slis.batchRan(8, 1_000_000, 4_000_000, false);   // 1 ms wait, 4 ms forward: both good
        slis.batchRan(8, 3_000_000, 6_000_000, false);   // 3 ms wait, 6 ms forward: both bad
        slis.batchRan(1, 0, 0, true);                    // failed: bad on both
        sized.batchRan(12, 0, 0, false);
        sized.batchRan(3, 0, 0, false);

        assertCounts(registry.tracker("rain.version.rain_1.batch_queue_wait"), 1, 2);
        assertCounts(registry.tracker("rain.version.rain_1.batch_forward"), 1, 2);
        assertThat(slis.batchSize()).isEmpty();
        assertCounts(sized.batchSize().orElseThrow(), 1, 1);
        assertThat(sized.queueWait().slo().name()).isEqualTo("rain.version.rain_2.batch_queue_wait");
    }

    @Test
    void a_taken_prefix_or_a_bad_one_is_refused_naming_it() {
        BatchSlis.builder(registry, "rain").build();

        assertThatThrownBy(() -> BatchSlis.builder(registry, "rain").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("An SLO named 'rain.batch_queue_wait' is already registered; give each batcher its own"
                        + " prefix");
        assertThatThrownBy(() -> BatchSlis.builder(registry, "rain@1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("prefix must be letters, digits, '.', '_' or '-', got 'rain@1'");
        assertThatThrownBy(() -> BatchSlis.builder(registry, "x").queueWait(Duration.ZERO, 0.99))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("x.batch_queue_wait: the threshold must be positive, got PT0S");
    }

    private static void assertCounts(SloTracker tracker, long good, long bad) {
        assertThat(tracker.goodEventsRecorded()).as(tracker.slo().name() + " good").isEqualTo(good);
        assertThat(tracker.badEventsRecorded()).as(tracker.slo().name() + " bad").isEqualTo(bad);
    }
}
