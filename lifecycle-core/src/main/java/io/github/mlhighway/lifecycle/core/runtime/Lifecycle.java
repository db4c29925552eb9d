package io.github.mlhighway.lifecycle.core.runtime;

import io.github.mlhighway.lifecycle.core.data.quality.DataGate;
import io.github.mlhighway.lifecycle.core.evaluation.gate.ModelGate;
import io.github.mlhighway.lifecycle.core.incident.IncidentManager;
import io.github.mlhighway.lifecycle.core.micrometer.RuntimeMeters;
import io.github.mlhighway.lifecycle.core.pipeline.Pipeline;
import io.github.mlhighway.lifecycle.core.pipeline.PipelineRunner;
import io.github.mlhighway.lifecycle.core.pipeline.RunResult;
import io.github.mlhighway.lifecycle.core.pipeline.Sleeper;
import io.github.mlhighway.lifecycle.core.policy.ErrorBudgetPolicy;
import io.github.mlhighway.lifecycle.core.registry.ModelRegistries;
import io.github.mlhighway.lifecycle.core.release.fleet.CountPublisher;
import io.github.mlhighway.lifecycle.core.release.fleet.ReplicaId;
import io.github.mlhighway.lifecycle.core.report.ReportRecorder;
import io.github.mlhighway.lifecycle.core.condition.Condition;
import io.github.mlhighway.lifecycle.core.incident.IncidentPolicy;
import io.github.mlhighway.lifecycle.core.retrain.RetrainTrigger;
import io.github.mlhighway.lifecycle.core.serving.GuardedModel;
import io.github.mlhighway.lifecycle.core.serving.GuardedModelBuilder;
import io.github.mlhighway.lifecycle.core.serving.ServingHost;
import io.github.mlhighway.lifecycle.core.slo.SloRegistry;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.core.store.ArtifactRepository;
import io.github.mlhighway.lifecycle.core.store.ArtifactStore;
import io.github.mlhighway.lifecycle.core.store.StoreWithArtifacts;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.core.store.DirectoryStore;
import io.github.mlhighway.lifecycle.core.time.SimulatedClock;
import io.github.mlhighway.lifecycle.incident.IncidentListener;
import io.github.mlhighway.lifecycle.pipeline.PipelineListener;
import io.github.mlhighway.lifecycle.registry.ModelRegistry;
import io.github.mlhighway.lifecycle.release.ReleaseListener;
import io.github.mlhighway.lifecycle.slo.Slo;
import io.github.mlhighway.lifecycle.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime a host application builds once: it owns the clock, the store, the scheduler that ticks every window,
 * and every registry, and hands out everything else already wired, so a clock or a store is never passed twice.
 *
 * <pre>{@code
 * try (Lifecycle lifecycle = Lifecycle.builder()
 *         .clock(clock)                              // Clock.systemUTC() by default, a SimulatedClock in replays
 *         .store(dataDirectory)                      // directory store and artifacts on the runtime's clock
 *         .build()) {
 *     lifecycle.start();                             // one scheduler ticks SLOs, models, releases, incidents
 *     SloTracker availability = lifecycle.slo(Slo.ratio("checkout.availability").objective(0.999).build());
 *     GuardedModel<double[], Double> rain = lifecycle.<double[], Double>serving("rain")
 *         .version("rain@1", champion)
 *         .build();
 *     Double forecast = rain.predict("request-1", "user-7", features);   // routed, measured, guarded
 * }
 * }</pre>
 *
 * <h2>The loop, closed by default</h2>
 * Every {@link #tick()} (driven by {@link #start()} in production, by a {@link SimulatedClock} in replays and tests):
 * <ol>
 * <li>ticks the SLO registry, then every guarded model made by {@link #serving(String)};</li>
 * <li>ticks the count publishers made by {@link #publishCounts}: each writes its replica's report when due, so
 * a release of this runtime reading the fleet's sums sees this replica's newest counts;</li>
 * <li>ticks every release opened through {@link #releases()}: a page alert on the candidate rolls it back on the
 * same tick, a promotion moves the alias with the analyses' verdict, the error-budget policy ({@link #policy})
 * freezes promotions; for a release served by a fleet ({@link Releases.Builder#fleet()}) it takes or renews the
 * release's lease, drives the release while this replica leads, and keeps the replica's traffic plan on the
 * journal;</li>
 * <li>every {@link Builder#incidentInterval incident interval}, lets the {@link IncidentManager} look at the alerts of
 * every SLO but the release cohorts' (a page opens an incident);</li>
 * <li>evaluates the retraining triggers made by {@link #retraining} at their own intervals (the host's action runs
 * when one fires);</li>
 * <li>every {@link Builder#reportInterval report interval}, records every SLO's budget in the report series.</li>
 * </ol>
 * Each part can be switched off in the {@link Builder}. A part that throws does not stop the others: under
 * {@link #start()} the failure is logged; a direct {@link #tick()} throws a {@link LifecycleTickException} after the
 * other parts ran.
 *
 * <p>Thread-safe. {@link #close()} stops the scheduler, saves every SLO's state to the store (restored by the next
 * runtime's {@link #slo(Slo)} and {@link #start()}), and closes the models it made.
 *
 * @since 0.1
 */
public final class Lifecycle implements AutoCloseable {

    /** How often {@link #start()} ticks the runtime by default. */
    public static final Duration DEFAULT_TICK_INTERVAL = Duration.ofSeconds(1);
    /** How often SLO alerts are handed to the incident manager by default. */
    public static final Duration DEFAULT_INCIDENT_INTERVAL = Duration.ofMinutes(1);
    /** How often SLO budgets are recorded for the report by default. */
    public static final Duration DEFAULT_REPORT_INTERVAL = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

    private final Clock clock;
    private final LongSupplier nanoTime;
    private final Store store;
    private final boolean ownsStore;
    private final ArtifactRepository artifacts;
    private final SloRegistry slos;
    private final ModelRegistry registry;
    private final PipelineRunner pipelines;
    private final IncidentManager incidents;
    private final ReportRecorder reports;
    private final Releases releases;
    private final List<ReleaseListener> releaseListeners;
    private final Duration tickInterval;
    private final String replicaId;
    private final @Nullable ScheduledExecutorService givenScheduler;
    private final List<Participant> participants = new CopyOnWriteArrayList<>();
    private final List<GuardedModel<?, ?>> models = new CopyOnWriteArrayList<>();
    private final List<CountPublisher> publishers = new CopyOnWriteArrayList<>();
    private final ServingHost servingHost;
    private final Map<String, String> incidentKeys = new ConcurrentHashMap<>();
    private volatile @Nullable ErrorBudgetPolicy policy;
    private @Nullable ScheduledExecutorService ownedScheduler;
    private @Nullable ScheduledFuture<?> ticking;
    private boolean closed;

    private Lifecycle(Builder b) {
        this.clock = b.clock;
        this.nanoTime = b.nanoTime != null ? b.nanoTime
                : b.clock instanceof SimulatedClock simulated ? simulated.nanoTime() : System::nanoTime;
        this.store = b.store != null ? b.store : Stores.inMemory(clock);
        this.ownsStore = b.storeLocation != null;
        this.artifacts = b.artifacts != null ? b.artifacts : defaultArtifacts(store, b);
        this.slos = SloRegistry.create(clock);
        this.registry = ModelRegistries.on(store, artifacts, clock);
        PipelineRunner.Builder runner = PipelineRunner.builder(store).clock(clock).slos(slos);
        if (clock instanceof SimulatedClock simulated) {
            runner.sleeper(simulatedSleeper(simulated));
        }
        b.pipelineListeners.forEach(runner::listener);
        this.pipelines = runner.build();
        IncidentManager.Builder incidentBuilder = IncidentManager.builder(store, clock)
                .keyBySlo(slo -> incidentKeys.getOrDefault(slo, slo));
        b.incidentListeners.forEach(incidentBuilder::listener);
        this.incidents = incidentBuilder.build();
        this.reports = ReportRecorder.create(store, clock);
        this.releaseListeners = List.copyOf(b.releaseListeners);
        this.tickInterval = b.tickInterval;
        this.replicaId = b.replicaId != null ? b.replicaId
                : "replica-" + ProcessHandle.current().pid() + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        this.givenScheduler = b.scheduler;
        this.releases = new Releases(this);
        this.servingHost = new Host();
        participants.add(Participant.always("slos", slos::tick));
        participants.add(Participant.always("models", () -> models.forEach(GuardedModel::tick)));
        participants.add(Participant.always("counts", this::tickPublishers)); // reported before releases analyse
        participants.add(Participant.always("releases", releases::tick));
        if (b.incidentsFromAlerts) {
            participants.add(new Participant("incidents", b.incidentInterval, () -> {
                incidents.observe(observedTrackers().toArray(SloTracker[]::new));
                return true;
            }));
        } else {
            participants.add(new Participant("incidents", b.incidentInterval, () -> {
                incidents.closeRecovered();
                return true;
            }));
        }
        if (b.meterRegistry != null) {
            RuntimeMeters meters = RuntimeMeters.of(slos, b.meterRegistry);
            participants.add(Participant.always("meters", meters::bindNew));
        }
        if (b.reportInterval != null) {
            participants.add(new Participant("report", b.reportInterval, () -> {
                reports.recordSlos(observedTrackers());
                return true;
            }));
        }
    }

    /**
     * A builder; every setting has a default (system UTC clock, an own scheduler, and an in-memory store whose
     * artifacts go to a temporary directory: give a store directory for anything that must survive the process).
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the clock everything in this runtime reads */
    public Clock clock() {
        return clock;
    }

    /**
     * This runtime's name in a fleet of JVMs sharing one store: the holder written into the leases of the releases
     * it drives ({@link Releases.Builder#fleet()}). Set it with {@link Builder#replicaId(String)} (e.g. the pod
     * name); by default it is made of the process id and a random part, so a restarted process is a new replica.
     *
     * @return the replica id
     */
    public String replicaId() {
        return replicaId;
    }

    /** @return the monotonic nano-time source latencies are measured with */
    public LongSupplier nanoTime() {
        return nanoTime;
    }

    /** @return where runs, registry, SLO state, release journals, incidents and report series live */
    public Store store() {
        return store;
    }

    /** @return where model artifacts live */
    public ArtifactRepository artifacts() {
        return artifacts;
    }

    /** @return the SLO registry; trackers registered here are ticked, watched for incidents and reported */
    public SloRegistry slos() {
        return slos;
    }

    /**
     * Registers an SLO (restoring its state saved by an earlier runtime on the same store, if any).
     *
     * @param slo the SLO
     * @return its tracker
     * @throws IllegalArgumentException if an SLO of that name is registered
     */
    public SloTracker slo(Slo slo) {
        SloTracker tracker = slos.register(slo);
        slos.restoreFrom(store, slo.name());
        return tracker;
    }

    /** @return the model registry, on the runtime's store and clock */
    public ModelRegistry registry() {
        return registry;
    }

    /** @return the pipeline runner, on the runtime's store and clock */
    public PipelineRunner pipelines() {
        return pipelines;
    }

    /**
     * Runs (or resumes) a pipeline on the runtime's store and clock.
     *
     * @param pipeline the pipeline
     * @param runId    the run's id; running the same id again resumes it
     * @param input    the run's input
     * @param <I>      input type
     * @param <O>      output type
     * @return the result
     */
    public <I, O> RunResult<O> run(Pipeline<I, O> pipeline, String runId, I input) {
        return pipelines.run(pipeline, runId, input);
    }

    /** @return the incident manager, on the runtime's store and clock */
    public IncidentManager incidents() {
        return incidents;
    }

    /** @return the report recorder, on the runtime's store and clock */
    public ReportRecorder reports() {
        return reports;
    }

    /** @return releases made from this runtime (wired to its store, clock, policy, incidents and registry) */
    public Releases releases() {
        return releases;
    }

    /**
     * A guarded model bound to this runtime: its trackers go to {@link #slos()}, it reads the runtime's clock and
     * nano-time source, and the runtime ticks and closes it.
     *
     * @param name the model's name
     * @param <I>  input type
     * @param <O>  output type
     * @return the builder
     */
    public <I, O> GuardedModelBuilder<I, O> serving(String name) {
        return GuardedModel.<I, O>builder(name).host(servingHost);
    }

    /**
     * As {@link #serving(String)}, with the input and output types spelled out instead of a type witness:
     * {@code lifecycle.serving("rain", Features.class, Double.class)}.
     *
     * @param name   the model's name
     * @param input  the input type
     * @param output the output type
     * @param <I>    input type
     * @param <O>    output type
     * @return the builder
     */
    public <I, O> GuardedModelBuilder<I, O> serving(String name, Class<I> input, Class<O> output) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        return serving(name);
    }

    /**
     * A data gate whose verdicts are stamped by the runtime's clock.
     *
     * @param name the gate's name
     * @return the builder
     */
    public DataGate.Builder dataGate(String name) {
        return DataGate.builder(name).clock(clock);
    }

    /**
     * A model gate whose verdicts are stamped by the runtime's clock.
     *
     * @return the builder
     */
    public ModelGate.Builder modelGate() {
        return ModelGate.builder().clock(clock);
    }

    /**
     * Installs the error-budget policy that every release asks before a promotion (a blocking decision freezes
     * the release, a blocking ROLLBACK rolls it back).
     *
     * @param name  the policy's name
     * @param rules adds the rules, e.g. {@code p -> p.watch(availability).rule("exhausted",
     *              BudgetCondition.exhausted(), Action.FREEZE_RELEASES)}
     * @return the installed policy
     */
    public ErrorBudgetPolicy policy(String name, UnaryOperator<ErrorBudgetPolicy.Builder> rules) {
        ErrorBudgetPolicy built = Objects.requireNonNull(rules, "rules")
                .apply(ErrorBudgetPolicy.builder(name, clock)).build();
        this.policy = built;
        return built;
    }

    /**
     * Installs the SRE Workbook's error-budget policy over the given SLOs: an exhausted budget freezes releases,
     * except changes labelled {@code security} or {@code P0}.
     *
     * @param watched the SLOs whose budgets decide
     * @return the installed policy
     */
    public ErrorBudgetPolicy sreWorkbookPolicy(SloTracker... watched) {
        ErrorBudgetPolicy built = ErrorBudgetPolicy.sreWorkbook(clock, watched);
        this.policy = built;
        return built;
    }

    /** @return the installed error-budget policy, if any */
    public Optional<ErrorBudgetPolicy> policy() {
        return Optional.ofNullable(policy);
    }

    /**
     * A retraining trigger evaluated by the runtime at a fixed interval on its clock; the host's action (set in
     * {@code settings}) runs when it fires.
     *
     * @param name      the trigger's name
     * @param every     how often to evaluate it (e.g. daily)
     * @param condition when to retrain (see {@code Conditions} and {@code RetrainConditions}); an inconclusive
     *                  result does not hold
     * @param settings  the rest, e.g. {@code t -> t.consecutive(2).cooldown(Duration.ofDays(7)).action(retrain)}
     * @return the trigger
     */
    public RetrainTrigger retraining(String name, Duration every, Condition condition,
                                     UnaryOperator<RetrainTrigger.Builder> settings) {
        requirePositive(every, "retraining interval");
        RetrainTrigger trigger = Objects.requireNonNull(settings, "settings")
                .apply(RetrainTrigger.builder(name, clock, condition)).build();
        participants.add(new Participant("retraining " + name, every, () -> {
            trigger.evaluate();
            return true;
        }, trigger));
        return trigger;
    }

    /**
     * Publishes this JVM's per-cohort counts of a model for a release to the runtime's store, as replica
     * {@code replica} with a fresh incarnation: the runtime ticks it before its releases (a report every
     * {@code every} on its clock, the first on the next tick) and {@link #close()} writes its final report; close
     * the publisher to stop earlier. The release controller of the fleet
     * (in this JVM or another) reads the sum with {@code releases().release(model, config).fleetCounts(settings)}.
     *
     * @param model     the model whose cohorts are counted
     * @param releaseId the release the counts are for
     * @param replica   this replica's stable name (a host or pod name)
     * @param every     how often to report
     * @return the publisher
     */
    public CountPublisher publishCounts(GuardedModel<?, ?> model, String releaseId, String replica, Duration every) {
        return publishCounts(model, releaseId, ReplicaId.fresh(replica), every);
    }

    /**
     * As {@link #publishCounts(GuardedModel, String, String, Duration)}, with the incarnation chosen by the host.
     *
     * @param model     the model whose cohorts are counted
     * @param releaseId the release the counts are for
     * @param replica   who reports; the incarnation must be new for every process
     * @param every     how often to report
     * @return the publisher
     */
    public CountPublisher publishCounts(GuardedModel<?, ?> model, String releaseId, ReplicaId replica,
                                       Duration every) {
        CountPublisher publisher = CountPublisher.of(store, releaseId, replica, model, clock, every);
        publishers.add(publisher);
        return publisher;
    }

    /** Ticks every count publisher (each writes when due), dropping closed ones; a failing one does not stop others. */
    private void tickPublishers() {
        List<RuntimeException> failures = new ArrayList<>();
        for (CountPublisher publisher : publishers) {
            try {
                if (!publisher.tick()) {
                    publishers.remove(publisher);
                }
            } catch (RuntimeException e) {
                failures.add(new IllegalStateException(publisher + ": " + e.getMessage(), e));
            }
        }
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }

    /**
     * An incident policy (declared open and close rules) evaluated by the runtime at a fixed interval on its clock;
     * every open and close is journaled in the incident with the conditions' evidence.
     *
     * @param policy the policy
     * @param every  how often to evaluate it (its {@code consecutive} counts are in evaluations of this interval)
     * @return the policy
     */
    public IncidentPolicy incidentPolicy(IncidentPolicy policy, Duration every) {
        Objects.requireNonNull(policy, "policy");
        requirePositive(every, "incident policy interval");
        participants.add(new Participant("incident policy " + policy.name(), every, () -> {
            incidents.evaluate(policy);
            return true;
        }, policy));
        return policy;
    }

    /**
     * Stops evaluating a retraining trigger or an incident policy that {@link #retraining} or
     * {@link #incidentPolicy} added (e.g. when a stage that watched for a retrain is over). Its state stays as it
     * is: an incident the policy opened stays open, the trigger's decisions stay readable.
     *
     * @param triggerOrPolicy the object those methods returned
     * @return whether it was being evaluated
     */
    public boolean stopEvaluating(Object triggerOrPolicy) {
        Objects.requireNonNull(triggerOrPolicy, "triggerOrPolicy");
        return participants.removeIf(participant -> participant.isFor(triggerOrPolicy));
    }

    /**
     * Ticks every part of the runtime once (see the class comment for the order). Every part runs even when an
     * earlier one throws.
     *
     * @throws LifecycleTickException after all parts ran, when any of them threw
     */
    public void tick() {
        Instant now = clock.instant();
        List<RuntimeException> failures = new ArrayList<>();
        List<Participant> finished = new ArrayList<>();
        for (Participant participant : participants) {
            try {
                if (!participant.tick(now)) {
                    finished.add(participant);
                }
            } catch (RuntimeException e) {
                failures.add(new IllegalStateException(participant.name() + ": " + e.getMessage(), e));
            }
        }
        participants.removeAll(finished);
        if (!failures.isEmpty()) {
            throw new LifecycleTickException(now, failures);
        }
    }

    /**
     * Starts ticking from the scheduler (the given one, or a daemon thread of the runtime's own) every tick
     * interval, after restoring the saved state of the SLOs registered so far. A failing tick is logged; the next
     * one runs.
     *
     * @throws IllegalStateException when already started or closed
     */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("This Lifecycle is closed");
        }
        if (ticking != null) {
            throw new IllegalStateException("This Lifecycle is already started");
        }
        slos.restoreFrom(store);
        ScheduledExecutorService scheduler = givenScheduler;
        if (scheduler == null) {
            ownedScheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "lifecycle-ticker");
                thread.setDaemon(true);
                return thread;
            });
            scheduler = ownedScheduler;
        }
        long millis = tickInterval.toMillis();
        ticking = scheduler.scheduleWithFixedDelay(this::tickLogged, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Stops ticking, saves every SLO's state to the store, and closes the models this runtime made (and the store,
     * when the runtime opened it from a location). Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (ticking != null) {
            ticking.cancel(false);
        }
        if (ownedScheduler != null) {
            ownedScheduler.shutdownNow();
        }
        try {
            releases.close(); // gives up the fleet leases this replica holds, so another takes over at once
        } catch (RuntimeException e) {
            LOG.warn("Giving up the fleet release leases failed", e);
        }
        try {
            slos.tick();
            slos.saveTo(store);
        } catch (RuntimeException e) {
            LOG.error("Could not save the SLO state on close", e);
        }
        for (CountPublisher publisher : publishers) {
            try {
                publisher.close(); // the final report: the fleet knows this replica left
            } catch (RuntimeException e) {
                LOG.warn("The final count report of {} failed", publisher, e);
            }
        }
        for (GuardedModel<?, ?> model : models) {
            try {
                model.close();
            } catch (RuntimeException e) {
                LOG.warn("Closing model '{}' failed", model.name(), e);
            }
        }
        if (ownsStore) {
            try {
                store.close();
            } catch (RuntimeException e) {
                LOG.warn("Closing store {} failed", store, e);
            }
        }
    }

    List<ReleaseListener> releaseListeners() {
        return releaseListeners;
    }

    /** Alerts of this SLO open (or join) the incident with this key from now on (a release's candidate SLOs). */
    void routeIncidents(String sloName, String incidentKey) {
        incidentKeys.put(sloName, incidentKey);
    }

    /** The trackers watched for incidents and reported: all but the release cohorts' (which duplicate versions'). */
    List<SloTracker> observedTrackers() {
        Set<String> cohorts = new HashSet<>();
        models.forEach(model -> cohorts.addAll(model.cohortSloNames()));
        List<SloTracker> observed = new ArrayList<>();
        for (SloTracker tracker : slos.trackers()) {
            if (!cohorts.contains(tracker.slo().name())) {
                observed.add(tracker);
            }
        }
        return observed;
    }

    private void tickLogged() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.error("Lifecycle tick failed", e);
        }
    }

    private static ArtifactRepository defaultArtifacts(Store store, Builder b) {
        if (store instanceof DirectoryStore directory) {
            return ArtifactStore.under(directory.root());
        }
        if (store instanceof StoreWithArtifacts withArtifacts) {
            return withArtifacts.artifacts();
        }
        if (b.store != null) {
            throw new IllegalArgumentException("A store that is not a directory store needs an artifact store too: "
                    + "call artifacts(ArtifactRepository) on the Lifecycle builder");
        }
        try {
            Path temporary = Files.createTempDirectory("lifecycle-artifacts-");
            temporary.toFile().deleteOnExit();
            return ArtifactStore.under(temporary);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary artifact directory for the in-memory store", e);
        }
    }

    private static Sleeper simulatedSleeper(SimulatedClock clock) {
        return new Sleeper() {
            @Override
            public void sleep(Duration duration) {
                clock.advance(duration);
            }

            @Override
            public String toString() {
                return "Sleeper[advances " + clock + "]";
            }
        };
    }

    private static Duration requirePositive(Duration value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("The " + what + " must be positive, was " + value);
        }
        return value;
    }

    /** Lets models built from {@link #serving(String)} join this runtime. */
    private final class Host implements ServingHost {
        @Override
        public Clock clock() {
            return clock;
        }

        @Override
        public LongSupplier nanoTime() {
            return nanoTime;
        }

        @Override
        public SloRegistry slos() {
            return slos;
        }

        @Override
        public void adopt(GuardedModel<?, ?> model) {
            models.add(model);
        }
    }

    /** Builds a {@link Lifecycle}; each method checks its argument at once. Not thread-safe. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private @Nullable LongSupplier nanoTime;
        private @Nullable Store store;
        private @Nullable Path storeRoot;
        private @Nullable String storeLocation;
        private @Nullable ArtifactRepository artifacts;
        private @Nullable ScheduledExecutorService scheduler;
        private Duration tickInterval = DEFAULT_TICK_INTERVAL;
        private @Nullable String replicaId;
        private Duration incidentInterval = DEFAULT_INCIDENT_INTERVAL;
        private @Nullable Duration reportInterval = DEFAULT_REPORT_INTERVAL;
        private boolean incidentsFromAlerts = true;
        private @Nullable Object meterRegistry;
        private final List<ReleaseListener> releaseListeners = new ArrayList<>();
        private final List<IncidentListener> incidentListeners = new ArrayList<>();
        private final List<PipelineListener> pipelineListeners = new ArrayList<>();

        private Builder() {
        }

        /**
         * The clock everything reads: {@code Clock.systemUTC()} (the default) in production, a
         * {@link SimulatedClock} (or the test kit's {@code TestClock}) in replays and tests. With a simulated clock
         * the nano-time source follows it and pipeline retries advance it instead of sleeping.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * The monotonic nano-time source (default {@code System::nanoTime}, or the simulated clock's).
         *
         * @param value the source
         * @return this builder
         */
        public Builder nanoTime(LongSupplier value) {
            this.nanoTime = Objects.requireNonNull(value, "nanoTime");
            return this;
        }

        /**
         * A store directory (created if absent): documents and artifacts, on the runtime's clock.
         *
         * @param root the directory
         * @return this builder
         */
        public Builder store(Path root) {
            this.storeRoot = Objects.requireNonNull(root, "root");
            this.storeLocation = null;
            this.store = null;
            return this;
        }

        /**
         * Any store (default: in memory). A store that is not a {@link DirectoryStore} also needs
         * {@link #artifacts(ArtifactRepository)}.
         *
         * @param value the store
         * @return this builder
         */
        public Builder store(Store value) {
            this.store = Objects.requireNonNull(value, "store");
            this.storeRoot = null;
            this.storeLocation = null;
            return this;
        }

        /**
         * A store named by a location, opened by {@link Stores#open(String, Clock)} when the runtime is built and
         * closed with it: a directory path, or a URL such as {@code jdbc:postgresql://host:5432/db} (needs
         * {@code lifecycle-jdbc} on the class path). Documents and artifacts both live there.
         *
         * @param location a directory or a store URL
         * @return this builder
         */
        public Builder store(String location) {
            this.storeLocation = Objects.requireNonNull(location, "location");
            this.storeRoot = null;
            this.store = null;
            return this;
        }

        /**
         * Where model artifacts go (default: the directory store's artifact area).
         *
         * @param value the artifact store
         * @return this builder
         */
        public Builder artifacts(ArtifactRepository value) {
            this.artifacts = Objects.requireNonNull(value, "artifacts");
            return this;
        }

        /**
         * The scheduler {@link #start()} ticks on (owned by the caller; default: a daemon thread of the runtime's
         * own, stopped by {@link #close()}).
         *
         * @param value the scheduler
         * @return this builder
         */
        public Builder scheduler(ScheduledExecutorService value) {
            this.scheduler = Objects.requireNonNull(value, "scheduler");
            return this;
        }

        /**
         * This runtime's name in a fleet of JVMs sharing one store (see {@link Lifecycle#replicaId()}): unique in
         * the fleet, e.g. the pod or host name.
         *
         * @param value 1 to 128 characters, not blank
         * @return this builder
         */
        public Builder replicaId(String value) {
            Objects.requireNonNull(value, "replicaId");
            if (value.isBlank() || value.length() > 128) {
                throw new IllegalArgumentException("A replica id is 1 to 128 characters and not blank, was '" + value
                        + "'");
            }
            this.replicaId = value;
            return this;
        }

        /**
         * How often {@link #start()} ticks (default {@link #DEFAULT_TICK_INTERVAL}).
         *
         * @param value a positive interval
         * @return this builder
         */
        public Builder tickInterval(Duration value) {
            this.tickInterval = requirePositive(value, "tick interval");
            return this;
        }

        /**
         * How often SLO alerts are handed to the incident manager (default {@link #DEFAULT_INCIDENT_INTERVAL}).
         *
         * @param value a positive interval
         * @return this builder
         */
        public Builder incidentInterval(Duration value) {
            this.incidentInterval = requirePositive(value, "incident interval");
            return this;
        }

        /**
         * Whether page alerts of the runtime's SLOs open incidents (default true).
         *
         * @param enabled false to open incidents only from releases and explicit evidence
         * @return this builder
         */
        public Builder incidentsFromAlerts(boolean enabled) {
            this.incidentsFromAlerts = enabled;
            return this;
        }

        /**
         * How often every SLO's budget is recorded for the report (default {@link #DEFAULT_REPORT_INTERVAL}).
         *
         * @param value a positive interval
         * @return this builder
         */
        public Builder reportInterval(Duration value) {
            this.reportInterval = requirePositive(value, "report interval");
            return this;
        }

        /**
         * Records nothing for the report by itself (the host calls {@link Lifecycle#reports()}).
         *
         * @return this builder
         */
        public Builder noAutomaticReport() {
            this.reportInterval = null;
            return this;
        }

        /**
         * Exports every SLO of the runtime (present and future: per-version and per-cohort serving SLOs too)
         * through Micrometer: {@code lifecycle.slo.events}, budget, burn-rate and alert gauges (see
         * {@code SloMeters}). Needs Micrometer on the classpath; without this call the runtime never touches it.
         *
         * @param registry the meter registry
         * @return this builder
         */
        public Builder meterRegistry(io.micrometer.core.instrument.MeterRegistry registry) {
            this.meterRegistry = Objects.requireNonNull(registry, "meterRegistry");
            return this;
        }

        /**
         * Adds a listener told about every release event.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder releaseListener(ReleaseListener listener) {
            releaseListeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Adds a listener told about every incident event.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder incidentListener(IncidentListener listener) {
            incidentListeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Adds a listener told about every pipeline event.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder pipelineListener(PipelineListener listener) {
            pipelineListeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Builds the runtime (not started: call {@link Lifecycle#start()}, or drive it from a simulated clock).
         *
         * @return the runtime
         */
        public Lifecycle build() {
            if (storeRoot != null) {
                store = Stores.directory(storeRoot, clock);
            } else if (storeLocation != null) {
                store = Stores.open(storeLocation, clock);
            }
            return new Lifecycle(this);
        }
    }
}
