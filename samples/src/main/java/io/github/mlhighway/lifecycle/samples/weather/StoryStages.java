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
import io.github.mlhighway.lifecycle.core.release.ReleaseConfig;
import io.github.mlhighway.lifecycle.core.release.ReleaseController;
import io.github.mlhighway.lifecycle.core.retrain.RetrainConditions;
import io.github.mlhighway.lifecycle.core.retrain.RetrainRequest;
import io.github.mlhighway.lifecycle.core.runtime.Lifecycle;
import io.github.mlhighway.lifecycle.core.serving.DriftEvent;
import io.github.mlhighway.lifecycle.core.time.SimulatedClock;
import io.github.mlhighway.lifecycle.djl.DjlArtifacts;
import io.github.mlhighway.lifecycle.djl.DjlEngine;
import io.github.mlhighway.lifecycle.djl.DjlTrainer;
import io.github.mlhighway.lifecycle.djl.TrainedDjlModel;
import io.github.mlhighway.lifecycle.evaluation.Evaluation;
import io.github.mlhighway.lifecycle.evaluation.MetricValue;
import io.github.mlhighway.lifecycle.gate.Gate;
import io.github.mlhighway.lifecycle.gate.Verdict;
import io.github.mlhighway.lifecycle.incident.IncidentEvidence;
import io.github.mlhighway.lifecycle.pipeline.StageContext;
import io.github.mlhighway.lifecycle.registry.AliasMoveRequest;
import io.github.mlhighway.lifecycle.registry.LineageRef;
import io.github.mlhighway.lifecycle.registry.ModelRef;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The stages of the weather story, on one {@link Lifecycle} and its {@link SimulatedClock}. Each stage is
 * deterministic (seeded training, seeded traffic, simulated time) and moves the clock forward to its day. A stage
 * re-run after a crash replays its simulated days against a store that already holds what the first attempt wrote,
 * and every side effect is keyed so the replay adds nothing twice: a version is registered once per stage
 * ({@code producedBy}), incident evidence has an id per stage and window, report points are kept per instant, and
 * the canary continues from its journal.
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
    static final String RELEASE_ID = "rain-tomorrow-challenger-canary";

    private final WeatherData data;
    private final Lifecycle lifecycle;
    private final SimulatedClock clock;
    private final Path workDir;
    private final PrintStream out;
    private final ServingSimulation serving;

    StoryStages(WeatherData data, Lifecycle lifecycle, SimulatedClock clock, Path workDir, PrintStream out) {
        this.data = data;
        this.lifecycle = lifecycle;
        this.clock = clock;
        this.workDir = workDir;
        this.out = out;
        this.serving = new ServingSimulation(lifecycle, clock, ref -> loadModel(ref, "serve-" + ref.replace('@', '-')));
    }

    /** @return the serving simulation (closed with the story) */
    ServingSimulation serving() {
        return serving;
    }

    // ---- 1. data ------------------------------------------------------------------------------------------------

    DataSlice load(StageContext context) {
        clock.advanceTo(midnight(SERVE_FROM));
        int rows = data.observations(SEATTLE, TRAIN_FROM, TRAIN_TO).rowCount();
        context.recordInput("weather.csv", data.sha256());
        out.printf("[1/6] Loaded %d Seattle days (%s .. %s) from %s%n", rows, TRAIN_FROM, TRAIN_TO,
                WeatherData.RESOURCE);
        return new DataSlice(SEATTLE, TRAIN_FROM, TRAIN_TO, rows);
    }

    /** @return the data gate in front of training: schema and value ranges of the training rows */
    Gate<DataSlice> dataGate() {
        DataGate gate = lifecycle.dataGate("seattle-training-data")
                .schema(Schema.infer(data.observations(SEATTLE, TRAIN_FROM, TRAIN_TO)))
                .expect(Constraints.completeness("precipitation").mostly(0.99),
                        Constraints.completeness("temp_max").mostly(0.99),
                        Constraints.completeness("temp_min").mostly(0.99),
                        Constraints.completeness("wind").mostly(0.99),
                        Constraints.range("precipitation", 0, 500),
                        Constraints.range("temp_max", -40, 50),
                        Constraints.range("temp_min", -50, 40),
                        Constraints.range("wind", 0, 60))
                .build();
        return Gate.named("seattle-training-data",
                slice -> gate.evaluate(data.observations(slice.location(), slice.from(), slice.to())));
    }

    // ---- 2. champion ---------------------------------------------------------------------------------------------

    RegisteredModel trainChampion(DataSlice slice, StageContext context) {
        clock.advanceTo(midnight(SERVE_FROM));
        List<Example> training = data.examples(SEATTLE, d -> inTraining(d) && !isHoldoutWeek(d));
        RegisteredModel model = trainAndRegister("champion", training, context);
        out.printf("[1/6] Trained %s on %d Seattle days (DJL MLP, %d hidden units)%n", model.ref(),
                model.trainingRows(), RainModel.HIDDEN);
        return model;
    }

    GatedModel evaluateChampion(RegisteredModel model, StageContext context) {
        clock.advanceTo(midnight(SERVE_FROM));
        List<Example> holdout = data.examples(SEATTLE, d -> inTraining(d) && isHoldoutWeek(d));
        double[] p = probabilities(model, holdout, "eval-champion");
        Evaluation evaluation = evaluator().evaluate(BinaryData.of(RainFeatures.labels(holdout), p));
        lifecycle.reports().recordEvaluation("champion", model.ref(), "seattle-holdout", evaluation);
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
        ModelGate gate = lifecycle.modelGate().name("first-champion")
                .metric("auc").atLeast(MIN_SEATTLE_AUC)
                .build();
        return Gate.named("first-champion", gated -> gate.evaluate(ModelComparison.fromJson(gated.comparisonJson())));
    }

    ServingHandOff promoteChampion(GatedModel gated, StageContext context) {
        clock.advanceTo(midnight(SERVE_FROM));
        Verdict verdict = championGate().evaluate(gated);
        RegisteredModel model = gated.model();
        Integer current = lifecycle.registry().aliases(model.model()).get("champion");
        if (current == null || current != model.version()) {
            lifecycle.registry().moveAlias(AliasMoveRequest.of(model.model(), "champion", model.version())
                    .withVerdict(verdict, model.ref()));
        }
        out.printf("[1/6] %s passed the model gate (%s) and is the champion%n", model.ref(), verdict.outcome());
        return new ServingHandOff(SERVE_FROM, model.ref(), Map.of());
    }

    // ---- 3. serving Seattle --------------------------------------------------------------------------------------

    ServingHandOff serveSeattle(ServingHandOff handOff, StageContext context) {
        serving.begin(context, handOff, reference());
        lifecycle.reports().recordEvent("serving", "Serving Seattle 2015 with " + handOff.champion());
        for (WeatherDay day : data.days(SEATTLE, handOff.nextDay(), SWITCH_TO_NEW_YORK.minusDays(1))) {
            context.checkCancelled();
            serving.serve(day);
            progress("[2/6] Seattle", day.date(), handOff.champion());
        }
        serving.finish(day(SEATTLE, SWITCH_TO_NEW_YORK));
        return new ServingHandOff(SWITCH_TO_NEW_YORK, handOff.champion(), serving.sloStates());
    }

    // ---- 4. New York: drift, burn, incident, retraining trigger --------------------------------------------------

    RetrainSignal serveNewYork(ServingHandOff handOff, StageContext context) {
        serving.begin(context, handOff, reference());
        lifecycle.reports().recordEvent("traffic", "Traffic switched from Seattle to New York");
        out.printf("[3/6] %s: traffic switches to New York%n", handOff.nextDay());
        AtomicReference<RetrainRequest> requested = new AtomicReference<>();
        lifecycle.retraining("rain-tomorrow-retrain", Duration.ofDays(1), RetrainConditions.allOf(
                        RetrainConditions.drift("serving-drift", () -> report(serving.latestDrift())),
                        RetrainConditions.newLabels(serving::labelledDays, MIN_NEW_YORK_DAYS)),
                t -> t.cooldown(Duration.ofDays(365)).action(request -> {
                    if (requested.compareAndSet(null, request)) {
                        lifecycle.reports().recordEvent("retrain", "Retraining requested: "
                                + String.join("; ", request.reasons()));
                    }
                }));
        for (WeatherDay day : data.days(NEW_YORK, handOff.nextDay(), SERVE_TO.minusDays(1))) {
            context.checkCancelled();
            serving.serve(day);
            progress("[3/6] New York", day.date(), handOff.champion());
            RetrainRequest request = requested.get();
            if (request != null) {
                WeatherDay next = day(NEW_YORK, day.date().plusDays(1));
                serving.finish(next);
                String reason = String.join("; ", request.reasons());
                LocalDate asked = request.at().atZone(ZoneOffset.UTC).toLocalDate();
                out.printf("[4/6] %s: retraining triggered (%s)%n", asked, reason);
                lifecycle.incidents().record(IncidentEvidence.note(INCIDENT_KEY, "Retraining triggered: " + reason)
                        .idempotent(context.runId(), context.stageName(), "retrain"));
                DriftReport drift = report(serving.latestDrift());
                List<String> drifted = drift == null ? List.of() : drift.driftedColumnNames();
                // Trained on the New York days whose labels had arrived when the trigger fired.
                return new RetrainSignal(new ServingHandOff(next.date(), handOff.champion(), serving.sloStates()),
                        handOff.nextDay(), asked.minusDays(1), drifted, request.reasons(),
                        lifecycle.incidents().all().size());
            }
        }
        throw new IllegalStateException("The retraining trigger never fired between " + handOff.nextDay()
                + " and " + SERVE_TO);
    }

    // ---- 5. challenger -------------------------------------------------------------------------------------------

    TrainedChallenger trainChallenger(RetrainSignal signal, StageContext context) {
        clock.advanceTo(midnight(signal.handOff().nextDay()));
        List<Example> training = new ArrayList<>(data.examples(NEW_YORK,
                d -> inTraining(d) && !isNewYorkHoldout(d)));
        List<Example> served = data.examples(NEW_YORK,
                d -> !d.isBefore(signal.newYorkFrom()) && !d.isAfter(signal.newYorkTo()));
        training.addAll(served);
        RegisteredModel model = trainAndRegister("challenger", training, context);
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
        clock.advanceTo(midnight(signal.handOff().nextDay()));
        List<Example> holdout = data.examples(NEW_YORK, StoryStages::isNewYorkHoldout);
        int[] labels = RainFeatures.labels(holdout);
        ModelVersion championVersion = lifecycle.registry().version(ModelRef.parse(signal.handOff().champion()));
        RegisteredModel champion = new RegisteredModel(championVersion.model(), championVersion.version(),
                "champion", 0);
        double[] championP = probabilities(champion, holdout, "eval-ny-champion");
        double[] challengerP = probabilities(challenger, holdout, "eval-ny-challenger");
        Evaluator evaluator = evaluator();
        Evaluation championEval = evaluator.evaluate(BinaryData.of(labels, championP));
        Evaluation challengerEval = evaluator.evaluate(BinaryData.of(labels, challengerP));
        lifecycle.reports().recordEvaluation("champion", champion.ref(), "new-york-holdout", championEval);
        lifecycle.reports().recordEvaluation("challenger", challenger.ref(), "new-york-holdout", challengerEval);
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
     *         paired bootstrap interval) and its ranking not clearly worse (AUC, non-inferiority margin 0.10: with
     *         one year of New York days the interval of an AUC difference is about ±0.07 wide)
     */
    Gate<Challenge> challengerGate() {
        ModelGate gate = lifecycle.modelGate().name("champion-gate")
                .metric("brier").againstChampion().superiority(0.0).confidence(0.95)
                .metric("auc").againstChampion().nonInferiority(0.10).confidence(0.95)
                .seed(42)
                .build();
        return Gate.named("champion-gate", challenge -> {
            clock.advanceTo(midnight(challenge.signal().handOff().nextDay())); // also when a resumed run decides
            return gate.evaluate(ModelComparison.fromJson(challenge.comparisonJson()));
        });
    }

    // ---- 6. canary -----------------------------------------------------------------------------------------------

    CanaryResult canary(Challenge challenge, StageContext context) {
        ServingHandOff handOff = challenge.signal().handOff();
        serving.begin(context, handOff, reference());
        String championRef = challenge.champion().ref();
        String challengerRef = challenge.challenger().ref();
        serving.addVersion(challengerRef, handOff.slos());
        ReleaseConfig config = ReleaseConfig.canary(RELEASE_ID, championRef, challengerRef)
                .steps(20, 50, 100).interval(Duration.ofDays(1)).build();
        // The runtime ticks the canary, rolls it back on a page of the candidate, journals every step (a re-run
        // continues from the journal) and, on promotion, moves the champion alias with the analyses' verdict.
        ReleaseController controller = lifecycle.releases().release(serving.service(), config)
                .movesAlias("champion")
                .listener(event -> {
                    lifecycle.reports().recordEvent("release", event.type() + ": " + event.message());
                    if (event.type() == ReleaseEventType.PROMOTED) {
                        // The story's incident is keyed by the model, the runtime's release incidents by the release.
                        lifecycle.incidents().record(IncidentEvidence.mitigated(INCIDENT_KEY, "Challenger "
                                        + challengerRef + " promoted after the canary; it now serves New York")
                                .idempotent(context.runId(), context.stageName(), "promoted"));
                    }
                })
                .open();
        lifecycle.reports().recordEvent("release", "Canary of " + challengerRef + " against " + championRef
                + " opened after the champion gate passed");
        out.printf("[5/6] %s: canary of %s (steps 20%%, 50%%, 100%%, one analysis a day)%n",
                handOff.nextDay(), challengerRef);
        LocalDate day = handOff.nextDay();
        while (!controller.state().phase().isTerminal() && day.isBefore(SERVE_TO)) {
            context.checkCancelled();
            serving.serve(day(NEW_YORK, day));
            out.printf("[5/6] %s: canary %s, candidate weight %d%%%n", day,
                    controller.state().phase(), controller.state().candidateWeight());
            day = day.plusDays(1);
        }
        serving.finish(day(NEW_YORK, day));
        if (!controller.state().phase().isTerminal()) {
            controller.abort("the story's year ended before the canary finished");
        }
        boolean promoted = controller.state().phase() == ReleasePhase.PROMOTED;
        String outcome = promoted ? "promoted" : "rolled_back";
        String nowServing = promoted ? challengerRef : championRef;
        serving.serveOnly(nowServing);
        out.printf("[5/6] %s: canary %s; %s serves New York%n", day, outcome, nowServing);
        return new CanaryResult(challenge, outcome, RELEASE_ID, new ServingHandOff(day, nowServing,
                serving.sloStates()));
    }

    // ---- 7. the rest of the year ---------------------------------------------------------------------------------

    YearServed serveRest(CanaryResult canary, StageContext context) {
        ServingHandOff handOff = canary.handOff();
        boolean promoted = "promoted".equals(canary.outcome());
        serving.begin(context, handOff, promoted ? newYorkReference() : reference());
        for (WeatherDay day : data.days(NEW_YORK, handOff.nextDay(), SERVE_TO)) {
            context.checkCancelled();
            serving.serve(day);
            progress("[5/6] New York", day.date(), handOff.champion());
        }
        serving.finish(day(NEW_YORK, SERVE_TO.plusDays(1)));
        return new YearServed(canary, new ServingHandOff(SERVE_TO.plusDays(1), handOff.champion(),
                serving.sloStates()));
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static DriftReport report(DriftEvent event) {
        return event == null ? null : event.report();
    }

    private WeatherDay day(String location, LocalDate date) {
        return data.days(location, date, date).get(0);
    }

    /** Trains and registers a model once per run and stage: a re-run stage finds the version it registered. */
    private RegisteredModel trainAndRegister(String role, List<Example> training, StageContext context) {
        String key = NewModelVersion.idempotencyKeyOf(context);
        for (ModelVersion version : lifecycle.registry().versions(ServingSimulation.MODEL)) {
            if (key.equals(version.idempotencyKey())) {
                return new RegisteredModel(version.model(), version.version(), role, training.size());
            }
        }
        DjlEngine.requireOfflinePyTorch();
        DjlTrainer trainer = DjlTrainer.builder(() -> DjlTrainer.mlp(RainModel.HIDDEN))
                .epochs(EPOCHS).batchSize(32).learningRate(0.005f).seed(7).build();
        Path dir = freshDirectory("train-" + role);
        try (TrainedDjlModel trained = trainer.train(RainFeatures.rows(training),
                RainFeatures.trainingLabels(training))) {
            trained.model().save(dir, ServingSimulation.MODEL);
            List<Double> losses = trained.epochLosses();
            ModelVersion version = lifecycle.registry().register(NewModelVersion.of(ServingSimulation.MODEL)
                    .parameter(DjlArtifacts.WIDTH_PARAMETER, Integer.toString(trained.width()))
                    .parameter(DjlArtifacts.NAME_PARAMETER, ServingSimulation.MODEL)
                    .parameter(DjlArtifacts.ENGINE_PARAMETER, DjlEngine.ENGINE_NAME)
                    .parameter("epochs", Integer.toString(EPOCHS))
                    .parameter("hidden", Integer.toString(RainModel.HIDDEN))
                    .metric("train_loss", losses.get(losses.size() - 1))
                    .metric("training_rows", training.size())
                    .lineage(LineageRef.dataset("weather.csv"))
                    .producedBy(context)
                    .directory(dir)
                    .build());
            return new RegisteredModel(version.model(), version.version(), role, training.size());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the trained model into " + dir, e);
        }
    }

    private double[] probabilities(RegisteredModel model, List<Example> examples, String purpose) {
        try (RainModel loaded = loadModel(model.ref(), purpose)) {
            return loaded.probabilities(examples);
        }
    }

    private RainModel loadModel(String ref, String purpose) {
        return RainModel.load(lifecycle.registry(), ModelRef.parse(ref), freshDirectory(purpose));
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

    private void progress(String label, LocalDate day, String version) {
        if (day.getDayOfMonth() == 1 || day.getDayOfMonth() == 15) {
            var accuracy = serving.accuracy(version).budget();
            out.printf("%s %s: accuracy SLO %.0f%% of days right over 28 days, budget %.0f%% left%n", label, day,
                    100 * accuracy.sli(), 100 * accuracy.remainingFraction());
        }
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
