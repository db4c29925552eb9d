package io.github.mlhighway.lifecycle.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.JavadocExamples;
import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.core.data.DoubleColumn;
import io.github.mlhighway.lifecycle.core.data.Table;
import io.github.mlhighway.lifecycle.core.data.drift.Drift;
import io.github.mlhighway.lifecycle.core.data.drift.DriftReport;
import io.github.mlhighway.lifecycle.core.evaluation.BinaryData;
import io.github.mlhighway.lifecycle.core.evaluation.Evaluator;
import io.github.mlhighway.lifecycle.core.slo.SloRegistry;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.evaluation.Evaluation;
import io.github.mlhighway.lifecycle.slo.Slo;
import io.github.mlhighway.lifecycle.store.Store;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example of {@link ReportRecorder}'s javadoc, run on an in-memory store; a second test keeps the copies equal. */
class ReportJavadocExamplesTest {

    @Test
    void theReportRecorderExampleRecordsEverySeries() {
        SimClock clock = SimClock.atDefault();
        Store store = Stores.inMemory(clock);
        SloRegistry slos = SloRegistry.create(clock);
        SloTracker availability = slos.register(Slo.ratio("rain.availability").objective(0.99)
                .rollingWindow(Duration.ofDays(7)).build());
        SloTracker accuracy = slos.register(Slo.ratio("rain.accuracy").objective(0.9)
                .rollingWindow(Duration.ofDays(7)).build());
        availability.record(99, 100);
        accuracy.record(95, 100);
        clock.advance(Duration.ofMinutes(1));
        slos.tick();
        DriftReport driftReport = Drift.between(Table.of("seattle", DoubleColumn.of("wind", 4.7, 4.5, 2.3, 6.1)),
                Table.of("new-york", DoubleColumn.of("wind", 3.9, 4.1, 5.0, 2.8)));
        Evaluation evaluation = Evaluator.binary().resamples(100).seed(42).build()
                .evaluate(BinaryData.of(new int[] {1, 0, 1, 0}, new double[] {0.9, 0.2, 0.6, 0.4}));

        // --- javadoc: ReportRecorder ---
        ReportRecorder recorder = ReportRecorder.create(store, clock);
        recorder.recordSlos(List.of(availability, accuracy));
        recorder.recordDrift("serving-traffic", driftReport);
        recorder.recordEvaluation("champion", "rain@1", "new-york-holdout", evaluation);
        recorder.recordEvent("traffic", "switched traffic to New York");
        ReportData data = ReportData.read(store);
        // --- javadoc: end ---

        assertThat(data.slos()).hasSize(2);
        assertThat(data.drift()).hasSize(1);
        assertThat(data.evaluations()).singleElement()
                .satisfies(point -> assertThat(point.modelVersion()).isEqualTo("rain@1"));
        assertThat(data.isEmpty()).isFalse();
    }

    @Test
    void theJavadocShowsTheCodeRunHere() {
        JavadocExamples.assertShown(ReportRecorder.class, ReportJavadocExamplesTest.class);
    }
}
