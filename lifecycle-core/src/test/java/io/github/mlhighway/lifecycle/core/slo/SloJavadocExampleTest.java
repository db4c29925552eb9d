package io.github.mlhighway.lifecycle.core.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.mlhighway.lifecycle.core.JavadocExamples;
import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.slo.BudgetingMethod;
import io.github.mlhighway.lifecycle.slo.Operator;
import io.github.mlhighway.lifecycle.slo.Slo;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The example of {@link Slo}'s javadoc (in lifecycle-api, which has no test dependencies on core), run on core's
 * trackers; a second test keeps the two copies equal.
 */
class SloJavadocExampleTest {

    private static final Path SOURCE = Path.of("../lifecycle-api/src/main/java/io/github/mlhighway/lifecycle/slo/"
            + "Slo.java");

    @Test
    void theSloExampleBuildsThreeSlosThatTrackersJudgeAsDeclared() {
        SimClock clock = SimClock.atDefault();

        // --- javadoc: Slo ---
        Slo availability = Slo.ratio("checkout.availability")
            .objective(0.999)
            .rollingWindow(Duration.ofDays(28))
            .build();
        Slo latency = Slo.threshold("checkout.latency", Operator.LTE, 300.0)
            .objective(0.99).rollingWindow(Duration.ofDays(28)).build();
        Slo accuracy = Slo.timeslices("forecast.accuracy")
            .metric("accuracy").atLeast(0.70).slice(Duration.ofHours(1))
            .objective(0.95).rollingWindow(Duration.ofDays(7)).build();
        // --- javadoc: end ---

        assertThat(availability.errorBudgetRatio()).isCloseTo(0.001, within(1e-12));
        assertThat(availability.budgetingMethod()).isEqualTo(BudgetingMethod.OCCURRENCES);
        assertThat(accuracy.budgetingMethod()).isEqualTo(BudgetingMethod.TIMESLICES);
        assertThat(accuracy.timeslices().slice()).isEqualTo(Duration.ofHours(1));

        SloTracker latencyTracker = SloTracker.create(latency, clock);
        latencyTracker.recordValue(250.0);
        latencyTracker.recordValue(300.0);
        latencyTracker.recordValue(420.0);
        assertThat(latencyTracker.goodEventsRecorded()).isEqualTo(2);
        assertThat(latencyTracker.badEventsRecorded()).isEqualTo(1);
    }

    @Test
    void theSloJavadocShowsTheCodeThisTestRuns() {
        JavadocExamples.assertShown(SOURCE, 1, SloJavadocExampleTest.class, "Slo");
    }
}
