package io.github.mlhighway.lifecycle.samples.weather;

import io.github.mlhighway.lifecycle.core.condition.Condition;
import io.github.mlhighway.lifecycle.core.condition.Conditions;
import io.github.mlhighway.lifecycle.core.data.drift.Drift;
import io.github.mlhighway.lifecycle.core.data.drift.DriftOptions;
import io.github.mlhighway.lifecycle.core.data.drift.DriftTest;
import io.github.mlhighway.lifecycle.core.data.profile.DatasetProfile;
import io.github.mlhighway.lifecycle.core.data.profile.MapProfiler;
import io.github.mlhighway.lifecycle.core.data.profile.ProfileOptions;
import io.github.mlhighway.lifecycle.core.incident.DriftEvidence;
import io.github.mlhighway.lifecycle.core.incident.IncidentPolicy;
import io.github.mlhighway.lifecycle.core.runtime.Lifecycle;
import io.github.mlhighway.lifecycle.core.serving.DriftEvent;
import io.github.mlhighway.lifecycle.core.serving.GuardedModel;
import io.github.mlhighway.lifecycle.core.serving.GuardedModelBuilder;
import io.github.mlhighway.lifecycle.core.slo.SloState;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.core.time.SimulatedClock;
import io.github.mlhighway.lifecycle.pipeline.StageContext;
import io.github.mlhighway.lifecycle.release.TrafficPlan;
import io.github.mlhighway.lifecycle.serving.LabelJudge;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The story's serving: one guarded model {@value #MODEL} made by the runtime ({@link Lifecycle#serving}), which
 * ticks its availability, latency and accuracy SLOs on the story's simulated clock, and the incident policy that
 * watches it. {@value #REQUESTS_PER_HOUR} requests an hour from random users ask whether it rains tomorrow; the
 * labels of a day's requests arrive at the next midnight.
 *
 * <p>Each serving stage {@linkplain #begin begins} from its checkpointed hand-off, so a stage re-run in a new process
 * continues the same budgets: the first stage of a process builds the model and restores the hand-off's SLO states;
 * in the process that ran the stage before, the live trackers are those states. What a stage measures on its own
 * (its drift windows, its users, its labelled days) starts afresh at the stage's first day in both cases.
 */
final class ServingSimulation implements AutoCloseable {

    /** Requests per simulated hour. */
    static final int REQUESTS_PER_HOUR = 40;
    /** The served model's name (and the registry's, and the incident key). */
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
    /** Served observations are compared with the reference once a week (weeks aligned on the epoch). */
    static final Duration DRIFT_WINDOW = Duration.ofDays(7);
    /** A window is tested only when the stage served all of it. */
    static final long DRIFT_WINDOW_ROWS = REQUESTS_PER_HOUR * 24L * 7;
    /**
     * Wasserstein distance over the reference standard deviation that counts as drift. Evidently's default, 0.1,
     * is meant for two samples of the same season: a week of winter differs from a year-round reference by more than
     * that in any city, so the sample watches for shifts larger than the seasons' (measured on Seattle 2015).
     */
    static final double WASSERSTEIN_THRESHOLD = 0.9;
    /** Jensen–Shannon distance of the weather category that counts as drift (see the Wasserstein note). */
    static final double JENSEN_SHANNON_THRESHOLD = 0.2;
    /** Drift opens an incident once the accuracy SLO has this share of its budget left or less. */
    static final double INCIDENT_BUDGET_LEFT = 0.5;
    /**
     * Sustained drift: an incident opens only after this many weekly windows in a row drifted (a stormy week is not
     * a new world) while the accuracy SLO burns, and closes after as many calm windows with the budget back.
     */
    static final int DRIFT_WINDOWS = 2;
    /**
     * Profiles with a KLL sketch large enough to keep every value of a week of requests (6,720) or of the training
     * years: no compaction, so drift numbers are exact and the same on every run.
     */
    static final ProfileOptions EXACT_PROFILES = ProfileOptions.builder().kllK(8_192).build();
    private static final DriftOptions DRIFT_OPTIONS = DriftOptions.builder()
            .smallReferenceRows(0)          // the distance tests for every reference: a week has 7 distinct days
            .threshold(DriftTest.WASSERSTEIN, WASSERSTEIN_THRESHOLD)
            .threshold(DriftTest.JENSEN_SHANNON, JENSEN_SHANNON_THRESHOLD)
            .build();

    private final Lifecycle lifecycle;
    private final SimulatedClock clock;
    private final Function<String, RainModel> loader;
    private final Map<String, RainModel> loaded = new LinkedHashMap<>();
    private GuardedModel<WeatherDay, Double> service;
    private volatile String watched;
    // What the running stage measures on its own:
    private String stage;
    private SplittableRandom users;
    private DatasetProfile reference;
    private MapProfiler window;
    private long windowRows;
    private Instant windowStart;
    private volatile DriftEvent latestDrift;
    private volatile long labelledDays;
    private final List<String> pendingLabels = new ArrayList<>();
    private LocalDate pendingDay;

    /**
     * @param lifecycle the story's runtime
     * @param clock     its simulated clock
     * @param loader    loads a registered version by reference (kept open until {@link #close()})
     */
    ServingSimulation(Lifecycle lifecycle, SimulatedClock clock, Function<String, RainModel> loader) {
        this.lifecycle = lifecycle;
        this.clock = clock;
        this.loader = loader;
    }

    /**
     * Begins a serving stage at its first day: builds the guarded model if this process has none yet (restoring the
     * hand-off's SLO states and installing the incident policy), points the traffic and the policy at the version
     * that serves, and starts the stage's own drift windows, users and label count.
     *
     * @param context   the running stage
     * @param handOff   where the previous stage stopped
     * @param reference the profile the served inputs are compared with (the serving version's training data)
     */
    void begin(StageContext context, StoryRecords.ServingHandOff handOff, DatasetProfile reference) {
        clock.advanceTo(StoryStages.midnight(handOff.nextDay()));
        if (service == null) {
            service = lifecycle.<WeatherDay, Double>serving(MODEL)
                    .version(handOff.champion(), model(handOff.champion()))
                    .labels((LabelJudge<Double, Integer>) (p, rained) -> (p >= 0.5 ? 1 : 0) == rained,
                            REQUESTS_PER_HOUR * 24L * 3, Duration.ofDays(2))
                    .accuracySlo(ACCURACY_TARGET, Duration.ofDays(1), ACCURACY_OBJECTIVE, ACCURACY_WINDOW)
                    .fallback(day -> 0.5)
                    .build();
            restore(handOff.slos());
            // Installed once the clock is at the stage's first midnight, so every process evaluates it at the same
            // hour of the story's days (01:00, after the labels of the day before have arrived).
            lifecycle.incidentPolicy(incidentPolicy(), Duration.ofDays(1));
        }
        this.watched = handOff.champion();
        this.stage = context.stageName();
        this.users = new SplittableRandom(context.stageName().hashCode());
        this.reference = reference;
        this.latestDrift = null;
        this.labelledDays = 0;
        startWindow();
    }

    /**
     * The declared incident rule (the story's old hand-written {@code openOrCloseIncident}): sustained drift while the
     * served version's accuracy SLO burns opens it; sustained calm with the budget back closes it. A drift window
     * counts once however many daily evaluations see it.
     *
     * <p>A stage re-run after a crash evaluates the policy again at instants the first attempt already evaluated,
     * against the streak the first attempt stored. It converges because both rules hold only with a drift window
     * (the {@code allOf} result carries the window as its observation): re-seeing the window last counted adds
     * nothing, and a clear or inconclusive result does what it did the first time. It would not converge if the
     * replayed part held two or more windows the first attempt had counted (the first would count again), or if a
     * rule could hold without a window; the story's kill points replay at most a day of a stage (no window), which
     * the kill tests check. The runtime fix is to skip evaluations at or before the stored state's evaluation time.
     */
    private IncidentPolicy incidentPolicy() {
        Condition burning = now -> Conditions.budgetRemainingBelow(accuracy(watched), INCIDENT_BUDGET_LEFT).check(now);
        Condition healthy = now -> Conditions.budgetRemainingAtLeast(accuracy(watched), INCIDENT_BUDGET_LEFT)
                .check(now);
        return IncidentPolicy.builder("rain-tomorrow-quality").key(MODEL)
                .openWhen(Conditions.allOf(Conditions.drifting("serving-inputs", () -> latestDrift), burning))
                .consecutive(DRIFT_WINDOWS)
                .closeWhen(Conditions.allOf(Conditions.notDrifting("serving-inputs", () -> latestDrift), healthy))
                .consecutive(DRIFT_WINDOWS)
                .build();
    }

    /** @return the guarded model */
    GuardedModel<WeatherDay, Double> service() {
        return service;
    }

    /**
     * Adds a registered version to the running model (a canary's candidate), restoring its SLO states if the
     * hand-off has them.
     *
     * @param ref   the version
     * @param slos  the hand-off's SLO states
     */
    void addVersion(String ref, Map<String, SloState> slos) {
        if (!service.versions().contains(ref)) {
            service.addVersion(ref, model(ref));
            restore(slos);
        }
    }

    /**
     * After a release ended: only the version that won serves (in the default cohort), the other one is removed, and
     * the incident policy watches the winner's accuracy.
     *
     * @param version the version that serves from now on
     */
    void serveOnly(String version) {
        service.trafficPlan(TrafficPlan.single(version, GuardedModelBuilder.DEFAULT_COHORT));
        for (String other : List.copyOf(service.versions())) {
            if (!other.equals(version)) {
                service.removeVersion(other);
            }
        }
        watched = version;
    }

    /**
     * Serves one day: first the labels of the previous day's requests arrive (did it rain today?), then a day of
     * requests, an hour at a time (every hour ticks the runtime); at the end of the day the served versions' SLOs
     * go into the report and a finished drift window is tested.
     *
     * @param day the day's observations; the clock must be at that day's midnight
     */
    void serve(WeatherDay day) {
        if (!clock.instant().equals(StoryStages.midnight(day.date()))) {
            throw new IllegalStateException("The clock is at " + clock.instant() + ", not at the start of " + day.date());
        }
        deliverLabels(day);
        Map<String, Object> monitored = new LinkedHashMap<>(day.observations());
        monitored.keySet().retainAll(MONITORED_COLUMNS);
        for (int hour = 0; hour < 24; hour++) {
            for (int i = 0; i < REQUESTS_PER_HOUR; i++) {
                String requestId = day.date() + "-" + hour + "-" + i;
                service.predict(requestId, "user-" + users.nextInt(100_000), day);
                pendingLabels.add(requestId);
                window.accept(monitored);
                windowRows++;
            }
            clock.advance(Duration.ofHours(1));
        }
        pendingDay = day.date();
        lifecycle.reports().recordSlos(versionTrackers());
        closeWindowIfDue();
    }

    /**
     * The labels of the last served day arrive (at the clock's current midnight), so nothing is pending when the
     * stage hands off.
     *
     * @param nextDay the day after the last served one (its precipitation is the label)
     */
    void finish(WeatherDay nextDay) {
        deliverLabels(nextDay);
        lifecycle.slos().tick();
        lifecycle.reports().recordSlos(versionTrackers());
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

    // The guarded model's own drift monitor cannot change its reference (after a promotion the challenger's training
    // data is the reference) nor start its window with a stage, so the story profiles its weeks itself.
    private void startWindow() {
        long now = clock.millis();
        windowStart = Instant.ofEpochMilli(now - Math.floorMod(now, DRIFT_WINDOW.toMillis()));
        window = MapProfiler.of(EXACT_PROFILES);
        windowRows = 0;
    }

    private void closeWindowIfDue() {
        Instant end = windowStart.plus(DRIFT_WINDOW);
        if (clock.instant().isBefore(end)) {
            return;
        }
        if (windowRows >= DRIFT_WINDOW_ROWS) {
            DriftEvent event = new DriftEvent(MODEL, windowStart, end, windowRows, 0,
                    Drift.between(reference, window.profile(), DRIFT_OPTIONS));
            latestDrift = event;
            lifecycle.reports().recordDrift("serving-traffic", event.report());
            // Drift joins the incident open at the window's end, once per window however often the stage is re-run.
            // A re-run sees the store as the first attempt left it: an incident opened later in the story is not
            // one this window can join.
            if (event.drifted() && lifecycle.incidents().openIncident(MODEL)
                    .filter(open -> open.openedAt().isBefore(end)).isPresent()) {
                lifecycle.incidents().record(DriftEvidence.of(MODEL, "serving drift monitor", event.report())
                        .idempotent(WeatherStory.RUN_ID, stage, "drift-" + end));
            }
        }
        startWindow();
    }

    /** @return the latest tested drift window of the running stage, or null before one */
    DriftEvent latestDrift() {
        return latestDrift;
    }

    /** @return the days whose labels have arrived in the running stage */
    long labelledDays() {
        return labelledDays;
    }

    /** @return the served versions' trackers, which the report shows (the cohorts' say the same, split by cohort) */
    List<SloTracker> versionTrackers() {
        List<SloTracker> trackers = new ArrayList<>();
        for (String version : service.versions()) {
            trackers.addAll(service.versionTrackers(version).all());
        }
        return trackers;
    }

    /**
     * @param version a served version
     * @return the version's accuracy SLO tracker (share of days whose forecast was right)
     */
    SloTracker accuracy(String version) {
        return service.slos().tracker(service.versionSloName(version, "accuracy"));
    }

    /** @return every tracker's state, by SLO name, to continue in the next stage */
    Map<String, SloState> sloStates() {
        Map<String, SloState> states = new LinkedHashMap<>();
        for (SloTracker tracker : lifecycle.slos().trackers()) {
            states.put(tracker.slo().name(), tracker.snapshot());
        }
        return states;
    }

    private void restore(Map<String, SloState> states) {
        for (SloTracker tracker : lifecycle.slos().trackers()) {
            SloState state = states.get(tracker.slo().name());
            if (state != null && tracker.budget().eligible() == 0) {
                tracker.restore(state);
            }
        }
    }

    private RainModel model(String ref) {
        return loaded.computeIfAbsent(ref, loader);
    }

    /** Closes the loaded models (the runtime closes the guarded model). */
    @Override
    public void close() {
        loaded.values().forEach(RainModel::close);
        loaded.clear();
    }
}
