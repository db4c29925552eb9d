package io.github.mlhighway.lifecycle.core.serving;

import io.github.mlhighway.lifecycle.core.slo.SloRegistry;
import io.github.mlhighway.lifecycle.release.Assignment;
import io.github.mlhighway.lifecycle.release.CohortStats;
import io.github.mlhighway.lifecycle.release.CohortStatsSource;
import io.github.mlhighway.lifecycle.release.TrafficPlan;
import io.github.mlhighway.lifecycle.serving.BulkheadFullException;
import io.github.mlhighway.lifecycle.serving.GuardedPredictor;
import io.github.mlhighway.lifecycle.serving.LabelStats;
import io.github.mlhighway.lifecycle.serving.PredictionTimeoutException;
import io.github.mlhighway.lifecycle.serving.ShadowStats;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Model versions behind guards: each call is routed by the current {@link TrafficPlan}, recorded on availability
 * and latency SLOs of its version and cohort, bounded by a bulkhead and an optional timeout, and answered by the
 * fallback when the version fails. Optionally mirrors traffic to a shadow version, joins delayed labels into a
 * quality SLO, and profiles serving data for drift. Thread-safe.
 *
 * <h2>The serving path</h2>
 * Without shadow, labels and drift, a call hashes the routing key ({@link RoutingKeys}, allocation-free), reads
 * the set of versions and the plan (two volatile reads), looks up the assignment's precomputed route (a
 * {@link ConcurrentHashMap} get), CASes the bulkhead counter, reads the nano-time source twice and adds to four
 * striped counters: no lock and no allocation (measured by {@code GuardedModelBenchmark}). A timeout submits to the
 * executor (a task per call, which holds its bulkhead slot until the model returns, even after the caller gave up);
 * a shadow samples first and builds and submits a task only for the sampled calls; labels store the answer per
 * call; drift builds a row per call. A model that throws anything (an {@link Error} too) is recorded as bad before
 * the fallback answers; a {@link VirtualMachineError} is rethrown after it is recorded.
 *
 * <h2>SLOs</h2>
 * Each version and each cohort gets trackers made from the builder's templates (see {@link GuardedModelBuilder});
 * read a version's with {@link #versionTrackers(String)}. A fallback answer is stored for its label like any other:
 * the label counts for the cohort that served the request (what its users got) and in
 * {@link LabelStats#fallbackJoined()}, not in the version's accuracy SLO, which judges the version's own answers.
 *
 * <h2>Versions at run time</h2>
 * {@link #addVersion} and {@link #removeVersion} change the served versions while calls run: each publishes a new
 * immutable set of versions with an empty route cache, so routes are rebuilt for it (a route cached while a version
 * was unknown is not kept) and the serving path stays lock-free. Add a version before the plan routes to it; remove
 * it after the plan stopped (removal is refused while the plan routes to it or mirrors it).
 *
 * <h2>Time</h2>
 * SLO windows, label expiry, drift windows and the shadow timeout follow the injected clock; {@link #tick()} moves
 * the drift windows, cleans expired predictions and records expired shadow calls (so do the stats methods). Tick
 * from a scheduler in production, after each advance in tests. The SLO registry is ticked by its owner (see
 * {@link SloRegistry#startTicking}).
 *
 * <pre>{@code
 * Slo availability = Slo.ratio("availability").objective(0.999).rollingWindow(Duration.ofDays(28))
 *     .alerting(AlertPolicy.sreWorkbook(Duration.ofDays(28)).withMinimumEvents(200))   // no page on one bad call
 *     .build();
 * Slo latency = Slo.threshold("latency", Operator.LTE, 300.0).objective(0.99).build();  // milliseconds
 * Slo accuracy = Slo.timeslices("accuracy").atLeast(0.7).slice(Duration.ofHours(1)).objective(0.95)
 *     .rollingWindow(Duration.ofDays(7)).build();
 * GuardedModel<double[], Double> model = GuardedModel.<double[], Double>builder("rain")
 *     .version("rain@3", champion)
 *     .clock(clock)
 *     .slos(availability, latency, accuracy)           // templates, renamed per version and per cohort
 *     .maxConcurrentCalls(64)
 *     .fallback(x -> 0.0)
 *     .labels(LabelJudge.withinAbsoluteError(0.5), 100_000, Duration.ofDays(2))
 *     .build();
 * model.addVersion("rain@4", challenger);              // a release brings its candidate to the running model
 * ReleaseTrafficPlan plan = new ReleaseTrafficPlan("rain@3", "baseline");
 * model.trafficPlan(plan);                             // the release controller publishes its steps in it
 * double y = model.predict("request-1", "user-42", features);
 * model.label("request-1", 1.0);                       // a day later
 * List<AlertState> pages = model.versionTrackers("rain@4").firingPages();
 * }</pre>
 * (Kept compiling and running in {@code GuardedModelExampleTest}.)
 *
 * @param <I> input type
 * @param <O> output type
 * @since 0.1
 */
public final class GuardedModel<I, O> implements GuardedPredictor<I, O>, CohortStatsSource, AutoCloseable {

    /** The cohort whose trackers record shadow calls (for release analysis of a shadow version). */
    public static final String SHADOW_COHORT = "shadow";

    /** Key hashes {@link #removeVersion} asks the plan about: consecutive ones, then as many well-mixed ones. */
    static final int PLAN_PROBES = 10_000;

    private final String name;
    /** The versions served now and their route cache; replaced as a whole when a version is added or removed. */
    private volatile Served<I, O> served;
    /** The trackers of every version this model has served, removed ones included; written under versionLock. */
    private final ConcurrentHashMap<String, VersionSlis> versionSlis = new ConcurrentHashMap<>();
    private final Object versionLock = new Object();
    private final ConcurrentHashMap<String, CohortSlis> cohorts = new ConcurrentHashMap<>();
    private final AtomicReference<TrafficPlan> plan;
    private final ServingSlos slos;
    private final SloRegistry registry;
    private final LongSupplier nanoTime;
    private final long latencyThresholdNanos;
    private final @Nullable Bulkhead bulkhead;
    private final @Nullable Duration timeout;
    private final @Nullable ExecutorService timeoutExecutor;
    private final @Nullable Function<? super I, ? extends O> fallback;
    private final @Nullable ShadowMirror<I, O> shadow;
    private final @Nullable ExecutorService ownedShadowExecutor;
    private final @Nullable PredictionJournal<O> journal;
    private final @Nullable OnlineDrift<I, O> drift;
    private final Clock clock;
    private final Instant createdAt;

    GuardedModel(GuardedModelBuilder<I, O> b) {
        this.name = b.name;
        this.clock = b.clock;
        this.createdAt = b.clock.instant();
        this.slos = b.slos();
        this.registry = b.registry != null ? b.registry : SloRegistry.create(b.clock);
        this.nanoTime = b.nanoTime;
        this.latencyThresholdNanos = slos.latencyGoodUpToNanos();
        for (String version : b.versions.keySet()) {
            versionSlis.put(version, new VersionSlis(name, version, slos, registry));
        }
        this.served = new Served<>(b.versions);
        this.plan = new AtomicReference<>(b.plan != null ? b.plan
                : TrafficPlan.single(b.versions.keySet().iterator().next(), GuardedModelBuilder.DEFAULT_COHORT));
        this.bulkhead = b.maxConcurrentCalls > 0 ? new Bulkhead(b.maxConcurrentCalls) : null;
        this.timeout = b.timeout;
        this.timeoutExecutor = b.timeoutExecutor;
        this.fallback = b.fallback;
        if (b.shadowEnabled) {
            Executor shadowExecutor;
            if (b.shadowExecutor == null) {
                ExecutorService owned = ShadowExecutors.bounded(name, b.shadowThreads, b.shadowQueueCapacity);
                this.ownedShadowExecutor = owned;
                shadowExecutor = owned;
            } else {
                this.ownedShadowExecutor = null;
                shadowExecutor = b.shadowExecutor;
            }
            this.shadow = new ShadowMirror<>(shadowExecutor,
                    Objects.requireNonNull(b.comparator, "shadow(comparator) enables shadowing"), nanoTime,
                    latencyThresholdNanos, b.clock,
                    b.effectiveShadowTimeout(slos.latencyThreshold()).toMillis());
        } else {
            this.ownedShadowExecutor = null;
            this.shadow = null;
        }
        this.journal = b.judge == null ? null
                : new PredictionJournal<>(b.judge, b.maxStoredPredictions,
                        Objects.requireNonNull(b.labelExpiry, "labels(..) sets the judge and the expiry"), b.clock);
        this.drift = b.drift == null ? null : new OnlineDrift<>(name, b.drift, b.driftListeners, b.clock);
    }

    /**
     * A builder for a guarded model.
     *
     * @param name the model's name, used in SLO names and messages
     * @param <I>  input type
     * @param <O>  output type
     * @return the builder
     */
    public static <I, O> GuardedModelBuilder<I, O> builder(String name) {
        return new GuardedModelBuilder<>(name);
    }

    /** @return the model's name */
    public String name() {
        return name;
    }

    /**
     * Replaces the traffic plan; calls that start afterwards follow the new plan (an atomic pointer swap, which is
     * also how a release rolls back).
     *
     * @param next the plan
     */
    public void trafficPlan(TrafficPlan next) {
        plan.set(Objects.requireNonNull(next, "next"));
    }

    /** @return the current traffic plan */
    public @Nullable TrafficPlan trafficPlan() {
        return plan.get();
    }

    /**
     * Adds a version to the running model, e.g. a release's candidate, and registers its availability, latency and
     * accuracy trackers (from the same templates as the others). Calls that start afterwards can be routed to it; a
     * call the plan already sent there (answered as for an unknown version until now) finds it.
     *
     * <p>A version removed earlier can be added again: it gets its old trackers back, with their history, since the
     * SLO registry keeps them.
     *
     * @param version the version's name, e.g. {@code "rain@4"}
     * @param model   the function that answers for it
     * @throws IllegalArgumentException if the model has this version already, or one of its SLO names is taken in
     *                                  the registry by something else (e.g. {@code "rain_4"} next to {@code "rain@4"})
     */
    public void addVersion(String version, Function<I, O> model) {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(model, "model");
        synchronized (versionLock) {
            Served<I, O> current = served;
            if (current.models.containsKey(version)) {
                throw new IllegalArgumentException("Model '" + name + "' already has version '" + version
                        + "'; remove it first to replace it, or add it under a new name");
            }
            if (!versionSlis.containsKey(version)) {
                versionSlis.put(version, new VersionSlis(name, version, slos, registry));
            }
            Map<String, Function<I, O>> next = new LinkedHashMap<>(current.models);
            next.put(version, model);
            served = new Served<>(next);
        }
    }

    /**
     * Removes a version that no longer gets traffic, e.g. a rolled-back candidate or a retired champion. Calls
     * already running on it finish; calls that start afterwards are never sent to it (a plan that still routes there
     * gets what an unknown version gets: counted bad, answered by the fallback). Its trackers stay in the registry and
     * in {@link #versionTrackers(String)}, so the budget it spent remains evidence.
     *
     * @param version the version to remove
     * @throws IllegalArgumentException if the model has no such version
     * @throws IllegalStateException    if the current traffic plan routes to it or mirrors it (move its traffic
     *                                  first), or it is the model's last version
     */
    public void removeVersion(String version) {
        Objects.requireNonNull(version, "version");
        synchronized (versionLock) {
            Served<I, O> current = served;
            if (!current.models.containsKey(version)) {
                throw new IllegalArgumentException("Model '" + name + "' has no version '" + version + "'; it has "
                        + current.models.keySet());
            }
            if (current.models.size() == 1) {
                throw new IllegalStateException("Model '" + name + "': cannot remove '" + version
                        + "', its only version; add the replacement first");
            }
            TrafficPlan now = plan.get();
            String use = planUse(Objects.requireNonNull(now), version);
            if (use != null) {
                throw new IllegalStateException("Model '" + name + "': cannot remove version '" + version
                        + "' while the traffic plan " + use + " (" + now + "); publish a plan without it first");
            }
            Map<String, Function<I, O>> next = new LinkedHashMap<>(current.models);
            next.remove(version);
            served = new Served<>(next);
        }
    }

    /** @return the versions served now, in the order they were added */
    public Set<String> versions() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(served.models.keySet()));
    }

    /**
     * The SLO trackers of one version, to read its budgets and alerts (a release controller watching a candidate:
     * {@code candidateAlerts(model.versionTrackers("rain@4")::alerts)}).
     *
     * @param version a version this model serves or served before it was removed
     * @return its availability, latency and accuracy trackers
     * @throws IllegalArgumentException if the model never had this version
     */
    public VersionTrackers versionTrackers(String version) {
        Objects.requireNonNull(version, "version");
        VersionSlis slis = versionSlis.get(version);
        if (slis == null) {
            throw new IllegalArgumentException("Model '" + name + "' has no trackers for version '" + version
                    + "'; its versions are " + served.models.keySet());
        }
        return slis.view;
    }

    @Override
    public O predict(String requestId, String routingKey, I input) {
        return predict(requestId, RoutingKeys.hash(routingKey), input);
    }

    /**
     * Answers one request whose routing key was hashed already (see {@link RoutingKeys#hash}).
     *
     * @param requestId the request's id (stored for labels when they are enabled)
     * @param keyHash   the routing key's hash
     * @param input     the model input
     * @return the answer
     */
    public O predict(String requestId, long keyHash, I input) {
        // The versions are read before the plan. A release removes a version after its plan stops routing there,
        // so a call that sees the smaller set of versions sees the new plan too. It adds a version before routing
        // there, so a call that sees the new plan with an older set of versions finds it by reading both again;
        // that repeats only while other threads change the versions, and only for calls that missed.
        Served<I, O> versions = served;
        TrafficPlan current = plan.get();
        Route<I, O> route = versions.route(Objects.requireNonNull(current).assign(keyHash), this);
        while (route.model == null) {
            Served<I, O> latest = served;
            if (latest == versions) {
                route.recordRejected();
                return fail(requestId, route, input, new IllegalStateException("Model '" + name
                        + "': the traffic plan routes to version '" + route.version + "', which is not one of "
                        + versions.models.keySet()));
            }
            versions = latest;
            current = plan.get();
            route = versions.route(Objects.requireNonNull(current).assign(keyHash), this);
        }
        if (bulkhead != null && !bulkhead.tryAcquire()) {
            route.recordRejected();
            return fail(requestId, route, input, new BulkheadFullException(name, bulkhead.limit()));
        }
        long start = nanoTime.getAsLong();
        O output;
        try {
            output = timeout == null ? call(route, input) : callWithTimeout(route, input);
        } catch (Throwable e) {
            route.record(false, nanoTime.getAsLong() - start <= latencyThresholdNanos);
            if (e instanceof VirtualMachineError error) {
                throw error; // recorded; no fallback can be trusted to run now
            }
            return fail(requestId, route, input, e);
        }
        route.record(true, nanoTime.getAsLong() - start <= latencyThresholdNanos);
        if (shadow != null) {
            mirror(current, input, output);
        }
        if (journal != null) {
            journal.remember(requestId, route, output);
        }
        if (drift != null) {
            drift.offer(input, output);
        }
        return output;
    }

    @Override
    public boolean label(String requestId, Object actual) {
        if (journal == null) {
            throw new IllegalStateException("Model '" + name + "' keeps no predictions; enable labels(...) in the "
                    + "builder to join delayed labels");
        }
        Objects.requireNonNull(requestId, "requestId");
        return journal.label(requestId, actual);
    }

    @Override
    public CohortStats stats(String cohort, Duration window) {
        if (shadow != null) {
            shadow.expire(); // hung shadow calls count before anyone reads the cohorts
        }
        CohortSlis slis = cohorts.get(cohort);
        return slis == null ? new CohortStats(cohort, window, 0, 0, 0, 0, 0) : slis.stats(window);
    }

    /**
     * The cohort's counts since this model was built, read from its trackers' recorded totals: every call and
     * every joined label is in them at once, without waiting for a tick. A delayed label is counted when
     * {@link #label} joins it, in the cohort that served the prediction. The window is the time since the model
     * was built (a new model, e.g. after a restart, reports a shorter one).
     *
     * @param cohort the cohort name
     * @return the totals, all zero for a cohort that has served nothing yet
     */
    @Override
    public Optional<CohortStats> totals(String cohort) {
        if (shadow != null) {
            shadow.expire(); // hung shadow calls count before anyone reads the cohorts
        }
        Duration counting = Duration.between(createdAt, clock.instant());
        if (counting.isNegative()) {
            counting = Duration.ZERO; // a clock that went backwards: still a valid window
        }
        CohortSlis slis = cohorts.get(cohort);
        return Optional.of(slis == null ? new CohortStats(cohort, counting, 0, 0, 0, 0, 0) : slis.totals(counting));
    }

    /**
     * The shadow comparison's counts; shadow calls past the shadow timeout are counted as errors first.
     *
     * @return the counts, all zero when shadowing is not enabled
     */
    public ShadowStats shadowStats() {
        return shadow == null ? new ShadowStats(0, 0, 0, 0, 0) : shadow.stats();
    }

    /** @return the delayed labels' counts, all zero when labels are not enabled */
    public LabelStats labelStats() {
        return journal == null ? new LabelStats(0, 0, 0, 0, 0, 0) : journal.stats();
    }

    /**
     * The release cohorts this model has counted calls for so far (every cohort a plan routed to, and the shadow
     * cohort once a call was mirrored): what a {@code CountPublisher} reports.
     *
     * @return the names, a snapshot
     */
    public Set<String> cohortNames() {
        return Set.copyOf(cohorts.keySet());
    }

    /**
     * The SLO names of the per-cohort trackers made so far (for release analysis; they count the same calls as the
     * per-version trackers, so a runtime watching for incidents leaves them out).
     *
     * @return the names, a snapshot
     */
    public Set<String> cohortSloNames() {
        Set<String> names = new HashSet<>();
        for (CohortSlis slis : cohorts.values()) {
            names.add(slis.availability.slo().name());
            names.add(slis.latency.slo().name());
            names.add(slis.labelled.slo().name());
        }
        return names;
    }

    /** @return the registry holding this model's SLO trackers (per version and per cohort) */
    public SloRegistry slos() {
        return registry;
    }

    /**
     * The trackers' SLO name for one version and SLI.
     *
     * @param version the version
     * @param sli     {@code availability}, {@code latency} or {@code accuracy}
     * @return the SLO name in {@link #slos()}
     */
    public String versionSloName(String version, String sli) {
        return SloNames.version(name, version, sli);
    }

    /**
     * The trackers' SLO name for one cohort and SLI.
     *
     * @param cohort the cohort
     * @param sli    {@code availability}, {@code latency} or {@code correct}
     * @return the SLO name in {@link #slos()}
     */
    public String cohortSloName(String cohort, String sli) {
        return SloNames.cohort(name, cohort, sli);
    }

    /**
     * Calls holding a bulkhead slot: running now, including calls whose caller timed out while the model still runs.
     *
     * @return the count, when a bulkhead is configured
     */
    public Optional<Integer> callsInFlight() {
        return bulkhead == null ? Optional.empty() : Optional.of(bulkhead.inFlight());
    }

    /**
     * Closes finished drift windows (notifying listeners), drops expired predictions, and records shadow calls that
     * outlived the shadow timeout as bad and slow.
     */
    public void tick() {
        if (shadow != null) {
            shadow.expire();
        }
        if (drift != null) {
            drift.tick();
        }
        if (journal != null) {
            journal.cleanUp();
        }
    }

    /** Stops the shadow executor this model owns (a caller-provided one is left alone). */
    @Override
    public void close() {
        if (ownedShadowExecutor != null) {
            ownedShadowExecutor.shutdownNow();
        }
    }

    private Route<I, O> newRoute(Served<I, O> versions, Assignment assignment) {
        CohortSlis cohort = cohorts.computeIfAbsent(assignment.cohort(),
                c -> new CohortSlis(name, c, slos, registry));
        Function<I, O> model = versions.models.get(assignment.version());
        return new Route<>(assignment.version(), model, model == null ? null : versionSlis.get(assignment.version()),
                cohort);
    }

    /**
     * Whether the plan sends traffic to the version or mirrors it. A plan cannot list its versions, so it is asked
     * for {@value #PLAN_PROBES} consecutive key hashes from 0 (every bucket of {@code ReleaseTrafficPlan} and of
     * any plan that buckets by a remainder of up to that many) and as many well-mixed ones.
     */
    private static @Nullable String planUse(TrafficPlan current, String version) {
        if (version.equals(current.shadowVersion())) {
            return "mirrors traffic to it";
        }
        SplittableRandom mixed = new SplittableRandom(PLAN_PROBES);
        for (long i = 0; i < PLAN_PROBES; i++) {
            if (version.equals(current.assign(i).version()) || version.equals(current.assign(mixed.nextLong())
                    .version())) {
                return "routes to it";
            }
        }
        return null;
    }

    private void mirror(TrafficPlan current, I input, O output) {
        String shadowVersion = current.shadowVersion();
        double rate = current.shadowSampleRate();
        if (shadowVersion == null || rate <= 0 || !ShadowMirror.sampled(rate)) {
            return; // sampled first: calls not mirrored allocate nothing
        }
        Route<I, O> route = served.route(new Assignment(shadowVersion, SHADOW_COHORT), this);
        if (route.model != null) {
            Objects.requireNonNull(shadow).mirror(route, input, output);
        }
    }

    /** Runs the model on the caller's thread; the bulkhead slot is freed when it returns or throws. */
    private O call(Route<I, O> route, I input) {
        try {
            return route.function().apply(input);
        } finally {
            if (bulkhead != null) {
                bulkhead.release();
            }
        }
    }

    /**
     * Runs the model on the timeout executor. The bulkhead slot is freed when the model's task finishes, not when
     * the caller stops waiting: a model that ignores the interrupt keeps its slot, so hanging calls stay bounded
     * by the bulkhead. A task cancelled before it started frees the slot at once.
     */
    private O callWithTimeout(Route<I, O> route, I input) throws Throwable {
        TimedCall<I, O> call = new TimedCall<>(route.function(), input, bulkhead);
        Future<O> future;
        try {
            future = Objects.requireNonNull(timeoutExecutor).submit(call);
        } catch (RuntimeException e) {
            call.abandon();
            throw e;
        }
        try {
            return future.get(Objects.requireNonNull(timeout).toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            call.abandon();
            future.cancel(true);
            throw new PredictionTimeoutException(name, route.version, timeout);
        } catch (InterruptedException e) {
            call.abandon();
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for model '" + name + "'", e);
        } catch (CancellationException e) {
            call.abandon();
            throw e;
        } catch (ExecutionException e) {
            throw e.getCause() != null ? e.getCause() : e;
        }
    }

    /** Answers with the fallback (stored for labels, flagged as a fallback answer), or rethrows without one. */
    private O fail(String requestId, Route<I, O> route, I input, Throwable cause) {
        if (fallback == null) {
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("Model '" + name + "' failed", cause);
        }
        O answer = fallback.apply(input);
        if (journal != null) {
            journal.rememberFallback(requestId, route, answer);
        }
        return answer;
    }

    /**
     * The versions served at one moment and the routes built for them. Immutable but for the route cache, which
     * belongs to this snapshot only: adding or removing a version publishes a new snapshot with an empty cache, so
     * no route built for an older set of versions is used by a call that started after the change.
     */
    private static final class Served<I, O> {
        final Map<String, Function<I, O>> models;
        final ConcurrentHashMap<Assignment, Route<I, O>> routes = new ConcurrentHashMap<>();

        Served(Map<String, Function<I, O>> models) {
            this.models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
        }

        /** One map lookup once the assignment was seen: lock-free and allocation-free. */
        Route<I, O> route(Assignment assignment, GuardedModel<I, O> owner) {
            Route<I, O> route = routes.get(assignment);
            return route != null ? route : build(assignment, owner);
        }

        private Route<I, O> build(Assignment assignment, GuardedModel<I, O> owner) {
            return routes.computeIfAbsent(assignment, a -> owner.newRoute(this, a));
        }
    }

    /**
     * One call on the timeout executor, holding a bulkhead slot until the model returns. The state moves once:
     * from pending to running (the task frees the slot when the model finishes) or to abandoned (the caller gave
     * up before it started and frees the slot; the task then does not run the model).
     */
    private static final class TimedCall<I, O> extends AtomicInteger implements Callable<O> {
        private static final int PENDING = 0;
        private static final int RUNNING = 1;
        private static final int ABANDONED = 2;

        private final Function<I, O> model;
        private final I input;
        private final @Nullable Bulkhead bulkhead;

        TimedCall(Function<I, O> model, I input, @Nullable Bulkhead bulkhead) {
            this.model = model;
            this.input = input;
            this.bulkhead = bulkhead;
        }

        @Override
        public @Nullable O call() {
            if (!compareAndSet(PENDING, RUNNING)) {
                return null; // abandoned before it started; the caller freed the slot
            }
            try {
                return model.apply(input);
            } finally {
                if (bulkhead != null) {
                    bulkhead.release();
                }
            }
        }

        void abandon() {
            if (compareAndSet(PENDING, ABANDONED) && bulkhead != null) {
                bulkhead.release();
            }
        }
    }

    @Override
    public String toString() {
        return "GuardedModel[" + name + ", versions=" + served.models.keySet() + ", plan=" + plan.get() + "]";
    }
}
