package io.github.mlhighway.lifecycle.testkit.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.mlhighway.lifecycle.core.serving.GuardedModel;
import io.github.mlhighway.lifecycle.serving.LabelJudge;
import io.github.mlhighway.lifecycle.slo.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioTest {

    private static GuardedModel<Double, Double> model(Scenario<Double> scenario) {
        return GuardedModel.<Double, Double>builder("demo")
                .version("demo@1", scenario.simulate(x -> 2 * x))
                .clock(scenario.clock())
                .nanoTime(scenario.nanoTime())
                .latencyThreshold(Duration.ofMillis(300))
                .build();
    }

    @Test
    void aQuietScenarioSendsTheDeclaredTrafficAndNeverAlerts() {
        Scenario<Double> scenario = Scenario.builder(r -> r.nextGaussian())
                .requestsPerSecond(2.5).duration(Duration.ofMinutes(10)).build();

        Timeline timeline = scenario.run(model(scenario));

        assertThat(timeline.snapshots()).hasSize(10).allMatch(s -> s.requests() == 150 && s.errors() == 0);
        assertThat(timeline.totalRequests()).isEqualTo(1_500);
        assertThat(timeline.first(s -> !s.firing().isEmpty())).isEmpty();
        assertThat(timeline.last().budgetRemaining("demo.version.demo_1.availability")).isEqualTo(1.0);
    }

    @Test
    void theErrorRateIsWhatTheModelRecords() {
        Scenario<Double> scenario = Scenario.builder(r -> r.nextGaussian())
                .requestsPerSecond(50).errorRate(0.02).duration(Duration.ofMinutes(20)).build();

        Timeline timeline = scenario.run(model(scenario));

        assertThat((double) timeline.totalErrors() / timeline.totalRequests()).isCloseTo(0.02, within(0.003));
    }

    @Test
    void anIncidentScheduleRaisesTheErrorsOnlyWhileItLasts() {
        Instant start = Scenario.builder(r -> 0.0).build().start();
        Scenario<Double> scenario = Scenario.builder(r -> r.nextGaussian())
                .requestsPerSecond(10)
                .errorRate(t -> t.isBefore(start.plus(Duration.ofMinutes(5))) ? 0.0 : 0.5)
                .duration(Duration.ofMinutes(8)).build();

        Timeline timeline = scenario.run(model(scenario));

        assertThat(timeline.at(Duration.ofMinutes(5)).errors()).isZero();
        assertThat(timeline.at(Duration.ofMinutes(7)).errorRatio()).isCloseTo(0.5, within(0.1));
    }

    @Test
    void slowCallsBurnTheLatencyBudgetAndPage() {
        Scenario<Double> scenario = Scenario.builder(r -> r.nextGaussian())
                .requestsPerSecond(10)
                .latencySchedule(t -> t.isBefore(Instant.parse("2026-01-01T00:10:00Z"))
                        ? Latency.uniform(Duration.ofMillis(10), Duration.ofMillis(50))
                        : Latency.constant(Duration.ofSeconds(2)))
                .duration(Duration.ofMinutes(15)).build();

        Timeline timeline = scenario.run(model(scenario));

        assertThat(timeline.at(Duration.ofMinutes(10)).slow()).isZero();
        assertThat(timeline.at(Duration.ofMinutes(11)).slow()).isEqualTo(600);
        assertThat(timeline.firstFiring("demo.version.demo_1.latency", Severity.PAGE))
                .hasValueSatisfying(s -> assertThat(s.elapsed()).isEqualTo(Duration.ofMinutes(11)));
        assertThat(timeline.last().budgetRemaining("demo.version.demo_1.latency")).isNegative();
    }

    @Test
    void theSameSeedGivesTheSameTimeline() {
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Scenario<Double> scenario = Scenario.builder(r -> r.nextGaussian()).seed(7).requestsPerSecond(20)
                    .errorRate(0.01).duration(Duration.ofMinutes(5)).build();
            runs.add(scenario.run(model(scenario)).describe());
        }
        assertThat(runs.get(0)).isEqualTo(runs.get(1));
    }

    @Test
    void inputsDriftAfterTheDeclaredTime() {
        List<Double> seen = new ArrayList<>();
        Scenario<Double> scenario = Scenario.builder(r -> r.nextGaussian())
                .requestsPerSecond(5)
                .driftAfter(Duration.ofMinutes(1), r -> 100 + r.nextGaussian())
                .duration(Duration.ofMinutes(2)).build();
        GuardedModel<Double, Double> model = GuardedModel.<Double, Double>builder("drift")
                .version("drift@1", x -> {
                    seen.add(x);
                    return x;
                })
                .clock(scenario.clock()).build();

        scenario.run(model);

        assertThat(seen.subList(0, 300)).allMatch(x -> x < 50);
        assertThat(seen.subList(300, 600)).allMatch(x -> x > 50);
    }

    @Test
    void labelsArriveAfterTheDeclaredDelay() {
        Scenario<Double> scenario = Scenario.builder(r -> r.nextGaussian())
                .requestsPerSecond(4)
                .labels(Duration.ofMinutes(2), x -> 2 * x)
                .duration(Duration.ofMinutes(5)).build();
        GuardedModel<Double, Double> model = GuardedModel.<Double, Double>builder("labelled")
                .version("labelled@1", scenario.simulate(x -> 2 * x))
                .clock(scenario.clock())
                .labels(LabelJudge.withinAbsoluteError(0.01), 10_000, Duration.ofDays(1))
                .build();

        Timeline timeline = scenario.run(model);

        assertThat(timeline.at(Duration.ofMinutes(1)).labels()).isZero();
        assertThat(timeline.at(Duration.ofMinutes(3)).labels()).isEqualTo(240);
        assertThat(model.labelStats().joined()).isEqualTo((3 * 60 + 1) * 4); // requests sent from 0:00 to 3:00
        assertThat(model.labelStats().correct()).isEqualTo(model.labelStats().joined());
    }

    @Test
    void aModelOnAnotherClockIsRejected() {
        Scenario<Double> scenario = Scenario.builder(r -> 0.0).build();
        GuardedModel<Double, Double> model = GuardedModel.<Double, Double>builder("elsewhere")
                .version("v", x -> x).build();

        assertThatThrownBy(() -> scenario.run(model)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clock(scenario.clock())");
    }

    @Test
    void declaredFailuresNeedASimulatedVersion() {
        Scenario<Double> scenario = Scenario.builder(r -> 0.0).errorRate(0.5).duration(Duration.ofSeconds(5)).build();
        GuardedModel<Double, Double> model = GuardedModel.<Double, Double>builder("plain")
                .version("v", x -> x).clock(scenario.clock()).build();

        assertThatThrownBy(() -> scenario.run(model)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("scenario.simulate");
    }
}
