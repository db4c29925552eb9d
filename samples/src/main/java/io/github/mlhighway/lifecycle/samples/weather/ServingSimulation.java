package io.github.mlhighway.lifecycle.samples.weather;

import io.github.mlhighway.lifecycle.core.data.drift.DriftOptions;
import io.github.mlhighway.lifecycle.core.data.drift.DriftReport;
import io.github.mlhighway.lifecycle.core.data.drift.DriftStatus;
import io.github.mlhighway.lifecycle.core.data.drift.DriftTest;
import io.github.mlhighway.lifecycle.core.data.profile.DatasetProfile;
import io.github.mlhighway.lifecycle.core.data.profile.ProfileOptions;
import io.github.mlhighway.lifecycle.core.incident.IncidentManager;
import io.github.mlhighway.lifecycle.core.report.ReportRecorder;
import io.github.mlhighway.lifecycle.core.serving.DriftEvent;
import io.github.mlhighway.lifecycle.core.serving.DriftSettings;
import io.github.mlhighway.lifecycle.core.serving.GuardedModel;
import io.github.mlhighway.lifecycle.core.slo.SloState;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.release.TrafficPlan;
import io.github.mlhighway.lifecycle.serving.LabelJudge;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Serves days of weather in simulated time through a {@link GuardedModel}: {@value #REQUESTS_PER_HOUR} requests an
 * hour from random users, each asking whether it rains tomorrow; the labels of a day's requests arrive at the next
 * midnight. The guarded model keeps availability, latency and accuracy SLOs per cohort and per version, and a drift
 * monitor compares each week of served observations with the training profile.
 *
 * <p>SLO states are handed from one simulation to the next through {@link #sloStates()} so that the story's stages
 * can each be re-run after a crash and continue the same budgets.
 */
final class ServingSimulation implements AutoCloseable {

    /** Requests per simulated hour. */
    static final int REQUESTS_PER_HOUR = 40;
    /** The served model's name (and the registry's). */
    static final String MODEL = "rain-tomorrow";
    /** A day's forecast is good when it is right (one forecast a day: a slice is right or wrong). */
    static final double ACCURACY_TARGET = 0.5;
    /** Share of days whose forecast must be right over the window. */
    static final double ACCURACY_OBJECTIVE = 0.65;
    /** The accuracy SLO window. */
    static final Duration ACCURACY_WINDOW = Duration.ofDays(28);
    /**
     * The observations the drift monitor watches. Temperatures and the weather category are left out: they follow
     * the seasons, and a week of January is far from a year-round reference in any city (measured on Seattle 2015),
     * so drift in them says nothing about the model's world having changed; the accuracy SLO watches what they do
     * to the forecasts.
     */
    static final List<String> MONITORED_COLUMNS = List.of("precipitation", "wind");
    /** Served observations are compared with the training profile once a week. */
    static final Duration DRIFT_WINDOW = Duration.ofDays(7);
    /**
     * Wasserstein distance over the reference standard deviation that counts as drift. Evidently's default, 0.1,
     * is meant for two samples of the same season: a week of winter differs from a year-round reference by more than
     * that in any city, so the sample watches for shifts larger than the seasons' (measured on Seattle 2015).
     */
    static final double WASSERSTEIN_THRESHOLD = 0.9;
    /** Jensen–Shannon distance of the weather category that counts as drift (see the Wasserstein note). */
    static final double JENSEN_SHANNON_THRESHOLD = 0.2;

    /**
     * Profiles with a KLL sketch large enough to keep every value of a week of requests (6,720) or of the training
     * years: no compaction, so drift numbers are exact and the same on every run (the default k = 400 compacts at
     * random, which moves effect sizes in the third decimal and would make a resumed story differ).
     */
    static final ProfileOptions EXACT_PROFILES = ProfileOptions.builder().kllK(8_192).build();

    private final TestClock clock;
    private final GuardedModel<WeatherDay, Double> service;
    private final ReportRecorder recorder;
    private final IncidentManager incidents;
    private final SplittableRandom users;
    private final List<String> pendingLabels = new ArrayList<>();
    private final List<DriftReport> driftReports = new ArrayList<>();
    private LocalDate pendingDay;
    private long labelledDays;
    private int windowsWithoutDrift;
    private int windowsWithDrift;

    ServingSimulation(TestClock clock, Map<String, RainModel> versions, TrafficPlan plan, DatasetProfile reference,
                      ReportRecorder recorder, IncidentManager incidents, Map<String, SloState> restore,
                      Consumer<DriftEvent> onDrift, long seed) {
        this.clock = clock;
        this.recorder = recorder;
        this.incidents = incidents;
        this.users = new SplittableRandom(seed);
        DriftOptions driftOptions = DriftOptions.builder()
                .smallReferenceRows(0)          // the distance tests for every reference: a week has 7 distinct days
                .threshold(DriftTest.WASSERSTEIN, WASSERSTEIN_THRESHOLD)
                .threshold(DriftTest.JENSEN_SHANNON, JENSEN_SHANNON_THRESHOLD)
                .build();
        DriftSettings<WeatherDay, Double> drift = new DriftSettings<WeatherDay, Double>(reference, DRIFT_WINDOW,
                REQUESTS_PER_HOUR * 24L * 7, ServingSimulation::monitored, null, EXACT_PROFILES, driftOptions);
        var builder = GuardedModel.<WeatherDay, Double>builder(MODEL)
                .clock(clock)
                .labels((LabelJudge<Double, Integer>) (p, rained) -> (p >= 0.5 ? 1 : 0) == rained,
                        REQUESTS_PER_HOUR * 24L * 3, Duration.ofDays(2))
                .accuracySlo(ACCURACY_TARGET, Duration.ofDays(1), ACCURACY_OBJECTIVE, ACCURACY_WINDOW)
                .driftMonitor(drift)
                .onDrift(event -> {
                    driftReports.add(event.report());
                    count(event.report().status());
                    onDrift.accept(event);
                })
                .fallback(day -> 0.5);
        versions.forEach(builder::version);
        if (plan != null) {
            builder.trafficPlan(plan);
        }
        this.service = builder.build();
        for (SloTracker tracker : service.slos().trackers()) {
            SloState state = restore.get(tracker.slo().name());
            if (state != null) {
                tracker.restore(state);
            }
        }
        clock.beforeAdvance(time -> service.tick()).onAdvance(time -> service.tick());
    }

    private static Map<String, Object> monitored(WeatherDay day) {
        Map<String, Object> row = new LinkedHashMap<>(day.observations());
        row.keySet().retainAll(MONITORED_COLUMNS);
        return row;
    }

    /** @return the guarded model */
    GuardedModel<WeatherDay, Double> service() {
        return service;
    }

    /**
     * Serves one day: first the labels of the previous day's requests arrive (did it rain today?), then a day of
     * requests; at the end of the day the SLOs are recorded for the report and shown to the incident manager.
     *
     * @param day the day's observations; the clock must be at that day's midnight
     */
    void serve(WeatherDay day) {
        if (!clock.instant().equals(day.date().atStartOfDay().toInstant(ZoneOffset.UTC))) {
            throw new IllegalStateException("The clock is at " + clock.instant() + ", not at the start of " + day.date());
        }
        deliverLabels(day);
        for (int hour = 0; hour < 24; hour++) {
            for (int i = 0; i < REQUESTS_PER_HOUR; i++) {
                String requestId = day.date() + "-" + hour + "-" + i;
                service.predict(requestId, "user-" + users.nextInt(100_000), day);
                pendingLabels.add(requestId);
            }
            clock.advance(Duration.ofHours(1));
        }
        pendingDay = day.date();
        recorder.recordSlos(versionTrackers());
    }

    /**
     * The labels of the last served day arrive (at the clock's current midnight), so nothing is pending when this
     * simulation is closed and the next one starts.
     *
     * @param nextDay the day after the last served one (its precipitation is the label)
     */
    void finish(WeatherDay nextDay) {
        deliverLabels(nextDay);
        service.tick();
        recorder.recordSlos(versionTrackers());
    }

    private void deliverLabels(WeatherDay today) {
        if (pendingDay != null) {
            if (!today.date().equals(pendingDay.plusDays(1))) {
                throw new IllegalStateException("Labels of " + pendingDay + " need the weather of the next day, not "
                        + today.date());
            }
            Integer rained = today.precipitation() > 0 ? 1 : 0;
            for (String requestId : pendingLabels) {
                service.label(requestId, rained);
            }
            labelledDays++;
        }
        pendingLabels.clear();
        pendingDay = null;
    }

    /** @return the drift windows in a row, up to the latest, that did not drift (0 when the latest drifted) */
    int windowsWithoutDrift() {
        return windowsWithoutDrift;
    }

    /** Counts drifting and calm windows in a row; a window that could not be tested leaves both as they are. */
    private void count(DriftStatus status) {
        switch (status) {
            case DRIFTED -> {
                windowsWithDrift++;
                windowsWithoutDrift = 0;
            }
            case NO_DRIFT -> {
                windowsWithoutDrift++;
                windowsWithDrift = 0;
            }
            case INCONCLUSIVE -> {
            }
        }
    }

    /** @return the drift windows in a row, up to the latest, that drifted (0 when the latest did not) */
    int windowsWithDrift() {
        return windowsWithDrift;
    }

    /** @return the days whose labels have arrived in this simulation */
    long labelledDays() {
        return labelledDays;
    }

    /**
     * @return the per-version trackers, which the report shows (the cohort trackers say the same for one version and
     *         split it by canary cohort during a release)
     */
    List<SloTracker> versionTrackers() {
        return trackers().stream().filter(t -> t.slo().name().contains(".version.")).toList();
    }

    /** @return the cohort and version trackers of the guarded model */
    List<SloTracker> trackers() {
        return service.slos().trackers();
    }

    /**
     * @param version a served version
     * @return the version's accuracy SLO tracker (share of days whose forecast was right)
     */
    SloTracker accuracy(String version) {
        return service.slos().tracker(service.versionSloName(version, "accuracy"));
    }

    /** @return the latest drift report, if a window was tested */
    Optional<DriftReport> latestDrift() {
        return driftReports.isEmpty() ? Optional.empty() : Optional.of(driftReports.get(driftReports.size() - 1));
    }

    /** @return every tracker's state, by SLO name, to continue in the next simulation */
    Map<String, SloState> sloStates() {
        Map<String, SloState> states = new LinkedHashMap<>();
        for (SloTracker tracker : trackers()) {
            states.put(tracker.slo().name(), tracker.snapshot());
        }
        return states;
    }

    @Override
    public void close() {
        service.close();
    }
}
