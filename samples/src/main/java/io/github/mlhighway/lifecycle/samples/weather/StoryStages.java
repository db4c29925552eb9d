package io.github.mlhighway.lifecycle.samples.weather;

import io.github.mlhighway.lifecycle.core.data.drift.DriftReport;
import io.github.mlhighway.lifecycle.core.data.profile.DatasetProfile;
import io.github.mlhighway.lifecycle.core.data.profile.Profiles;
import io.github.mlhighway.lifecycle.core.data.quality.Constraints;
import io.github.mlhighway.lifecycle.core.data.quality.DataGate;
import io.github.mlhighway.lifecycle.core.data.schema.Schema;
import io.github.mlhighway.lifecycle.core.evaluation.BinaryData;
import io.github.mlhighway.lifecycle.core.evaluation.Evaluator;
import io.github.mlhighway.lifecycle.core.evaluation.gate.ModelComparison;
import io.github.mlhighway.lifecycle.core.evaluation.gate.ModelGate;
import io.github.mlhighway.lifecycle.core.incident.DriftEvidence;
import io.github.mlhighway.lifecycle.core.incident.IncidentManager;
import io.github.mlhighway.lifecycle.core.release.ReleaseConfig;
import io.github.mlhighway.lifecycle.core.release.ReleaseController;
import io.github.mlhighway.lifecycle.core.report.ReportRecorder;
import io.github.mlhighway.lifecycle.core.retrain.RetrainConditions;
import io.github.mlhighway.lifecycle.core.retrain.RetrainDecision;
import io.github.mlhighway.lifecycle.core.retrain.RetrainOutcome;
import io.github.mlhighway.lifecycle.core.retrain.RetrainTrigger;
import io.github.mlhighway.lifecycle.djl.DjlArtifacts;
import io.github.mlhighway.lifecycle.djl.DjlEngine;
import io.github.mlhighway.lifecycle.djl.DjlTrainer;
import io.github.mlhighway.lifecycle.djl.TrainedDjlModel;
import io.github.mlhighway.lifecycle.evaluation.Evaluation;
import io.github.mlhighway.lifecycle.evaluation.MetricValue;
import io.github.mlhighway.lifecycle.gate.Gate;
import io.github.mlhighway.lifecycle.gate.Verdict;
import io.github.mlhighway.lifecycle.slo.ErrorBudget;
import io.github.mlhighway.lifecycle.incident.IncidentEvidence;
import io.github.mlhighway.lifecycle.pipeline.StageContext;
import io.github.mlhighway.lifecycle.registry.AliasMoveRequest;
import io.github.mlhighway.lifecycle.registry.LineageRef;
import io.github.mlhighway.lifecycle.registry.ModelRef;
import io.github.mlhighway.lifecycle.registry.ModelRegistry;
import io.github.mlhighway.lifecycle.registry.ModelVersion;
import io.github.mlhighway.lifecycle.registry.NewModelVersion;
import io.github.mlhighway.lifecycle.release.ReleaseEventType;
import io.github.mlhighway.lifecycle.release.ReleasePhase;
import io.github.mlhighway.lifecycle.samples.weather.StoryRecords.CanaryResult;
import io.github.mlhighway.lifecycle.samples.weather.StoryRecords.Challenge;
import io.github.mlhighway.lifecycle.samples.weather.StoryRecords.DataSlice;
import io.github.mlhighway.lifecycle.samples.weather.StoryRecords.GatedModel;
import io.github.mlhighway.lifecycle.samples.weather.StoryRecords.RegisteredModel;
import io.github.mlhighway.lifecycle.samples.weather.StoryRecords.RetrainSignal;
import io.github.mlhighway.lifecycle.samples.weather.StoryRecords.ServingHandOff;
import io.github.mlhighway.lifecycle.samples.weather.StoryRecords.TrainedChallenger;
import io.github.mlhighway.lifecycle.samples.weather.StoryRecords.YearServed;
import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The stages of the weather story. Each stage is deterministic (seeded training, seeded traffic, simulated time) and
 * idempotent against the store: a stage re-run after a crash finds the model version it registered before, rolls the
 * incident and release collections back to what they were when it first started, and replays its simulated days.
 */
final class StoryStages {

    static final String SEATTLE = "Seattle";
    static final String NEW_YORK = "New York";
    static final LocalDate TRAIN_FROM = LocalDate.of(2012, 1, 1);
    static final LocalDate TRAIN_TO = LocalDate.of(2014, 12, 31);
    static final LocalDate SERVE_FROM = LocalDate.of(2015, 1, 1);
    /** The challenger trains on New York's archive up to here (and the days served); 2014 is its holdout. */
    static final LocalDate NEW_YORK_ARCHIVE_TO = LocalDate.of(2013, 12, 31);
    /** Traffic switches to New York on this day. */
    static final LocalDate SWITCH_TO_NEW_YORK = LocalDate.of(2015, 4, 1);
    /** The last day served (its label needs the next day's weather, the last day of the data). */
    static final LocalDate SERVE_TO = LocalDate.of(2015, 12, 30);
    /** The first model's absolute bar on the Seattle holdout (there is no champion to compare with yet). */
    static final double MIN_SEATTLE_AUC = 0.70;
    /** New York days whose labels have arrived before a retraining may start. */
    static final int MIN_NEW_YORK_DAYS = 60;
    /** Training epochs of every model. */
    static final int EPOCHS = 15;
    static final String INCIDENT_KEY = ServingSimulation.MODEL;
    /** Drift opens an incident once the accuracy SLO has this share of its budget left or less. */
    static final double INCIDENT_BUDGET_LEFT = 0.5;
    /**
     * Sustained drift: an incident opens only after this many weekly windows in a row drifted (a stormy week is not
     * a new world) and closes after as many in a row without drift.
     */
    static final int DRIFT_WINDOWS = 2;
    static final String RELEASE_ID = "rain-tomorrow-challenger-canary";

    private final WeatherData data;
    private final Store store;
    private final ModelRegistry registry;
    private final Path workDir;
    private final PrintStream out;
    private final StoryClock times;

    StoryStages(WeatherData data, Store store, ModelRegistry registry, Path workDir, PrintStream out,
                StoryClock times) {
        this.data = data;
        this.store = store;
        this.registry = registry;
        this.workDir = workDir;
        this.out = out;
        this.times = times;
    }

    // ---- 1. data ------------------------------------------------------------------------------------------------

    DataSlice load(StageContext context) {
        times.moveTo(TRAIN_TO.plusDays(1));
        int rows = data.observations(SEATTLE, TRAIN_FROM, TRAIN_TO).rowCount();
        context.recordInput("weather.csv", data.sha256());
        out.printf("[1/6] Loaded %d Seattle days (%s .. %s) from %s%n", rows, TRAIN_FROM, TRAIN_TO,
                WeatherData.RESOURCE);
        return new DataSlice(SEATTLE, TRAIN_FROM, TRAIN_TO, rows);
    }

    /** @return the data gate in front of training: schema and value ranges of the training rows */
    Gate<DataSlice> dataGate() {
        DataGate gate = DataGate.builder("seattle-training-data")
                .schema(Schema.infer(data.observations(SEATTLE, TRAIN_FROM, TRAIN_TO)))
                .expect(Constraints.completeness("precipitation").mostly(0.99),
                        Constraints.completeness("temp_max").mostly(0.99),
                        Constraints.completeness("temp_min").mostly(0.99),
                        Constraints.completeness("wind").mostly(0.99),
                        Constraints.range("precipitation", 0, 500),
                        Constraints.range("temp_max", -40, 50),
                        Constraints.range("temp_min", -50, 40),
                        Constraints.range("wind", 0, 60))
                .clock(times.decisions())
                .build();
        return Gate.named("seattle-training-data",
                slice -> gate.evaluate(data.observations(slice.location(), slice.from(), slice.to())));
    }

    // ---- 2. champion ---------------------------------------------------------------------------------------------

    RegisteredModel trainChampion(DataSlice slice, StageContext context) {
        List<Example> training = data.examples(SEATTLE, d -> inTraining(d) && !isHoldoutWeek(d));
        RegisteredModel model = trainAndRegister("champion", training, EPOCHS, context);
        out.printf("[1/6] Trained %s on %d Seattle days (DJL MLP, %d hidden units)%n", model.ref(),
                model.trainingRows(), RainModel.HIDDEN);
        return model;
    }

    GatedModel evaluateChampion(RegisteredModel model, StageContext context) {
        List<Example> holdout = data.examples(SEATTLE, d -> inTraining(d) && isHoldoutWeek(d));
        double[] p = probabilities(model, holdout, "eval-champion");
        Evaluation evaluation = evaluator().evaluate(BinaryData.of(RainFeatures.labels(holdout), p));
        ReportRecorder recorder = ReportRecorder.create(store, times.at(TRAIN_TO.plusDays(1)));
        recorder.recordEvaluation("champion", model.ref(), "seattle-holdout", evaluation);
        double auc = metric(evaluation, "auc");
        out.printf("[1/6] %s on the Seattle holdout (%d days, every 5th week): AUC %.3f %s%n", model.ref(),
                holdout.size(), auc, interval(evaluation, "auc"));
        ModelComparison comparison = ModelComparison.binary(RainFeatures.labels(holdout), p);
        return new GatedModel(model, comparison.toJson(), Map.of("auc", auc, "accuracy", metric(evaluation,
                "accuracy")));
    }

    /**
     * @param model a registered model
     * @return its AUC on the Seattle holdout
     */
    double seattleHoldoutAuc(RegisteredModel model) {
        List<Example> holdout = data.examples(SEATTLE, d -> inTraining(d) && isHoldoutWeek(d));
        double[] p = probabilities(model, holdout, "eval-seattle");
        return metric(evaluator().evaluate(BinaryData.of(RainFeatures.labels(holdout), p)), "auc");
    }

    /** @return the first model's gate: absolute thresholds only, as there is no champion yet */
    Gate<GatedModel> championGate() {
        ModelGate gate = ModelGate.builder().name("first-champion")
                .metric("auc").atLeast(MIN_SEATTLE_AUC)
                .clock(times.decisions())
                .build();
        return Gate.named("first-champion", gated -> gate.evaluate(ModelComparison.fromJson(gated.comparisonJson())));
    }

    ServingHandOff promoteChampion(GatedModel gated, StageContext context) {
        Verdict verdict = championGate().evaluate(gated);
        moveAlias(gated.model(), verdict);
        out.printf("[1/6] %s passed the model gate (%s) and is the champion%n", gated.model().ref(),
                verdict.outcome());
        return new ServingHandOff(SERVE_FROM, gated.model().ref(), Map.of());
    }

    // ---- 3. serving Seattle --------------------------------------------------------------------------------------

    ServingHandOff serveSeattle(ServingHandOff handOff, StageContext context) {
        times.moveTo(handOff.nextDay());
        CollectionSnapshot.restoreOrTake(store, context.stageName(), CollectionSnapshot.STORY_COLLECTIONS);
        TestClock clock = times.clockAt(handOff.nextDay());
        ReportRecorder recorder = ReportRecorder.create(store, clock);
        IncidentManager incidents = IncidentManager.builder(store, clock).build();
        try (RainModel champion = loadModel(handOff.champion(), "serve-seattle");
             ServingSimulation simulation = new ServingSimulation(clock, Map.of(champion.version(), champion), null,
                     reference(), recorder, incidents, handOff.slos(), event -> recordDrift(recorder, event.report(),
                     incidents, clock), seed(context))) {
            recorder.recordEvent("serving", "Serving Seattle 2015 with " + champion.version());
            List<WeatherDay> days = data.days(SEATTLE, handOff.nextDay(), SWITCH_TO_NEW_YORK.minusDays(1));
            for (WeatherDay day : days) {
                context.checkCancelled();
                simulation.serve(day);
                progress("[2/6] Seattle", day.date(), simulation, champion.version());
                openOrCloseIncident(simulation, champion.version(), incidents, day.date());
            }
            simulation.finish(data.days(SEATTLE, SWITCH_TO_NEW_YORK, SWITCH_TO_NEW_YORK).get(0));
            return new ServingHandOff(SWITCH_TO_NEW_YORK, handOff.champion(), simulation.sloStates());
        }
    }

    // ---- 4. New York: drift, burn, incident, retraining trigger --------------------------------------------------

    RetrainSignal serveNewYork(ServingHandOff handOff, StageContext context) {
        times.moveTo(handOff.nextDay());
        CollectionSnapshot.restoreOrTake(store, context.stageName(), CollectionSnapshot.STORY_COLLECTIONS);
        TestClock clock = times.clockAt(handOff.nextDay());
        ReportRecorder recorder = ReportRecorder.create(store, clock);
        IncidentManager incidents = IncidentManager.builder(store, clock).build();
        AtomicReference<DriftReport> latestDrift = new AtomicReference<>();
        try (RainModel champion = loadModel(handOff.champion(), "serve-new-york");
             ServingSimulation simulation = new ServingSimulation(clock, Map.of(champion.version(), champion), null,
                     reference(), recorder, incidents, handOff.slos(), event -> {
                         latestDrift.set(event.report());
                         recordDrift(recorder, event.report(), incidents, clock);
                     }, seed(context))) {
            recorder.recordEvent("traffic", "Traffic switched from Seattle to New York");
            out.printf("[3/6] %s: traffic switches to New York%n", handOff.nextDay());
            RetrainTrigger trigger = RetrainTrigger.builder("rain-tomorrow-retrain", clock, RetrainConditions.allOf(
                            RetrainConditions.drift("serving-drift", latestDrift::get),
                            RetrainConditions.newLabels(simulation::labelledDays, MIN_NEW_YORK_DAYS)))
                    .action(request -> recorder.recordEvent("retrain", "Retraining requested: "
                            + String.join("; ", request.reasons())))
                    .build();
            List<WeatherDay> days = data.days(NEW_YORK, handOff.nextDay(), SERVE_TO.minusDays(1));
            for (WeatherDay day : days) {
                context.checkCancelled();
                simulation.serve(day);
                progress("[3/6] New York", day.date(), simulation, champion.version());
                openOrCloseIncident(simulation, champion.version(), incidents, day.date());
                RetrainDecision decision = trigger.evaluate();
                if (decision.outcome() == RetrainOutcome.TRIGGERED) {
                    WeatherDay next = data.days(NEW_YORK, day.date().plusDays(1), day.date().plusDays(1)).get(0);
                    simulation.finish(next);
                    recorder.recordEvent("retrain", "Retraining triggered: " + decision.reason());
                    out.printf("[4/6] %s: retraining triggered (%s)%n", day.date(), decision.reason());
                    DriftReport drift = latestDrift.get();
                    List<String> drifted = drift == null ? List.of() : drift.driftedColumnNames();
                    incidents.record(IncidentEvidence.note(INCIDENT_KEY, "Retraining triggered: "
                            + decision.reason()));
                    return new RetrainSignal(new ServingHandOff(next.date(), handOff.champion(),
                            simulation.sloStates()), handOff.nextDay(), day.date().minusDays(1), drifted,
                            List.of(decision.reason()), incidents.all().size());
                }
            }
            throw new IllegalStateException("The retraining trigger never fired between " + handOff.nextDay()
                    + " and " + SERVE_TO + ": " + trigger.decisions().get(trigger.decisions().size() - 1).reason());
        }
    }

    // ---- 5. challenger -------------------------------------------------------------------------------------------

    TrainedChallenger trainChallenger(RetrainSignal signal, StageContext context) {
        times.moveTo(signal.handOff().nextDay());
        List<Example> training = new ArrayList<>(data.examples(NEW_YORK,
                d -> inTraining(d) && !isNewYorkHoldout(d)));
        List<Example> served = data.examples(NEW_YORK,
                d -> !d.isBefore(signal.newYorkFrom()) && !d.isAfter(signal.newYorkTo()));
        training.addAll(served);
        RegisteredModel model = trainAndRegister("challenger", training, EPOCHS, context);
        out.printf("[4/6] Trained challenger %s on %d New York days: the archive 2012-2013"
                + " and the %d days served so far (%s .. %s)%n", model.ref(), training.size(), served.size(),
                signal.newYorkFrom(), signal.newYorkTo());
        return new TrainedChallenger(signal, model);
    }

    /**
     * Both models on the New York holdout (the archive's 2014, days the challenger never saw).
     *
     * @param trained the challenger and the signal it was trained for
     * @param context the stage context
     * @return the comparison
     */
    Challenge evaluateChallenger(TrainedChallenger trained, StageContext context) {
        RetrainSignal signal = trained.signal();
        RegisteredModel challenger = trained.model();
        times.moveTo(signal.handOff().nextDay());
        List<Example> holdout = data.examples(NEW_YORK, StoryStages::isNewYorkHoldout);
        int[] labels = RainFeatures.labels(holdout);
        ModelVersion championVersion = registry.version(ModelRef.parse(signal.handOff().champion()));
        RegisteredModel champion = new RegisteredModel(championVersion.model(), championVersion.version(),
                "champion", 0);
        double[] championP = probabilities(champion, holdout, "eval-ny-champion");
        double[] challengerP = probabilities(challenger, holdout, "eval-ny-challenger");
        Evaluator evaluator = evaluator();
        Evaluation championEval = evaluator.evaluate(BinaryData.of(labels, championP));
        Evaluation challengerEval = evaluator.evaluate(BinaryData.of(labels, challengerP));
        ReportRecorder recorder = ReportRecorder.create(store, times.at(signal.handOff().nextDay()));
        recorder.recordEvaluation("champion", champion.ref(), "new-york-holdout", championEval);
        recorder.recordEvaluation("challenger", challenger.ref(), "new-york-holdout", challengerEval);
        out.printf("[4/6] New York holdout (%d days): champion AUC %.3f %s, challenger AUC %.3f %s%n",
                holdout.size(), metric(championEval, "auc"), interval(championEval, "auc"),
                metric(challengerEval, "auc"), interval(challengerEval, "auc"));
        out.printf("[4/6]   Brier score: champion %.4f, challenger %.4f (lower is better)%n",
                metric(championEval, "brier"), metric(challengerEval, "brier"));
        return new Challenge(signal, champion, challenger,
                ModelComparison.binary(labels, challengerP, championP).toJson(),
                metric(championEval, "auc"), metric(challengerEval, "auc"));
    }

    /**
     * @return the champion gate: the challenger's probabilities must be better (Brier score, superiority on the
     *         paired bootstrap interval) and its ranking not clearly worse (AUC, non-inferiority margin 0.10: with one year of New York days the interval of an AUC difference is about ±0.07 wide)
     */
    Gate<Challenge> challengerGate() {
        ModelGate gate = ModelGate.builder().name("champion-gate")
                .metric("brier").againstChampion().superiority(0.0).confidence(0.95)
                .metric("auc").againstChampion().nonInferiority(0.10).confidence(0.95)
                .seed(42)
                .clock(times.decisions())
                .build();
        return Gate.named("champion-gate", challenge -> {
            times.moveTo(challenge.signal().handOff().nextDay());   // also when a resumed run decides it again
            return gate.evaluate(ModelComparison.fromJson(challenge.comparisonJson()));
        });
    }

    // ---- 6. canary -----------------------------------------------------------------------------------------------

    CanaryResult canary(Challenge challenge, StageContext context) {
        times.moveTo(challenge.signal().handOff().nextDay());
        CollectionSnapshot.restoreOrTake(store, context.stageName(), CollectionSnapshot.STORY_COLLECTIONS);
        ServingHandOff handOff = challenge.signal().handOff();
        TestClock clock = times.clockAt(handOff.nextDay());
        ReportRecorder recorder = ReportRecorder.create(store, clock);
        IncidentManager incidents = IncidentManager.builder(store, clock).build();
        String championRef = challenge.champion().ref();
        String challengerRef = challenge.challenger().ref();
        Verdict gateVerdict = challengerGate().evaluate(challenge);
        try (RainModel champion = loadModel(championRef, "canary-champion");
             RainModel challenger = loadModel(challengerRef, "canary-challenger")) {
            Map<String, RainModel> versions = new LinkedHashMap<>();
            versions.put(championRef, champion);
            versions.put(challengerRef, challenger);
            ReleaseConfig config = ReleaseConfig.canary(RELEASE_ID, championRef, challengerRef)
                    .steps(20, 50, 100).interval(Duration.ofDays(1)).build();
            ReleaseController[] controller = new ReleaseController[1];
            try (ServingSimulation simulation = new ServingSimulation(clock, versions, null, reference(), recorder,
                    incidents, handOff.slos(), event -> recordDrift(recorder, event.report(), incidents, clock),
                    seed(context))) {
                controller[0] = ReleaseController.builder(config, store, simulation.service(), clock)
                        .listener(event -> {
                            recorder.recordEvent("release", event.type() + ": " + event.message());
                            if (event.type() == ReleaseEventType.ROLLED_BACK) {
                                incidents.record(IncidentEvidence.rollback(RELEASE_ID, event.candidateVersion(),
                                        event.baselineVersion(), event.message(), Map.of()).forKey(INCIDENT_KEY));
                            } else if (event.type() == ReleaseEventType.ABORTED) {
                                incidents.record(IncidentEvidence.note(INCIDENT_KEY, "Canary " + RELEASE_ID
                                        + " aborted: " + event.message()));
                            }
                        })
                        .open();
                simulation.service().trafficPlan(controller[0].plan());
                recorder.recordEvent("release", "Canary of " + challengerRef + " against " + championRef
                        + " opened after the champion gate said " + gateVerdict.outcome());
                out.printf("[5/6] %s: canary of %s (steps 20%%, 50%%, 100%%, one analysis a day)%n",
                        handOff.nextDay(), challengerRef);
                LocalDate day = handOff.nextDay();
                while (!controller[0].state().phase().isTerminal() && day.isBefore(SERVE_TO)) {
                    context.checkCancelled();
                    simulation.serve(data.days(NEW_YORK, day, day).get(0));
                    controller[0].tick();
                    out.printf("[5/6] %s: canary %s, candidate weight %d%%%n", day,
                            controller[0].state().phase(), controller[0].state().candidateWeight());
                    day = day.plusDays(1);
                }
                simulation.finish(data.days(NEW_YORK, day, day).get(0));
                if (!controller[0].state().phase().isTerminal()) {
                    controller[0].abort("the story's year ended before the canary finished");
                }
                times.moveTo(day);
                ReleasePhase phase = controller[0].state().phase();
                String outcome;
                String nowServing;
                if (phase == ReleasePhase.PROMOTED) {
                    outcome = "promoted";
                    nowServing = challengerRef;
                    moveAlias(challenge.challenger(), gateVerdict);
                    incidents.record(IncidentEvidence.mitigated(INCIDENT_KEY, "Challenger " + challengerRef
                            + " promoted after the canary; it now serves New York"));
                } else {
                    outcome = "rolled_back";
                    nowServing = championRef;
                }
                out.printf("[5/6] %s: canary %s; %s serves New York%n", day, outcome, nowServing);
                return new CanaryResult(challenge, outcome, RELEASE_ID,
                        new ServingHandOff(day, nowServing, simulation.sloStates()));
            }
        }
    }

    // ---- 7. the rest of the year ---------------------------------------------------------------------------------

    YearServed serveRest(CanaryResult canary, StageContext context) {
        times.moveTo(canary.handOff().nextDay());
        CollectionSnapshot.restoreOrTake(store, context.stageName(), CollectionSnapshot.STORY_COLLECTIONS);
        ServingHandOff handOff = canary.handOff();
        TestClock clock = times.clockAt(handOff.nextDay());
        ReportRecorder recorder = ReportRecorder.create(store, clock);
        IncidentManager incidents = IncidentManager.builder(store, clock).build();
        boolean promoted = "promoted".equals(canary.outcome());
        DatasetProfile reference = promoted ? newYorkReference() : reference();
        try (RainModel model = loadModel(handOff.champion(), "serve-rest");
             ServingSimulation simulation = new ServingSimulation(clock, Map.of(model.version(), model), null,
                     reference, recorder, incidents, handOff.slos(), event -> recordDrift(recorder,
                     event.report(), incidents, clock), seed(context))) {
            for (WeatherDay day : data.days(NEW_YORK, handOff.nextDay(), SERVE_TO)) {
                context.checkCancelled();
                simulation.serve(day);
                progress("[5/6] New York", day.date(), simulation, model.version());
                openOrCloseIncident(simulation, model.version(), incidents, day.date());
            }
            simulation.finish(data.days(NEW_YORK, SERVE_TO.plusDays(1), SERVE_TO.plusDays(1)).get(0));
            return new YearServed(canary, new ServingHandOff(SERVE_TO.plusDays(1), handOff.champion(),
                    simulation.sloStates()));
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private void recordDrift(ReportRecorder recorder, DriftReport report, IncidentManager incidents, TestClock clock) {
        recorder.recordDrift("serving-traffic", report);
        if (report.drifted()) {
            incidents.record(DriftEvidence.of(INCIDENT_KEY, "serving drift monitor", report));
        }
    }

    /**
     * Opens the incident when the inputs have drifted for {@link #DRIFT_WINDOWS} weekly windows in a row and the
     * served version's accuracy SLO has spent at least half its budget: drift alone is a warning (storms and seasons
     * drift too), sustained drift with a burning quality SLO is an incident. Closes it after as many windows in a
     * row without drift once the budget is back above half.
     */
    private void openOrCloseIncident(ServingSimulation simulation, String version, IncidentManager incidents,
                                       LocalDate day) {
        Optional<DriftReport> drift = simulation.latestDrift();
        ErrorBudget budget = simulation.accuracy(version).budget();
        Optional<io.github.mlhighway.lifecycle.incident.Incident> open = incidents.openIncident(INCIDENT_KEY);
        if (open.isPresent() && simulation.windowsWithoutDrift() >= DRIFT_WINDOWS
                && budget.remainingFraction() > INCIDENT_BUDGET_LEFT) {
            incidents.close(open.get().id(), String.format(Locale.ROOT, "Recovered: no drift in the last %d weekly"
                    + " windows and the accuracy SLO of %s has %.0f%% of its budget left", DRIFT_WINDOWS,
                    version, 100 * budget.remainingFraction()));
            out.printf("[story] %s: incident %s closed (recovered)%n", day, open.get().id());
            return;
        }
        if (drift.isEmpty() || simulation.windowsWithDrift() < DRIFT_WINDOWS
                || budget.remainingFraction() > INCIDENT_BUDGET_LEFT
                || incidents.openIncident(INCIDENT_KEY).isPresent()) {
            return;
        }
        IncidentEvidence drifted = DriftEvidence.of(INCIDENT_KEY, "serving drift monitor", drift.get());
        Map<String, Double> numbers = new LinkedHashMap<>(drifted.numbers());
        numbers.put("accuracy.sli", budget.sli());
        numbers.put("accuracy.budget_remaining", budget.remainingFraction());
        String sentence = String.format(Locale.ROOT, "Serving inputs drifted from the training data (%s) and the"
                        + " accuracy SLO of %s is burning: %.0f%% of days right over 28 days, %.0f%% of the budget"
                        + " left", String.join(", ", drift.get().driftedColumnNames()), version, 100 * budget.sli(),
                100 * budget.remainingFraction());
        incidents.record(new IncidentEvidence(INCIDENT_KEY, null, drifted.kind(), drifted.source(), sentence,
                numbers, drifted.details(), true, false)).ifPresent(incident ->
                out.printf("[story] %s: drift in %s and the accuracy SLO burning: incident %s opened%n", day,
                        drift.get().driftedColumnNames(), incident.id()));
    }

    private RegisteredModel trainAndRegister(String role, List<Example> training, int epochs,
                                             StageContext context) {
        for (ModelVersion version : registry.versions(ServingSimulation.MODEL)) {
            if (role.equals(version.parameters().get("story.role"))) {
                return new RegisteredModel(version.model(), version.version(), role, training.size());
            }
        }
        DjlEngine.requireOfflinePyTorch();
        DjlTrainer trainer = DjlTrainer.builder(() -> DjlTrainer.mlp(RainModel.HIDDEN))
                .epochs(epochs).batchSize(32).learningRate(0.005f).seed(7).build();
        Path dir = freshDirectory("train-" + role);
        try (TrainedDjlModel trained = trainer.train(RainFeatures.rows(training),
                RainFeatures.trainingLabels(training))) {
            trained.model().save(dir, ServingSimulation.MODEL);
            List<Double> losses = trained.epochLosses();
            ModelVersion version = registry.register(NewModelVersion.of(ServingSimulation.MODEL)
                    .parameter(DjlArtifacts.WIDTH_PARAMETER, Integer.toString(trained.width()))
                    .parameter(DjlArtifacts.NAME_PARAMETER, ServingSimulation.MODEL)
                    .parameter(DjlArtifacts.ENGINE_PARAMETER, DjlEngine.ENGINE_NAME)
                    .parameter("story.role", role)
                    .parameter("epochs", Integer.toString(epochs))
                    .parameter("hidden", Integer.toString(RainModel.HIDDEN))
                    .metric("train_loss", losses.get(losses.size() - 1))
                    .metric("training_rows", training.size())
                    .lineage(LineageRef.run(context.runId()))
                    .lineage(LineageRef.dataset("weather.csv"))
                    .directory(dir)
                    .build());
            return new RegisteredModel(version.model(), version.version(), role, training.size());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the trained model into " + dir, e);
        }
    }

    private void moveAlias(RegisteredModel model, Verdict verdict) {
        Integer current = registry.aliases(model.model()).get("champion");
        if (current != null && current == model.version()) {
            return;
        }
        registry.moveAlias(AliasMoveRequest.of(model.model(), "champion", model.version())
                .withVerdict(verdict, model.ref()));
    }

    private double[] probabilities(RegisteredModel model, List<Example> examples, String purpose) {
        try (RainModel loaded = loadModel(model.ref(), purpose)) {
            return loaded.probabilities(examples);
        }
    }

    private RainModel loadModel(String ref, String purpose) {
        return RainModel.load(registry, ModelRef.parse(ref), freshDirectory(purpose));
    }

    private Path freshDirectory(String name) {
        Path dir = workDir.resolve(name);
        try {
            if (Files.exists(dir)) {
                try (var paths = Files.walk(dir)) {
                    for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the work directory " + dir, e);
        }
    }

    /** @return the profile of the New York archive the challenger trained on: its serving reference */
    private DatasetProfile newYorkReference() {
        return Profiles.of(data.observations(NEW_YORK, TRAIN_FROM, NEW_YORK_ARCHIVE_TO)
                        .select(ServingSimulation.MONITORED_COLUMNS.toArray(String[]::new)),
                ServingSimulation.EXACT_PROFILES);
    }

    /** @return the profile of the Seattle days the champion trained on: the drift monitor's reference */
    private DatasetProfile reference() {
        return Profiles.of(data.observations(SEATTLE, TRAIN_FROM, TRAIN_TO)
                        .select(ServingSimulation.MONITORED_COLUMNS.toArray(String[]::new)),
                ServingSimulation.EXACT_PROFILES);
    }

    private void progress(String label, LocalDate day, ServingSimulation simulation, String version) {
        if (day.getDayOfMonth() == 1 || day.getDayOfMonth() == 15) {
            var accuracy = simulation.accuracy(version).budget();
            out.printf("%s %s: accuracy SLO %.0f%% of days right over 28 days, budget %.0f%% left%n", label, day,
                    100 * accuracy.sli(), 100 * accuracy.remainingFraction());
        }
    }

    private static long seed(StageContext context) {
        return context.stageName().hashCode();
    }

    private static Evaluator evaluator() {
        return Evaluator.binary().resamples(500).seed(42).build();
    }

    /** New York's holdout: the archive's last year (the challenger trains on 2012–2013 and the days served). */
    static boolean isNewYorkHoldout(LocalDate day) {
        return day.isAfter(NEW_YORK_ARCHIVE_TO) && !day.isAfter(TRAIN_TO);
    }

    static boolean inTraining(LocalDate day) {
        return !day.isBefore(TRAIN_FROM) && !day.isAfter(TRAIN_TO);
    }

    /** Every fifth ISO week is held out: a holdout from every season, in whole weeks so days don't leak. */
    static boolean isHoldoutWeek(LocalDate day) {
        return day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) % 5 == 0;
    }

    static double metric(Evaluation evaluation, String name) {
        return evaluation.metric(name).map(MetricValue::value).orElse(Double.NaN);
    }

    private static String interval(Evaluation evaluation, String name) {
        return evaluation.metric(name).map(MetricValue::interval)
                .map(ci -> String.format("[%.3f, %.3f]", ci.low(), ci.high())).orElse("");
    }

    static Instant midnight(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
