package io.github.mlhighway.lifecycle.core.report;

import io.github.mlhighway.lifecycle.core.data.drift.ColumnDrift;
import io.github.mlhighway.lifecycle.core.data.drift.DriftReport;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.core.store.StoreNames;
import io.github.mlhighway.lifecycle.evaluation.ConfidenceInterval;
import io.github.mlhighway.lifecycle.evaluation.Evaluation;
import io.github.mlhighway.lifecycle.evaluation.MetricValue;
import io.github.mlhighway.lifecycle.slo.AlertState;
import io.github.mlhighway.lifecycle.slo.BurnRate;
import io.github.mlhighway.lifecycle.slo.BurnRateTier;
import io.github.mlhighway.lifecycle.slo.ErrorBudget;
import io.github.mlhighway.lifecycle.slo.Slo;
import io.github.mlhighway.lifecycle.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Records the time series the lifecycle report draws: SLO budgets and burn rates, drift reports, evaluations and
 * timeline events, in the {@value #COLLECTION} collection of a {@link Store}.
 *
 * <p>Every point is stamped with the injected clock's instant. Recording is idempotent by series and instant:
 * recording a series again at the same instant replaces the point, so a resumed run that replays a day does not
 * duplicate it (events are identified by instant, kind and message). Storage is one document per series per UTC
 * day, so a year of hourly points is 365 small documents rather than one growing one. Numbers that are not finite
 * are written as null with a note saying why. Names (SLO names, subjects, labels, datasets, event kinds) follow the
 * store's name rule ({@link StoreNames}). Thread-safe: every method is synchronized (recording is not a hot
 * path), and writes are compare-and-set on the document revision, so two processes recording into one store
 * merge rather than overwrite each other.
 *
 * <pre>{@code
 * ReportRecorder recorder = ReportRecorder.create(store, clock);
 * recorder.recordSlos(List.of(availability, accuracy));
 * recorder.recordDrift("serving-traffic", driftReport);
 * recorder.recordEvaluation("champion", "rain@1", "new-york-holdout", evaluation);
 * recorder.recordEvent("traffic", "switched traffic to New York");
 * ReportData data = ReportData.read(store);
 * }</pre>
 *
 * @since 0.1
 */
public final class ReportRecorder {

    /** The store collection of report series. */
    public static final String COLLECTION = "report";

    /** The burn-rate window recorded for every SLO besides its alert windows. */
    public static final Duration DEFAULT_BURN_RATE_WINDOW = Duration.ofHours(1);

    private final Store store;
    private final Clock clock;

    private ReportRecorder(Store store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Creates a recorder.
     *
     * @param store where the series go
     * @param clock what stamps every point
     * @return the recorder
     */
    public static ReportRecorder create(Store store, Clock clock) {
        return new ReportRecorder(store, clock);
    }

    /**
     * Records one point per tracker at the clock's instant: SLO name, objective, SLI, budget remaining and
     * consumed, the burn rate over each window of its alert policy (and 1h), and the alerting tiers.
     *
     * @param trackers the trackers; each SLO is its own series
     * @throws IllegalArgumentException if two trackers have the same SLO name
     */
    public synchronized void recordSlos(Collection<SloTracker> trackers) {
        Objects.requireNonNull(trackers, "trackers");
        Instant at = clock.instant();
        Map<String, SloPoint> points = new TreeMap<>();
        for (SloTracker tracker : trackers) {
            Objects.requireNonNull(tracker, "tracker");
            SloPoint point = sloPoint(tracker, at);
            if (points.put(point.slo(), point) != null) {
                throw new IllegalArgumentException("Two trackers for SLO '" + point.slo() + "' in one recording");
            }
        }
        for (SloPoint point : points.values()) {
            ReportChunks.upsert(store, COLLECTION, ReportChunks.SLO, point.slo(), at, point, ReportChunks::byInstant);
        }
    }

    /**
     * Records the drift report of a subject at the clock's instant: the drifted share and the share threshold
     * (null with a note when not finite), and per column the test, statistic, p-value, effect, threshold and
     * decision (null when not finite).
     *
     * @param subject what was compared with the reference, e.g. {@code serving-traffic}; a store name
     * @param report  the report
     * @throws IllegalArgumentException if the subject is not a valid store name
     */
    public synchronized void recordDrift(String subject, DriftReport report) {
        StoreNames.requireValid(subject, "drift subject");
        Objects.requireNonNull(report, "report");
        Instant at = clock.instant();
        List<ColumnDriftPoint> columns = new ArrayList<>();
        for (ColumnDrift column : report.columns()) {
            columns.add(new ColumnDriftPoint(column.column(), column.test(), finite(column.statistic()),
                    finite(column.significancePValue() != null ? column.significancePValue() : column.pValue()),
                    finite(column.effect()), column.effectMeasure(), finite(column.threshold()), column.drifted(),
                    column.status()));
        }
        List<String> notes = new ArrayList<>();
        DriftPoint point = new DriftPoint(at, subject, report.status(),
                finite(report.driftedShare(), "driftedShare", notes), finite(report.driftShare(), "driftShare", notes),
                report.message(), columns, notes);
        ReportChunks.upsert(store, COLLECTION, ReportChunks.DRIFT, subject, at, point, ReportChunks::byInstant);
    }

    /**
     * Records an evaluation of a model version on a dataset at the clock's instant: every overall metric with
     * its confidence interval. The series is the pair (label, dataset).
     *
     * @param label        the model's role, e.g. {@code champion}; a store name
     * @param modelVersion the version, e.g. {@code rain@1}; any non-blank text
     * @param dataset      the dataset, e.g. {@code new-york-holdout}; a store name
     * @param evaluation   the evaluation
     * @throws IllegalArgumentException if the label or dataset is not a valid store name or the version is blank
     */
    public synchronized void recordEvaluation(String label, String modelVersion, String dataset,
                                              Evaluation evaluation) {
        StoreNames.requireValid(label, "evaluation label");
        StoreNames.requireValid(dataset, "dataset name");
        Objects.requireNonNull(modelVersion, "modelVersion");
        if (modelVersion.isBlank()) {
            throw new IllegalArgumentException("modelVersion must not be blank");
        }
        Objects.requireNonNull(evaluation, "evaluation");
        Instant at = clock.instant();
        List<MetricEstimate> metrics = new ArrayList<>();
        for (Map.Entry<String, MetricValue> entry : new TreeMap<>(evaluation.overall().values()).entrySet()) {
            MetricValue value = entry.getValue();
            ConfidenceInterval ci = value.interval();
            metrics.add(new MetricEstimate(entry.getKey(), value.value(), ci == null ? null : ci.low(),
                    ci == null ? null : ci.high(), ci == null ? null : ci.level(), value.n(),
                    ci == null && value.note().isEmpty() ? "no confidence interval was computed" : value.note()));
        }
        EvaluationPoint point = new EvaluationPoint(at, label, modelVersion, dataset, evaluation.overall().rows(),
                metrics);
        ReportChunks.upsert(store, COLLECTION, ReportChunks.EVALUATION, label + "/" + dataset, at, point,
                ReportChunks::byInstant);
    }

    /**
     * Records a free-form mark on the timeline at the clock's instant. Recording the same kind and message at the
     * same instant again changes nothing.
     *
     * @param kind    a short category, e.g. {@code traffic}; a store name
     * @param message a sentence, e.g. {@code switched traffic to New York}
     * @throws IllegalArgumentException if the kind is not a valid store name or the message is blank
     */
    public synchronized void recordEvent(String kind, String message) {
        StoreNames.requireValid(kind, "event kind");
        Objects.requireNonNull(message, "message");
        if (message.isBlank()) {
            throw new IllegalArgumentException("An event message must not be blank");
        }
        Instant at = clock.instant();
        ReportChunks.upsert(store, COLLECTION, ReportChunks.EVENTS, ReportChunks.EVENTS, at,
                new EventPoint(at, kind, message), ReportChunks::byInstantKindMessage);
    }

    private static SloPoint sloPoint(SloTracker tracker, Instant at) {
        Slo slo = tracker.slo();
        List<String> notes = new ArrayList<>();
        ErrorBudget budget = tracker.budget();
        Double sli = finite(budget.sli(), "sli", notes);
        Double remaining = finite(budget.remainingFraction(), "budgetRemaining", notes);
        Double consumed = finite(budget.consumedFraction(), "budgetConsumed", notes);
        TreeSet<Duration> windows = new TreeSet<>();
        windows.add(DEFAULT_BURN_RATE_WINDOW);
        for (BurnRateTier tier : slo.alerting().tiers()) {
            windows.add(tier.longWindow());
            windows.add(tier.shortWindow());
        }
        List<BurnRatePoint> burnRates = new ArrayList<>();
        for (Duration window : windows) {
            BurnRate rate;
            try {
                rate = tracker.burnRate(window);
            } catch (IllegalArgumentException e) {
                notes.add("burn rate over " + window + " not recorded: " + e.getMessage());
                continue;
            }
            burnRates.add(new BurnRatePoint(window, rate.eligible(),
                    finite(rate.errorRatio(), "errorRatio over " + window, notes),
                    finite(rate.burnRate(), "burnRate over " + window, notes)));
        }
        List<AlertPoint> alerts = new ArrayList<>();
        for (AlertState alert : tracker.alerts()) {
            if (alert.isAlerting()) {
                alerts.add(new AlertPoint(alert.tier().id(), alert.severity(), alert.status(), alert.reason()));
            }
        }
        return new SloPoint(at, slo.name(), slo.objective(), sli, remaining, consumed, budget.eligible(), burnRates,
                alerts, notes);
    }

    private static @Nullable Double finite(double value, String what, List<String> notes) {
        if (Double.isFinite(value)) {
            return value;
        }
        notes.add(what + " was " + value + " and is recorded as null");
        return null;
    }

    private static @Nullable Double finite(@Nullable Double value) {
        return value != null && Double.isFinite(value) ? value : null;
    }
}
