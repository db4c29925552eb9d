package io.github.mlhighway.lifecycle.testkit;

import static io.github.mlhighway.lifecycle.testkit.assertions.LifecycleAssertions.assertThat;

import io.github.mlhighway.lifecycle.core.slo.SloRegistry;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.slo.Severity;
import io.github.mlhighway.lifecycle.slo.Slo;
import io.github.mlhighway.lifecycle.testkit.junit.LifecycleTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The README's "Testing your models" example of the JUnit extension and assertions. Paste changes back. */
// --- README: testing ---
@LifecycleTest
class TestingYourSlosExampleTest {

    @Test
    void anHourOfHalfFailuresPagesAndBurnsFast(TestClock clock, SloRegistry slos) {
        SloTracker checkout = slos.register(Slo.ratio("checkout").objective(0.99)
                .rollingWindow(Duration.ofDays(30)).build());

        clock.run(Duration.ofHours(1), Duration.ofMinutes(1), minute -> checkout.record(500, 1_000));

        assertThat(checkout).hasAlertFiring(Severity.PAGE);
        assertThat(checkout.budget()).isExhausted().hasBurnRateAtLeast(14.4);
    }
}
// --- README: end ---
