package io.github.mlhighway.lifecycle.testkit.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.serving.GuardedModel;
import io.github.mlhighway.lifecycle.slo.Severity;
import io.github.mlhighway.lifecycle.testkit.behaviour.ModelBehaviour;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class TestingYourModelsExampleTest {

    Function<double[], Double> rain = x -> 0.3 * x[0] + 0.1 * x[1];

    @Test
    void anOutagePagesWithinTwoMinutes() {
        Scenario<double[]> scenario = Scenario.builder(r -> new double[] {r.nextGaussian(), r.nextGaussian()})
                .requestsPerSecond(20)
                .errorRate(0.0005)
                .outage(Duration.ofMinutes(10), Duration.ofMinutes(15))
                .latency(Latency.logNormal(Duration.ofMillis(40), Duration.ofMillis(200)))
                .duration(Duration.ofMinutes(30))
                .build();
        GuardedModel<double[], Double> model = GuardedModel.<double[], Double>builder("rain")
                .version("rain@1", scenario.simulate(rain))
                .clock(scenario.clock())
                .nanoTime(scenario.nanoTime())
                .build();

        Timeline timeline = scenario.run(model);

        assertThat(timeline.at(Duration.ofMinutes(9)).isFiring(Severity.PAGE)).isFalse();
        assertThat(timeline.timeToFire(Severity.PAGE, Duration.ofMinutes(10)))
                .hasValueSatisfying(delay -> assertThat(delay).isLessThanOrEqualTo(Duration.ofMinutes(2)));
    }

    @Test
    void predictionsDoNotDependOnAnIrrelevantFeature() {
        List<double[]> inputs = List.of(new double[] {1, 0, 5}, new double[] {-2, 3, 7});

        ModelBehaviour.of(rain)
                .invariance("feature 3 is ignored", inputs, x -> new double[] {x[0], x[1], -x[2]}, 1e-9)
                .verify();
    }
}
