package io.github.mlhighway.lifecycle.testkit;

import static io.github.mlhighway.lifecycle.testkit.docs.JavadocExamples.copy;
import static io.github.mlhighway.lifecycle.testkit.docs.JavadocExamples.example;
import static io.github.mlhighway.lifecycle.testkit.assertions.LifecycleAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.core.evaluation.gate.ModelComparison;
import io.github.mlhighway.lifecycle.core.evaluation.gate.ModelGate;
import io.github.mlhighway.lifecycle.core.runtime.Lifecycle;
import io.github.mlhighway.lifecycle.core.serving.GuardedModel;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.slo.Severity;
import io.github.mlhighway.lifecycle.slo.Slo;
import io.github.mlhighway.lifecycle.testkit.behaviour.Direction;
import io.github.mlhighway.lifecycle.testkit.behaviour.ModelBehaviour;
import io.github.mlhighway.lifecycle.testkit.scenario.Scenario;
import io.github.mlhighway.lifecycle.testkit.scenario.Timeline;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The code examples in the javadoc of {@link ModelBehaviour}, {@link Scenario}, {@link TestClock} and
 * {@code LifecycleAssertions}, run; one test per example checks that the javadoc shows exactly the code run here.
 */
class TestkitJavadocExamplesTest {

    private static final Path MAIN = Path.of("src/main/java/io/github/mlhighway/lifecycle/testkit/");
    private static final Path THIS_TEST = Path.of("src/test/java/io/github/mlhighway/lifecycle/testkit/"
            + "TestkitJavadocExamplesTest.java");

    /** A word-counting sentiment model: praise scores up, "bad" down, "not bad" is neutral, names do not count. */
    static final class Sentiment {
        int calls;

        double score(String review) {
            calls++;
            String text = review.toLowerCase();
            double score = 0.5;
            score += text.contains("love") ? 0.5 : 0.0;
            score += text.contains("great") ? 0.2 : 0.0;
            score -= text.replace("not bad", "").contains("bad") ? 0.3 : 0.0;
            return Math.max(0.0, Math.min(1.0, score));
        }
    }

    @Test
    void theModelBehaviourExampleVerifiesAModelThatKeepsAllThreeExpectations() {
        Sentiment sentiment = new Sentiment();
        List<String> reviews = List.of("Anna thought it was great.", "Anna found the food bad.", "Fine, said Anna.");

        // --- javadoc: ModelBehaviour ---
        ModelBehaviour.of(sentiment::score)
            .minimumFunctionality("obvious praise", Map.of("I love it", 1.0))
            .invariance("names do not matter", reviews, r -> r.replace("Anna", "Omar"), 0.05)
            .directional("adding 'not bad' helps", reviews, r -> r + " Not bad.", Direction.NOT_DOWN)
            .verify();
        // --- javadoc: end ---

        assertThat(sentiment.calls).isEqualTo(1 + 2 * reviews.size() + 2 * reviews.size());
        assertThatThrownBy(() -> ModelBehaviour.of((String review) -> review.contains("Anna") ? 0.9 : 0.1)
                .invariance("names do not matter", reviews, r -> r.replace("Anna", "Omar"), 0.05).verify())
                .isInstanceOf(AssertionError.class).hasMessageContaining("names do not matter");
    }

    @Test
    void theScenarioExampleSendsItsTrafficAndTheOutagePages() {
        // --- javadoc: Scenario ---
        Scenario<Double> scenario = Scenario.builder(random -> random.nextGaussian())
            .requestsPerSecond(20)
            .errorRate(0.0005)
            .outage(Duration.ofMinutes(10), Duration.ofMinutes(20))
            .duration(Duration.ofMinutes(30))
            .build();
        GuardedModel<Double, Double> model = GuardedModel.<Double, Double>builder("rain")
            .version("rain@1", scenario.simulate(x -> 2 * x))
            .clock(scenario.clock()).nanoTime(scenario.nanoTime())
            .build();
        Timeline timeline = scenario.run(model);
        // --- javadoc: end ---

        assertThat(timeline.totalRequests()).isEqualTo(30 * 60 * 20);
        assertThat(timeline.totalErrors()).isGreaterThanOrEqualTo(10 * 60 * 20);
        assertThat(timeline.timeToFire(Severity.PAGE, Duration.ofMinutes(10))).isPresent();
        assertThat(timeline.at(Duration.ofMinutes(9)).firing()).isEmpty();
    }

    @Test
    void theTestClockExampleDrivesTheRuntimeSoTheBadEventBurnsTheBudget() {
        // --- javadoc: TestClock ---
        TestClock clock = TestClock.at(Instant.parse("2026-01-01T00:00:00Z"));
        Lifecycle lifecycle = Lifecycle.builder().clock(clock).build();
        clock.drive(lifecycle);
        SloTracker tracker = lifecycle.slo(Slo.ratio("checkout").objective(0.999).build());
        tracker.record(false);
        clock.advance(Duration.ofMinutes(1));   // the bad event lands in the minute it was recorded
        // --- javadoc: end ---

        try (lifecycle) {
            assertThat(lifecycle.slos().tracker("checkout")).isSameAs(tracker);
            assertThat(tracker.budget().bad()).isEqualTo(1.0);
            assertThat(tracker.budget().at()).isEqualTo(Instant.parse("2026-01-01T00:01:00Z"));
        }
    }

    @Test
    void theLifecycleAssertionsExampleFailsAWeakCandidateAndSeesBudgetLeft() {
        ModelGate gate = ModelGate.builder().metric("accuracy").atLeast(0.9).build();
        int[] labels = new int[40];
        Arrays.fill(labels, 20, 40, 1);
        double[] probabilities = new double[40];
        Arrays.fill(probabilities, 0.8);
        ModelComparison candidate = ModelComparison.binary(labels, probabilities); // accuracy 0.5
        SloTracker tracker = SloTracker.create(Slo.ratio("checkout").objective(0.999).build(), TestClock.create());
        tracker.record(9_999, 10_000);

        // --- javadoc: LifecycleAssertions ---
        assertThat(gate.evaluate(candidate)).failed().hasFailedFinding("model.accuracy.at_least");
        assertThat(tracker.budget()).hasRemainingAtLeast(0.5);
        // --- javadoc: end ---

        assertThat(tracker.budget().remainingFraction()).isLessThan(1.0);
    }

    @Test
    void theModelBehaviourJavadocShowsTheCodeThisTestRuns() {
        assertThat(copy(THIS_TEST, "ModelBehaviour"))
                .isEqualTo(example(MAIN.resolve("behaviour/ModelBehaviour.java"), 0));
    }

    @Test
    void theScenarioJavadocShowsTheCodeThisTestRuns() {
        assertThat(copy(THIS_TEST, "Scenario")).isEqualTo(example(MAIN.resolve("scenario/Scenario.java"), 0));
    }

    @Test
    void theTestClockJavadocShowsTheCodeThisTestRuns() {
        assertThat(copy(THIS_TEST, "TestClock")).isEqualTo(example(MAIN.resolve("TestClock.java"), 0));
    }

    @Test
    void theLifecycleAssertionsJavadocShowsTheCodeThisTestRuns() {
        assertThat(copy(THIS_TEST, "LifecycleAssertions"))
                .isEqualTo(example(MAIN.resolve("assertions/LifecycleAssertions.java"), 0));
    }
}
