package io.github.mlhighway.lifecycle.core.condition;

import static io.github.mlhighway.lifecycle.core.condition.Conditions.allOf;
import static io.github.mlhighway.lifecycle.core.condition.Conditions.budgetRemainingAtLeast;
import static io.github.mlhighway.lifecycle.core.condition.Conditions.budgetRemainingBelow;
import static io.github.mlhighway.lifecycle.core.condition.Conditions.drifting;
import static io.github.mlhighway.lifecycle.core.condition.Conditions.notDrifting;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.JavadocExamples;
import io.github.mlhighway.lifecycle.core.data.DoubleColumn;
import io.github.mlhighway.lifecycle.core.data.Table;
import io.github.mlhighway.lifecycle.core.data.drift.Drift;
import io.github.mlhighway.lifecycle.core.data.drift.DriftReport;
import io.github.mlhighway.lifecycle.core.incident.IncidentPolicy;
import io.github.mlhighway.lifecycle.core.pipeline.Pipeline;
import io.github.mlhighway.lifecycle.core.pipeline.PipelineRunner;
import io.github.mlhighway.lifecycle.core.retrain.RetrainConditions;
import io.github.mlhighway.lifecycle.core.retrain.RetrainTrigger;
import io.github.mlhighway.lifecycle.core.runtime.Lifecycle;
import io.github.mlhighway.lifecycle.core.serving.DriftEvent;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.core.time.SimulatedClock;
import io.github.mlhighway.lifecycle.pipeline.Stage;
import io.github.mlhighway.lifecycle.slo.Slo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples of the javadoc of {@link Conditions}, {@link IncidentPolicy} and {@link RetrainTrigger}: conditions
 * on drifting serving inputs and a spent accuracy budget, run on a simulated clock; one check per example keeps the
 * copies equal.
 */
class ConditionJavadocExamplesTest {

    private static final Table REFERENCE = Table.of("reference",
            DoubleColumn.of("wind", IntStream.range(0, 100).mapToDouble(i -> i).toArray()));
    private static final Table SHIFTED = Table.of("shifted",
            DoubleColumn.of("wind", IntStream.range(100, 200).mapToDouble(i -> i).toArray()));

    @TempDir
    Path dir;

    private final SimulatedClock clock = SimulatedClock.at(SimulatedClock.DEFAULT_START);

    private DriftEvent window(DriftReport report) {
        return new DriftEvent("rain", clock.instant().minus(Duration.ofHours(1)), clock.instant(), 100, 0, report);
    }

    private SloTracker halfSpentAccuracy(SloTracker accuracy) {
        accuracy.record(80, 100); // 20% bad against a 10% budget: the budget is overspent
        clock.advance(Duration.ofMinutes(1));
        accuracy.tick();
        return accuracy;
    }

    @Test
    void theConditionsExampleHoldsWhenInputsDriftAndTheBudgetIsLow() {
        AtomicReference<DriftEvent> latestWindow = new AtomicReference<>(window(Drift.between(REFERENCE, SHIFTED)));
        SloTracker accuracyTracker = halfSpentAccuracy(SloTracker.create(Slo.ratio("rain.accuracy").objective(0.9)
                .rollingWindow(Duration.ofDays(7)).build(), clock));

        // --- javadoc: Conditions ---
        Condition unhealthy = Conditions.allOf(Conditions.drifting("serving-inputs", latestWindow::get),
                                               Conditions.budgetRemainingBelow(accuracyTracker, 0.5));
        // --- javadoc: end ---

        assertThat(unhealthy.check(clock.instant()).holds()).isTrue();
        latestWindow.set(window(Drift.between(REFERENCE, REFERENCE)));
        assertThat(unhealthy.check(clock.instant()).holds()).isFalse();
    }

    @Test
    void theIncidentPolicyExampleOpensAnIncidentAfterTwoBadEvaluations() {
        try (Lifecycle lifecycle = Lifecycle.builder().clock(clock).store(dir.resolve("store"))
                .incidentsFromAlerts(false).build()) { // only the policy opens incidents here
            clock.drive(lifecycle);
            AtomicReference<DriftEvent> latestWindow = new AtomicReference<>(
                    window(Drift.between(REFERENCE, SHIFTED)));
            SloTracker accuracy = halfSpentAccuracy(lifecycle.slo(Slo.ratio("rain.accuracy").objective(0.9)
                    .rollingWindow(Duration.ofDays(7)).build()));

            // --- javadoc: IncidentPolicy ---
            IncidentPolicy rainQuality = IncidentPolicy.builder("rain-quality").key("rain")
                    .openWhen(allOf(drifting("serving-inputs", latestWindow::get), budgetRemainingBelow(accuracy, 0.5)))
                    .consecutive(2)
                    .closeWhen(allOf(notDrifting("serving-inputs", latestWindow::get), budgetRemainingAtLeast(accuracy, 0.5)))
                    .consecutive(2)
                    .build();
            // --- javadoc: end ---
            lifecycle.incidentPolicy(rainQuality, Duration.ofHours(1));

            DriftReport drifted = latestWindow.get().report();
            clock.run(Duration.ofMinutes(30), Duration.ofMinutes(1), minute -> latestWindow.set(window(drifted)));
            assertThat(lifecycle.incidents().openIncidents()).isEmpty(); // one evaluation held, two are needed
            clock.run(Duration.ofHours(1), Duration.ofMinutes(1), minute -> latestWindow.set(window(drifted)));
            assertThat(lifecycle.incidents().openIncidents()).singleElement()
                    .satisfies(incident -> assertThat(incident.key()).isEqualTo("rain"));
        }
    }

    @Test
    void theRetrainTriggerExampleRetrainsAfterThreeDriftingEvaluations() {
        AtomicReference<DriftReport> latestDrift = new AtomicReference<>(Drift.between(REFERENCE, SHIFTED));
        List<String> trained = new ArrayList<>();
        Pipeline<String, Integer> training = Pipeline.start("rain-tomorrow", String.class)
                .then("train", Integer.class, Stage.of((String data) -> {
                    trained.add(data);
                    return data.length();
                }))
                .build();
        PipelineRunner runner = PipelineRunner.builder(Stores.inMemory(clock)).clock(clock).build();

        // --- javadoc: RetrainTrigger ---
        RetrainTrigger trigger = RetrainTrigger.builder("rain-model", clock,
                RetrainConditions.anyOf(RetrainConditions.drift("inputs", latestDrift::get),
                                        RetrainConditions.every(Duration.ofDays(7))))
            .consecutive(3).cooldown(Duration.ofDays(1))
            .action(request -> runner.run(training, "retrain-" + request.at().toEpochMilli(), "weather.csv"))
            .build();
        trigger.evaluate();   // from the host's ticker, or let lifecycle.retraining(..) evaluate it
        // --- javadoc: end ---

        clock.advance(Duration.ofHours(1));
        trigger.evaluate();
        assertThat(trained).isEmpty();
        clock.advance(Duration.ofHours(1));
        trigger.evaluate();
        assertThat(trained).containsExactly("weather.csv");
        assertThat(trigger.lastTriggeredAt()).hasValue(clock.instant());
    }

    @Test
    void theConditionsJavadocShowsTheCodeRunHere() {
        JavadocExamples.assertShown(Conditions.class, ConditionJavadocExamplesTest.class);
    }

    @Test
    void theIncidentPolicyJavadocShowsTheCodeRunHere() {
        JavadocExamples.assertShown(IncidentPolicy.class, ConditionJavadocExamplesTest.class);
    }

    @Test
    void theRetrainTriggerJavadocShowsTheCodeRunHere() {
        JavadocExamples.assertShown(RetrainTrigger.class, ConditionJavadocExamplesTest.class);
    }
}
