package io.github.mlhighway.lifecycle.testkit.assertions;

import static io.github.mlhighway.lifecycle.testkit.assertions.LifecycleAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.core.slo.SloRegistry;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.slo.Slo;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import io.github.mlhighway.lifecycle.testkit.junit.LifecycleTest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@LifecycleTest
class ErrorBudgetAssertTest {

    private TestClock clock;
    private SloTracker api;

    @BeforeEach
    void anApiWithA99PercentObjective(TestClock testClock, SloRegistry slos) {
        clock = testClock;
        api = slos.register(Slo.ratio("api").objective(0.99).rollingWindow(Duration.ofDays(1)).build());
    }

    @Test
    void aQuarterOfTheAllowedErrorsLeavesThreeQuartersOfTheBudget() {
        api.record(9_975, 10_000); // 25 bad of 100 allowed
        clock.advance(Duration.ofMinutes(1));

        assertThat(api.budget()).hasRemainingAtLeast(0.75).isNotExhausted();
    }

    @Test
    void twiceTheAllowedErrorsExhaustTheBudgetAndBurnFast() {
        api.record(9_800, 10_000);
        clock.advance(Duration.ofMinutes(1));

        assertThat(api.budget()).isExhausted().hasBurnRateAtLeast(1.5);
    }

    @Test
    void aFailedRemainingAssertionShowsTheBudgetNumbers() {
        api.record(9_950, 10_000);
        clock.advance(Duration.ofMinutes(1));

        assertThatThrownBy(() -> assertThat(api.budget()).hasRemainingAtLeast(0.9))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected at least 0.9 of the error budget to remain")
                .hasMessageContaining("slo:              api")
                .hasMessageContaining("objective:        0.99")
                .hasMessageContaining("eligible events:  10000")
                .hasMessageContaining("bad events:       50 (allowed 100)")
                .hasMessageContaining("remaining:")
                .hasMessageContaining("burn rate:");
    }

    @Test
    void aHealthyBudgetIsNotExhaustedAndSaysHowMuchRemains() {
        api.record(10_000, 10_000);
        clock.advance(Duration.ofMinutes(1));

        assertThatThrownBy(() -> assertThat(api.budget()).isExhausted())
                .hasMessageContaining("Expected the error budget to be exhausted, but 1 remained")
                .hasMessageContaining("bad events:       0 (allowed 100)");
    }

    @Test
    void aSlowBurnFailsABurnRateFloor() {
        api.record(9_999, 10_000);
        clock.advance(Duration.ofMinutes(1));

        assertThat(api.budget()).hasBurnRateAtMost(1.0);
        assertThatThrownBy(() -> assertThat(api.budget()).hasBurnRateAtLeast(10))
                .hasMessageContaining("Expected a burn rate of at least 10.0")
                .hasMessageContaining("but it was 0.01:")
                .hasMessageContaining("burn rate:        0.01 over PT1H")
                .hasMessageContaining("bad events:       1 (allowed 100)");
    }
}
