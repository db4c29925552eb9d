package io.github.mlhighway.lifecycle.cli.report;

import io.github.mlhighway.lifecycle.core.data.drift.ColumnDrift;
import io.github.mlhighway.lifecycle.core.data.drift.Correction;
import io.github.mlhighway.lifecycle.core.data.drift.DriftReport;
import io.github.mlhighway.lifecycle.core.data.drift.DriftStatus;
import io.github.mlhighway.lifecycle.core.incident.IncidentManager;
import io.github.mlhighway.lifecycle.core.registry.ModelRegistries;
import io.github.mlhighway.lifecycle.core.release.ReleaseConfig;
import io.github.mlhighway.lifecycle.core.release.ReleaseController;
import io.github.mlhighway.lifecycle.core.report.ReportRecorder;
import io.github.mlhighway.lifecycle.core.serving.GuardedModel;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.evaluation.ConfidenceInterval;
import io.github.mlhighway.lifecycle.evaluation.Evaluation;
import io.github.mlhighway.lifecycle.evaluation.EvaluationSettings;
import io.github.mlhighway.lifecycle.evaluation.MetricSet;
import io.github.mlhighway.lifecycle.evaluation.MetricValue;
import io.github.mlhighway.lifecycle.evaluation.Task;
import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.gate.Verdict;
import io.github.mlhighway.lifecycle.incident.IncidentEvidence;
import io.github.mlhighway.lifecycle.registry.AliasMoveRequest;
import io.github.mlhighway.lifecycle.registry.ModelRegistry;
import io.github.mlhighway.lifecycle.registry.ModelVersion;
import io.github.mlhighway.lifecycle.registry.NewModelVersion;
import io.github.mlhighway.lifecycle.release.ReleaseEventType;
import io.github.mlhighway.lifecycle.slo.AlertPolicy;
import io.github.mlhighway.lifecycle.slo.Operator;
import io.github.mlhighway.lifecycle.slo.Slo;
import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A store with a day's story in simulated time: two SLOs recorded hourly while their budgets burn, two drift
 * reports, champion and challenger evaluated on two datasets, a canary rolled back with its incident, and a
 * registry with a champion alias.
 */
final class ReportFixture {

    static final String RELEASE = "rain-v3-canary";
    static final String HOSTILE_EVENT = "<script>alert('x')</script> & \"quotes\"";

    final TestClock clock = TestClock.create();
    final Path directory;

    private ReportFixture(Path directory) {
        this.directory = directory;
    }

    static ReportFixture populate(Path directory) {
        ReportFixture fixture = new ReportFixture(directory);
        fixture.run();
        return fixture;
    }

    private void run() {
        Store store = Stores.directory(directory, clock);
        ReportRecorder recorder = ReportRecorder.create(store, clock);
        SplittableRandom random = new SplittableRandom(7);
        SloTracker availability = SloTracker.create(Slo.ratio("forecast.availability").objective(0.99)
                .rollingWindow(Duration.ofDays(7)).alerting(AlertPolicy.sreWorkbook(Duration.ofDays(7))).build(),
                clock);
        SloTracker latency = SloTracker.create(Slo.threshold("forecast.latency", Operator.LTE, 300).objective(0.95)
                .rollingWindow(Duration.ofDays(7)).alerting(AlertPolicy.none()).build(), clock);
        clock.beforeAdvance(t -> {
            availability.tick();
            latency.tick();
        }).onAdvance(t -> {
            availability.tick();
            latency.tick();
        });

        recorder.recordEvent("traffic", "serving Seattle traffic");
        recorder.recordEvaluation("champion", "rain@2", "seattle-holdout", evaluation(0.81, 0.79));
        recorder.recordEvaluation("challenger", "rain@3", "seattle-holdout", evaluation(0.84, 0.80));
        for (int hour = 0; hour < 12; hour++) {
            double errorRate = hour >= 6 && hour < 9 ? 0.08 : 0.002;
            for (int tenMinutes = 0; tenMinutes < 6; tenMinutes++) {
                for (int request = 0; request < 200; request++) {
                    availability.record(random.nextDouble() >= errorRate);
                    latency.recordValue(hour >= 6 ? 250 + random.nextDouble() * 100
                            : 120 + random.nextDouble() * 100);
                }
                if (tenMinutes < 5) {
                    clock.advance(Duration.ofMinutes(10));
                }
            }
            if (hour == 3) {
                recorder.recordDrift("serving-traffic", drift(0.04, 0.03));
            }
            if (hour == 6) {
                recorder.recordEvent("traffic", "switched traffic to New York");
                recorder.recordEvent("note", HOSTILE_EVENT);
            }
            if (hour == 9) {
                recorder.recordDrift("serving-traffic", drift(0.31, 0.05));
                recorder.recordEvaluation("champion", "rain@2", "new-york-holdout", evaluation(0.71, 0.66));
                recorder.recordEvaluation("challenger", "rain@3", "new-york-holdout", evaluation(0.78, 0.74));
            }
            clock.advance(Duration.ofMinutes(10));
            recorder.recordSlos(List.of(availability, latency));
        }
        canaryRolledBackWithAnIncident(store, recorder);
        registry(store);
    }

    private void canaryRolledBackWithAnIncident(Store store, ReportRecorder recorder) {
        SplittableRandom random = new SplittableRandom(11);
        GuardedModel<double[], Double> service = GuardedModel.<double[], Double>builder("rain")
                .version("rain@2", failing(0.01, random))
                .version("rain@3", failing(0.03, random))
                .clock(clock)
                .fallback(features -> 0.5)
                .build();
        clock.beforeAdvance(time -> service.tick()).onAdvance(time -> service.tick());
        IncidentManager incidents = IncidentManager.builder(store, clock).build();
        ReleaseController canary = ReleaseController.builder(
                        ReleaseConfig.canary(RELEASE, "rain@2", "rain@3").steps(5, 25, 50, 100)
                                .interval(Duration.ofMinutes(5)).build(),
                        store, service, clock)
                .listener(event -> {
                    if (event.type() == ReleaseEventType.ROLLED_BACK) {
                        incidents.record(IncidentEvidence.rollback(RELEASE, event.candidateVersion(),
                                event.baselineVersion(), event.message(), Map.of()).forKey("rain"));
                    }
                })
                .open();
        service.trafficPlan(canary.plan());
        recorder.recordEvent("release", "canary of rain@3 started");
        for (int minute = 0; minute < 60 && !canary.state().phase().isTerminal(); minute++) {
            for (int request = 0; request < 600; request++) {
                service.predict("req-" + minute + "-" + request, "user-" + random.nextInt(5_000), new double[] {1});
            }
            clock.advance(Duration.ofMinutes(1));
            canary.tick();
        }
        clock.advance(Duration.ofHours(2));
        incidents.all().forEach(incident -> incidents.close(incident.id(), "rolled back; candidate fixed"));
    }

    private void registry(Store store) {
        ModelRegistry registry = ModelRegistries.directory(directory, clock);
        registry.register(NewModelVersion.of("rain").metric("auc", 0.78).build());
        ModelVersion champion = registry.register(NewModelVersion.of("rain").metric("auc", 0.81).build());
        registry.register(NewModelVersion.of("rain").metric("auc", 0.84).build());
        registry.moveAlias(AliasMoveRequest.of("rain", "champion", champion.version())
                .withVerdict(new Verdict("model.gate", Outcome.PASS, List.of(), clock.instant())));
    }

    private static Function<double[], Double> failing(double errorRate, SplittableRandom random) {
        return features -> {
            if (random.nextDouble() < errorRate) {
                throw new IllegalStateException("inference failed");
            }
            return 0.3;
        };
    }

    static DriftReport drift(double temperatureEffect, double humidityEffect) {
        boolean drifted = temperatureEffect > 0.1;
        return new DriftReport(List.of(
                new ColumnDrift("temperature", "wasserstein", temperatureEffect, null, temperatureEffect,
                        "wasserstein_over_std", 0.1, 0.05, "ks", drifted ? 1e-6 : 0.4, drifted ? 2e-6 : 0.8, false,
                        drifted ? DriftStatus.DRIFTED : DriftStatus.NO_DRIFT, "temperature"),
                new ColumnDrift("humidity", "wasserstein", humidityEffect, null, humidityEffect,
                        "wasserstein_over_std", 0.1, 0.05, "ks", 0.5, 1.0, false, DriftStatus.NO_DRIFT, "humidity"),
                new ColumnDrift("station", null, null, null, null, null, null, null, null, null, null, false,
                        DriftStatus.INCONCLUSIVE, "no rows")),
                2, drifted ? 1 : 0, drifted ? 0.5 : 0.0, 0.5, Correction.BONFERRONI, 0.05,
                drifted ? DriftStatus.DRIFTED : DriftStatus.NO_DRIFT, drifted ? "half the columns drifted"
                        : "no drift");
    }

    static Evaluation evaluation(double auc, double accuracy) {
        return new Evaluation(Task.BINARY_CLASSIFICATION, new MetricSet(2000, Map.of(
                "auc", new MetricValue(auc, new ConfidenceInterval(auc - 0.02, auc + 0.015, 0.95, 500), 2000, 0, ""),
                "accuracy", new MetricValue(accuracy, new ConfidenceInterval(accuracy - 0.03, accuracy + 0.03, 0.95,
                        500), 2000, 0, "")), Map.of()), Map.of(), new EvaluationSettings(0.5, 500, 0.95, 1L, false));
    }
}
