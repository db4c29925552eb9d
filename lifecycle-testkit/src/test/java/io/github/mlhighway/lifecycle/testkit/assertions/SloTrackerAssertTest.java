package io.github.mlhighway.lifecycle.testkit.assertions;

import static io.github.mlhighway.lifecycle.testkit.assertions.LifecycleAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.core.slo.SloRegistry;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.slo.Severity;
import io.github.mlhighway.lifecycle.slo.Slo;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import io.github.mlhighway.lifecycle.testkit.junit.LifecycleTest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@LifecycleTest
class SloTrackerAssertTest {

    private TestClock clock;
    private SloTracker checkout;

    @BeforeEach
    void aCheckoutSloOverThirtyDays(TestClock testClock, SloRegistry slos) {
        clock = testClock;
        checkout = slos.register(Slo.ratio("checkout").objective(0.99).rollingWindow(Duration.ofDays(30))
                .build());
    }

    private void trafficFor(Duration duration, long goodPerMinute, long totalPerMinute) {
        clock.run(duration, Duration.ofMinutes(1), at -> checkout.record(goodPerMinute, totalPerMinute));
    }

    @Test
    void anHourOfHealthyTrafficFiresNothing() {
        trafficFor(Duration.ofHours(1), 1_000, 1_000);

        assertThat(checkout).hasNoAlertFiring().budget().hasRemainingAtLeast(0.99);
    }

    @Test
    void anHourOfHalfFailedRequestsPages() {
        trafficFor(Duration.ofHours(1), 500, 1_000);

        assertThat(checkout).hasAlertFiring(Severity.PAGE);
    }

    @Test
    void expectingAPageFromHealthyTrafficShowsEveryTier() {
        trafficFor(Duration.ofHours(1), 1_000, 1_000);

        assertThatThrownBy(() -> assertThat(checkout).hasAlertFiring(Severity.PAGE))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected a PAGE alert firing for SLO 'checkout'")
                .hasMessageContaining("long window burn")
                .hasMessageContaining("OK");
    }

    @Test
    void expectingSilenceDuringAnOutageShowsTheFiringTier() {
        trafficFor(Duration.ofHours(1), 500, 1_000);

        assertThatThrownBy(() -> assertThat(checkout).hasNoAlertFiring())
                .hasMessageContaining("Expected no alert firing for SLO 'checkout'")
                .hasMessageContaining("FIRING")
                .hasMessageContaining("PAGE");
    }
}
