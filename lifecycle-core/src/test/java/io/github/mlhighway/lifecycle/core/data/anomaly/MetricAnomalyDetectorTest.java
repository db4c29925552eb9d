package io.github.mlhighway.lifecycle.core.data.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.mlhighway.lifecycle.gate.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;

class MetricAnomalyDetectorTest {

    private static final Instant DAY = Instant.parse("2026-01-01T00:00:00Z");

    private static MetricAnomalyDetector warmed(double... history) {
        MetricAnomalyDetector detector = MetricAnomalyDetector.builder("rows").warmUp(history.length).build();
        for (double value : history) {
            detector.observe(value, DAY);
        }
        return detector;
    }

    @Test
    void theFirstObservationsWarmUpTheBaselineAndDecideNothing() {
        MetricAnomalyDetector detector = MetricAnomalyDetector.builder("rows").warmUp(3).build();

        AnomalyResult first = detector.observe(1000, DAY);

        assertThat(first.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(first.findings()).singleElement().satisfies(f -> assertThat(f.message())
                .contains("warming up: 0 of 3"));
        assertThat(first.expectedLow()).isNull();
    }

    @Test
    void aValueInsideTheBandPassesAndReportsTheExpectedRange() {
        MetricAnomalyDetector detector = warmed(1000, 1010, 990, 1005, 995);

        AnomalyResult result = detector.observe(1003, DAY);

        assertThat(result.outcome()).isEqualTo(Outcome.PASS);
        assertThat(result.mean()).isCloseTo(1000, within(1e-9));
        assertThat(result.stdDev()).isCloseTo(Math.sqrt(62.5), within(1e-9));
        assertThat(result.expectedLow()).isCloseTo(1000 - 3 * Math.sqrt(62.5), within(1e-9));
        assertThat(result.expectedHigh()).isCloseTo(1000 + 3 * Math.sqrt(62.5), within(1e-9));
    }

    @Test
    void aDropBelowTheBandIsAnAnomalyAndDoesNotWidenTheBaseline() {
        MetricAnomalyDetector detector = warmed(1000, 1010, 990, 1005, 995);

        AnomalyResult drop = detector.observe(400, DAY);
        AnomalyResult next = detector.observe(1001, DAY);

        assertThat(drop.isAnomaly()).isTrue();
        assertThat(drop.toVerdict().outcome()).isEqualTo(Outcome.FAIL);
        assertThat(drop.findings().get(0).message()).contains("rows = 400.0").contains("expected within mean 1000");
        assertThat(next.observations()).isEqualTo(5);
        assertThat(next.outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void aRateOfChangeBoundCatchesAJumpTheBandWouldAllow() {
        MetricAnomalyDetector detector = MetricAnomalyDetector.builder("null_rate").warmUp(4).maxAbsoluteChange(0.02)
                .build();
        for (double rate : new double[] {0.01, 0.10, 0.02, 0.09}) {
            detector.observe(rate, DAY);
        }

        AnomalyResult jump = detector.observe(0.03, DAY);

        assertThat(jump.isAnomaly()).isTrue();
        assertThat(jump.findings()).filteredOn(f -> f.check().equals("null_rate.change")).singleElement()
                .satisfies(f -> {
                    assertThat(f.observed()).isCloseTo(0.06, within(1e-12));
                    assertThat(f.threshold()).isEqualTo(0.02);
                });
        assertThat(jump.expectedHigh()).isCloseTo(0.11, within(1e-12));
        assertThat(jump.expectedLow()).isCloseTo(0.07, within(1e-12));
    }

    @Test
    void aNanOrInfiniteValueFailsWithAReasonAndStaysOutOfTheBaseline() {
        MetricAnomalyDetector detector = warmed(1, 2, 3);

        AnomalyResult nan = detector.observe(Double.NaN, DAY);

        assertThat(nan.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(nan.findings().get(0).message()).contains("not a finite number");
        assertThat(detector.state().count()).isEqualTo(3);
        assertThat(detector.observe(Double.POSITIVE_INFINITY, DAY).outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void aRestoredDetectorContinuesFromTheSavedBaseline() {
        MetricAnomalyDetector original = warmed(10, 12, 11, 13);
        MetricAnomalyDetector restored = MetricAnomalyDetector.builder("rows").warmUp(4).build();
        restored.restore(original.state());

        assertThat(restored.observe(11.5, DAY)).usingRecursiveComparison()
                .isEqualTo(original.observe(11.5, DAY));
        assertThatThrownBy(() -> MetricAnomalyDetector.builder("other").build().restore(original.state()))
                .hasMessageContaining("'rows'");
    }

    @Property(tries = 200)
    void theBandIsTheMeanAndSampleStandardDeviationOfTheAcceptedValues(
            @ForAll @Size(min = 3, max = 60) List<@DoubleRange(min = -1e6, max = 1e6) Double> values) {
        MetricAnomalyDetector detector = MetricAnomalyDetector.builder("m").warmUp(2).sigmas(2).build();
        List<Double> accepted = new ArrayList<>();
        for (double value : values) {
            AnomalyResult result = detector.observe(value, DAY);
            if (accepted.size() >= 2) {
                SummaryStatistics naive = new SummaryStatistics();
                accepted.forEach(naive::addValue);
                double tolerance = 1e-6 * (1 + Math.abs(naive.getMean()) + naive.getStandardDeviation());
                assertThat(result.mean()).isCloseTo(naive.getMean(), within(tolerance));
                assertThat(result.stdDev()).isCloseTo(naive.getStandardDeviation(), within(tolerance));
                boolean inside = value >= naive.getMean() - 2 * naive.getStandardDeviation() - tolerance
                        && value <= naive.getMean() + 2 * naive.getStandardDeviation() + tolerance;
                boolean clearlyOutside = value < naive.getMean() - 2 * naive.getStandardDeviation() - tolerance
                        || value > naive.getMean() + 2 * naive.getStandardDeviation() + tolerance;
                if (clearlyOutside) {
                    assertThat(result.isAnomaly()).isTrue();
                } else if (inside && Math.abs(Math.abs(value - naive.getMean()) - 2 * naive.getStandardDeviation())
                        > tolerance) {
                    assertThat(result.isAnomaly()).isFalse();
                }
            }
            if (!result.isAnomaly()) {
                accepted.add(value);
            }
        }
    }
}
