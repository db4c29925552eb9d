package io.github.mlhighway.lifecycle.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.core.data.drift.ColumnDrift;
import io.github.mlhighway.lifecycle.core.data.drift.Correction;
import io.github.mlhighway.lifecycle.core.data.drift.DriftReport;
import io.github.mlhighway.lifecycle.core.data.drift.DriftStatus;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.evaluation.ConfidenceInterval;
import io.github.mlhighway.lifecycle.evaluation.Evaluation;
import io.github.mlhighway.lifecycle.evaluation.EvaluationSettings;
import io.github.mlhighway.lifecycle.evaluation.MetricSet;
import io.github.mlhighway.lifecycle.evaluation.MetricValue;
import io.github.mlhighway.lifecycle.evaluation.Task;
import io.github.mlhighway.lifecycle.slo.AlertPolicy;
import io.github.mlhighway.lifecycle.slo.AlertStatus;
import io.github.mlhighway.lifecycle.slo.Severity;
import io.github.mlhighway.lifecycle.slo.Slo;
import io.github.mlhighway.lifecycle.store.Store;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportRecorderTest {

    private final SimClock clock = SimClock.atDefault();
    private final Store store = Stores.inMemory(clock);
    private final ReportRecorder recorder = ReportRecorder.create(store, clock);

    private SloTracker availability() {
        return SloTracker.create(Slo.ratio("forecast.availability").objective(0.99)
                .rollingWindow(Duration.ofDays(30)).alerting(AlertPolicy.sreWorkbook(Duration.ofDays(30))).build(),
                clock);
    }

    static DriftReport driftReport(double effect) {
        ColumnDrift temperature = new ColumnDrift("temperature", "wasserstein", effect, null, effect,
                "wasserstein_over_std", 0.1, 0.05, "ks", 0.001, 0.002, false,
                effect > 0.1 ? DriftStatus.DRIFTED : DriftStatus.NO_DRIFT, "temperature moved");
        ColumnDrift humidity = new ColumnDrift("humidity", "ks", 0.02, 0.8, 0.02, "ks_d", 0.1, 0.05, "ks", 0.8, 1.0,
                false, DriftStatus.NO_DRIFT, "humidity is stable");
        return new DriftReport(List.of(temperature, humidity), 2, effect > 0.1 ? 1 : 0, effect > 0.1 ? 0.5 : 0.0,
                0.5, Correction.BONFERRONI, 0.05, effect > 0.1 ? DriftStatus.DRIFTED : DriftStatus.NO_DRIFT,
                "dataset drift decided");
    }

    static Evaluation evaluation(double auc) {
        MetricValue withInterval = new MetricValue(auc, new ConfidenceInterval(auc - 0.02, auc + 0.02, 0.95, 200),
                1000, 0, "");
        MetricValue withoutInterval = new MetricValue(0.8, null, 1000, 0, "too few rows for an interval");
        return new Evaluation(Task.BINARY_CLASSIFICATION,
                new MetricSet(1000, Map.of("auc", withInterval, "accuracy", withoutInterval), Map.of()), Map.of(),
                new EvaluationSettings(0.5, 200, 0.95, 42L, false));
    }

    @Test
    void anSloPointRoundTripsWithBudgetBurnRatesPerAlertWindowAndFiringAlerts() {
        SloTracker tracker = availability();
        tracker.record(900, 1000);
        clock.advance(Duration.ofMinutes(10));

        recorder.recordSlos(List.of(tracker));

        SloSeries series = ReportData.read(store).slos().get(0);
        SloPoint point = series.points().get(0);
        assertThat(series.slo()).isEqualTo("forecast.availability");
        assertThat(point.at()).isEqualTo(clock.instant());
        assertThat(point.objective()).isEqualTo(0.99);
        assertThat(point.sli()).isCloseTo(0.9, within(1e-9));
        assertThat(point.budgetConsumed()).isCloseTo(10.0, within(1e-6));
        assertThat(point.budgetRemaining()).isCloseTo(-9.0, within(1e-6));
        assertThat(point.burnRates()).extracting(BurnRatePoint::window).containsExactly(Duration.ofMinutes(5),
                Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(6), Duration.ofDays(3));
        assertThat(point.burnRates()).filteredOn(b -> b.window().equals(Duration.ofHours(1)))
                .singleElement().satisfies(b -> assertThat(b.burnRate()).isCloseTo(10.0, within(1e-6)));
        assertThat(point.alerts()).extracting(AlertPoint::id).contains("page-6h");
        assertThat(point.alerts()).allSatisfy(a -> assertThat(a.status()).isEqualTo(AlertStatus.FIRING));
        assertThat(point.alerts()).extracting(AlertPoint::severity).contains(Severity.PAGE);
        assertThat(point.notes()).isEmpty();
    }

    @Test
    void driftEvaluationsAndEventsRoundTripWithEveryNumber() {
        recorder.recordDrift("serving-traffic", driftReport(0.3));
        recorder.recordEvaluation("champion", "rain@1", "new-york-holdout", evaluation(0.81));
        recorder.recordEvent("traffic", "switched traffic to New York");

        ReportData data = ReportData.read(store);

        DriftPoint drift = data.drift().get(0).latest().orElseThrow();
        assertThat(drift.subject()).isEqualTo("serving-traffic");
        assertThat(drift.status()).isEqualTo(DriftStatus.DRIFTED);
        assertThat(drift.columns()).extracting(ColumnDriftPoint::column).containsExactly("temperature", "humidity");
        ColumnDriftPoint temperature = drift.columns().get(0);
        assertThat(temperature.effect()).isEqualTo(0.3);
        assertThat(temperature.threshold()).isEqualTo(0.1);
        assertThat(temperature.pValue()).isEqualTo(0.001);
        assertThat(temperature.drifted()).isTrue();
        EvaluationPoint evaluation = data.evaluations().get(0);
        assertThat(evaluation.modelVersion()).isEqualTo("rain@1");
        assertThat(evaluation.dataset()).isEqualTo("new-york-holdout");
        assertThat(evaluation.metrics()).extracting(MetricEstimate::name).containsExactly("accuracy", "auc");
        assertThat(evaluation.metrics().get(1)).isEqualTo(
                new MetricEstimate("auc", 0.81, 0.81 - 0.02, 0.81 + 0.02, 0.95, 1000, ""));
        assertThat(evaluation.metrics().get(0).hasInterval()).isFalse();
        assertThat(evaluation.metrics().get(0).note()).isEqualTo("too few rows for an interval");
        assertThat(data.events()).containsExactly(
                new EventPoint(clock.instant(), "traffic", "switched traffic to New York"));
    }

    @Test
    void aDriftedShareThatIsNotFiniteIsRecordedAsNullWithANoteRatherThanAsZero() {
        DriftReport finite = driftReport(0.3);
        DriftReport nan = new DriftReport(finite.columns(), 0, 0, Double.NaN, 0.5, Correction.BONFERRONI, 0.05,
                DriftStatus.INCONCLUSIVE, "no column could be tested");

        recorder.recordDrift("serving-traffic", nan);

        DriftPoint drift = ReportData.read(store).drift().get(0).latest().orElseThrow();
        assertThat(drift.driftedShare()).isNull();
        assertThat(drift.driftShare()).isEqualTo(0.5);
        assertThat(drift.notes()).containsExactly("driftedShare was NaN and is recorded as null");
    }

    @Test
    void aFiniteDriftPointHasItsSharesAndNoNotes() {
        recorder.recordDrift("serving-traffic", driftReport(0.3));

        DriftPoint drift = ReportData.read(store).drift().get(0).latest().orElseThrow();
        assertThat(drift.driftedShare()).isEqualTo(0.5);
        assertThat(drift.driftShare()).isEqualTo(0.5);
        assertThat(drift.notes()).isEmpty();
    }

    @Test
    void recordingAgainAtTheSameInstantReplacesThePointInsteadOfAddingOne() {
        recorder.recordDrift("serving-traffic", driftReport(0.3));
        recorder.recordDrift("serving-traffic", driftReport(0.05));
        recorder.recordEvaluation("champion", "rain@1", "holdout", evaluation(0.7));
        recorder.recordEvaluation("champion", "rain@1", "holdout", evaluation(0.75));
        SloTracker tracker = availability();
        recorder.recordSlos(List.of(tracker));
        tracker.record(false);
        recorder.recordSlos(List.of(tracker));
        recorder.recordEvent("traffic", "switched");
        recorder.recordEvent("traffic", "switched");

        ReportData data = ReportData.read(store);

        assertThat(data.drift().get(0).points()).singleElement()
                .satisfies(p -> assertThat(p.status()).isEqualTo(DriftStatus.NO_DRIFT));
        assertThat(data.evaluations()).singleElement()
                .satisfies(e -> assertThat(e.metrics().get(1).value()).isEqualTo(0.75));
        assertThat(data.slos().get(0).points()).singleElement()
                .satisfies(p -> assertThat(p.eligible()).isEqualTo(1));
        assertThat(data.events()).hasSize(1);
    }

    @Test
    void differentEventsAtTheSameInstantAreAllKept() {
        recorder.recordEvent("traffic", "switched traffic to New York");
        recorder.recordEvent("release", "canary started");

        assertThat(ReportData.read(store).events()).extracting(EventPoint::message)
                .containsExactlyInAnyOrder("switched traffic to New York", "canary started");
    }

    @Test
    void aResumedRunReplayingADayOverTheSameStoreAddsNoPoints(@TempDir Path dir) {
        Store durable = Stores.directory(dir);
        SloTracker tracker = availability();
        for (int hour = 0; hour < 24; hour++) {
            ReportRecorder.create(durable, clock).recordSlos(List.of(tracker));
            clock.advance(Duration.ofHours(1));
        }
        SimClock replay = SimClock.atDefault(); // the resumed run starts the day again (clocks only move forward)
        for (int hour = 0; hour < 24; hour++) {
            ReportRecorder.create(durable, replay).recordSlos(List.of(tracker));
            replay.advance(Duration.ofHours(1));
        }

        assertThat(ReportData.read(durable).slos().get(0).points()).hasSize(24);
    }

    @Test
    void aSeriesIsStoredAsOneDocumentPerUtcDay() {
        SloTracker tracker = availability();
        for (int hour = 0; hour < 24 * 3; hour++) {
            tracker.record(true);
            recorder.recordSlos(List.of(tracker));
            clock.advance(Duration.ofHours(1));
        }
        recorder.recordEvent("traffic", "day four");

        List<String> keys = store.keys(ReportRecorder.COLLECTION);

        assertThat(keys).hasSize(4);
        assertThat(keys).filteredOn(k -> k.startsWith("slo_")).hasSize(3)
                .allSatisfy(k -> assertThat(k).startsWith("slo_forecast.availability_"))
                .anySatisfy(k -> assertThat(k).endsWith("_2026-01-03"));
        assertThat(ReportData.read(store).slos().get(0).points()).hasSize(72)
                .isSortedAccordingTo((a, b) -> a.at().compareTo(b.at()));
    }

    @Test
    void seriesWhoseNamesWouldCollideInAKeyStayApart() {
        recorder.recordEvaluation("a_b", "m@1", "c", evaluation(0.7));
        recorder.recordEvaluation("a", "m@2", "b_c", evaluation(0.8));

        assertThat(ReportData.read(store).evaluations()).extracting(EvaluationPoint::modelVersion)
                .containsExactlyInAnyOrder("m@1", "m@2");
    }

    @Test
    void namesThatCouldLeaveTheCollectionAreRefused() {
        assertThatThrownBy(() -> recorder.recordDrift("../etc", driftReport(0.1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("drift subject '../etc'");
        assertThatThrownBy(() -> recorder.recordEvaluation("champion", "rain@1", "a/b", evaluation(0.7)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dataset name 'a/b'");
        assertThatThrownBy(() -> recorder.recordEvaluation("cham..pion", "rain@1", "ny", evaluation(0.7)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("evaluation label");
        assertThatThrownBy(() -> recorder.recordEvent("a\\b", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("event kind");
        assertThatThrownBy(() -> recorder.recordEvaluation("champion", " ", "ny", evaluation(0.7)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("modelVersion");
        assertThat(store.keys(ReportRecorder.COLLECTION)).isEmpty();
    }

    @Test
    void noStoredDocumentContainsNaNOrInfinity() {
        SloTracker idle = availability();
        recorder.recordSlos(List.of(idle));
        recorder.recordDrift("serving-traffic", new DriftReport(List.of(new ColumnDrift("empty", null, null, null,
                null, null, null, null, null, null, null, false, DriftStatus.INCONCLUSIVE, "no rows")), 0, 0, 0.0, 0.5,
                Correction.NONE, 0.05, DriftStatus.INCONCLUSIVE, "nothing tested"));

        for (String key : store.keys(ReportRecorder.COLLECTION)) {
            assertThat(store.read(ReportRecorder.COLLECTION, key).orElseThrow().json())
                    .doesNotContain("NaN").doesNotContain("Infinity");
        }
        assertThat(ReportData.read(store).drift().get(0).latest().orElseThrow().columns().get(0).effect()).isNull();
    }

    @Test
    void twoTrackersOfOneSloInOneRecordingAreRefused() {
        assertThatThrownBy(() -> recorder.recordSlos(List.of(availability(), availability())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("forecast.availability");
    }

    @Test
    void concurrentRecordersOfOneStoreLoseNoEvent() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<ReportRecorder> recorders = List.of(ReportRecorder.create(store, clock),
                ReportRecorder.create(store, clock));
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int n = i;
            futures.add(pool.submit(() -> recorders.get(n % 2).recordEvent("load", "event " + n)));
        }
        for (var future : futures) {
            future.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(ReportData.read(store).events()).hasSize(200);
    }

    @Test
    void anEmptyStoreReadsAsEmptyData() {
        assertThat(ReportData.read(store).isEmpty()).isTrue();
        assertThat(ReportData.read(store)).isEqualTo(ReportData.empty());
    }
}
