package io.github.mlhighway.lifecycle.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.core.slo.SloRegistry;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.slo.Slo;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestClockTest {

    @Test
    void aDrivenRegistryPutsEachEventInTheMinuteItWasRecorded() {
        TestClock clock = TestClock.create();
        SloRegistry slos = SloRegistry.create(clock);
        clock.drive(slos);
        SloTracker tracker = slos.register(Slo.ratio("api").objective(0.99).rollingWindow(Duration.ofHours(1))
                .build());

        tracker.record(false);
        clock.advance(Duration.ofMinutes(50));
        tracker.record(true);
        clock.advance(Duration.ofMinutes(20)); // the bad event is now 70 minutes old, the good one 20

        assertThat(tracker.budget().eligible()).isEqualTo(1);
        assertThat(tracker.budget().bad()).isZero();
    }

    @Test
    void runCallsTheStepBeforeEachAdvanceUntilTheEnd() {
        TestClock clock = TestClock.at(Instant.parse("2026-05-01T00:00:00Z"));
        List<Instant> steps = new ArrayList<>();

        clock.run(Duration.ofMinutes(25), Duration.ofMinutes(10), steps::add);

        assertThat(steps).containsExactly(Instant.parse("2026-05-01T00:00:00Z"),
                Instant.parse("2026-05-01T00:10:00Z"), Instant.parse("2026-05-01T00:20:00Z"));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-05-01T00:25:00Z"));
    }

    @Test
    void itNeverGoesBackwardsAndKeepsItsTimeInOtherZones() {
        TestClock clock = TestClock.create();

        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).hasMessageContaining("only moves forward");
        clock.advance(Duration.ofHours(1));
        assertThat(clock.withZone(ZoneId.of("Asia/Tokyo")).instant()).isEqualTo(clock.instant());
    }
}
