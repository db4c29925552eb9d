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
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Model versions behind guards: each call is routed by the current {@link TrafficPlan}, recorded on availability
 * and latency SLOs of its version and cohort, bounded by a bulkhead and an optional timeout, and answered by the
 * fallback when the version fails. Optionally mirrors traffic to a shadow version, joins delayed labels into a
 * quality SLO, and profiles serving data for drift. Thread-safe.
 *
 * <h2>The serving path</h2>
 * Without shadow, labels and drift, a call hashes the routing key ({@link RoutingKeys}, allocation-free), reads
 * the plan (one volatile read), looks up the assignment's precomputed route (a {@link ConcurrentHashMap} get),
 * CASes the bulkhead counter, reads the nano-time source twice and adds to four striped counters: no lock and no
 * allocation (measured by {@code GuardedModelBenchmark}). A timeout submits to the executor (a task per call, which
 * holds its bulkhead slot until the model returns, even after the caller gave up); a shadow samples first and
 * builds and submits a task only for the sampled calls; labels store the prediction per call; drift builds a row
 * per call. A model that throws anything (an {@link Error} too) is recorded as bad before the fallback answers; a
 * {@link VirtualMachineError} is rethrown after it is recorded.
 *
 * <h2>Time</h2>
 * SLO windows, label expiry, drift windows and the shadow timeout follow the injected clock; {@link #tick()} moves
 * the drift windows, cleans expired predictions and records expired shadow calls (so do the stats methods). Tick from a scheduler in production, after each advance in tests. The SLO
 * registry is ticked by its owner (see {@link SloRegistry#startTicking}).
 *
 * <pre>{@code
 * GuardedModel<double[], Double> model = GuardedModel.<double[], Double>builder("rain")
 *     .version("rain@3", champion::predict)
 *     .version("rain@4", challenger::predict)
 *     .clock(clock)
 *     .latencyThreshold(Duration.ofMillis(300))
 *     .maxConcurrentCalls(64)
 *     .fallback(x -> 0.0)
 *     .labels(LabelJudge.withinAbsoluteError(0.5), 100_000, Duration.ofDays(2))
 *     .build();
 * model.trafficPlan(releasePlan);          // swapped by the release controller
 * double y = model.predict(requestId, userId, features);
 * model.label(requestId, 1.0);             // a day later
 * }</pre>
 *
 * @param <I> input type
 * @param <O> output type
 */
public final class GuardedModel<I, O> implements GuardedPredictor<I, O>, CohortStatsSource, AutoCloseable {

    /** The cohort whose trackers record shadow calls (for release analysis of a shadow version). */
    public static final String SHADOW_COHORT = "shadow";

    private final String name;
    private final Map<String, Function<I, O>> versions;
    private final Map<String, VersionSlis> versionSlis;
    private final ConcurrentHashMap<String, CohortSlis> cohorts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Assignment, Route<I, O>> routes = new ConcurrentHashMap<>();
    private final AtomicReference<TrafficPlan> plan;
    private final ServingSlos slos;
    private final SloRegistry registry;
    private final LongSupplier nanoTime;
    private final long latencyThresholdNanos;
    private final Bulkhead bulkhead;
    private final Duration timeout;
    private final ExecutorService timeoutExecutor;
    private final Function<? super I, ? extends O> fallback;
    private final ShadowMirror<I, O> shadow;
    private final ExecutorService ownedShadowExecutor;
    private final PredictionJournal<O> journal;
    private final OnlineDrift<I, O> drift;
    private final Clock clock;
    private final Instant createdAt;

    GuardedModel(GuardedModelBuilder<I, O> b) {
        this.name = b.name;
        this.clock = b.clock;
        this.createdAt = b.clock.instant();
        this.versions = Map.copyOf(b.versions);
        this.slos = b.slos();
        this.registry = b.registry != null ? b.registry : SloRegistry.create(b.clock);
        this.nanoTime = b.nanoTime;
        this.latencyThresholdNanos = b.latencyThreshold.toNanos();
        Map<String, VersionSlis> perVersion = new ConcurrentHashMap<>();
        for (String version : versions.keySet()) {
            perVersion.put(version, new VersionSlis(name, version, slos, registry));
        }
        this.versionSlis = Map.copyOf(perVersion);
        this.plan = new AtomicReference<>(b.plan != null ? b.plan
                : TrafficPlan.single(versions.keySet().iterator().next(), GuardedModelBuilder.DEFAULT_COHORT));
        this.bulkhead = b.maxConcurrentCalls > 0 ? new Bulkhead(b.maxConcurrentCalls) : null;
        this.timeout = b.timeout;
        this.timeoutExecutor = b.timeoutExecutor;
        this.fallback = b.fallback;
        if (b.shadowEnabled) {
            this.ownedShadowExecutor = b.shadowExecutor == null
                    ? ShadowExecutors.bounded(name, b.shadowThreads, b.shadowQueueCapacity) : null;
            this.shadow = new ShadowMirror<>(b.shadowExecutor != null ? b.shadowExecutor : ownedShadowExecutor,
                    b.comparator, nanoTime, latencyThresholdNanos, b.clock, b.shadowTimeout().toMillis());
        } else {
            this.ownedShadowExecutor = null;
            this.shadow = null;
        }
        this.journal = b.judge == null ? null
                : new PredictionJournal<>(b.judge, b.maxStoredPredictions, b.labelExpiry, b.clock);
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

    /** @return the names of the versions this model can route to */
    public java.util.Set<String> versions() {
        return versions.keySet();
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
    public TrafficPlan trafficPlan() {
        return plan.get();
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
        TrafficPlan current = plan.get();
        Route<I, O> route = route(current.assign(keyHash));
        if (route.model == null) {
            route.recordRejected();
            return fail(input, new IllegalStateException("Model '" + name + "': the traffic plan routes to version '"
                    + route.version + "', which is not one of " + versions.keySet()));
        }
        if (bulkhead != null && !bulkhead.tryAcquire()) {
            route.recordRejected();
            return fail(input, new BulkheadFullException(name, bulkhead.limit()));
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
            return fail(input, e);
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
        return journal == null ? new LabelStats(0, 0, 0, 0) : journal.stats();
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

    private Route<I, O> route(Assignment assignment) {
        Route<I, O> route = routes.get(assignment);
        return route != null ? route : routes.computeIfAbsent(assignment, this::newRoute);
    }

    private Route<I, O> newRoute(Assignment assignment) {
        CohortSlis cohort = cohorts.computeIfAbsent(assignment.cohort(),
                c -> new CohortSlis(name, c, slos, registry));
        return new Route<>(assignment.version(), versions.get(assignment.version()),
                versionSlis.get(assignment.version()), cohort);
    }

    private void mirror(TrafficPlan current, I input, O output) {
        String shadowVersion = current.shadowVersion();
        double rate = current.shadowSampleRate();
        if (shadowVersion == null || rate <= 0 || !ShadowMirror.sampled(rate)) {
            return; // sampled first: calls not mirrored allocate nothing
        }
        Route<I, O> route = route(new Assignment(shadowVersion, SHADOW_COHORT));
        if (route.model != null) {
            shadow.mirror(route, input, output);
        }
    }

    /** Runs the model on the caller's thread; the bulkhead slot is freed when it returns or throws. */
    private O call(Route<I, O> route, I input) {
        try {
            return route.model.apply(input);
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
        TimedCall<I, O> call = new TimedCall<>(route.model, input, bulkhead);
        Future<O> future;
        try {
            future = timeoutExecutor.submit(call);
        } catch (RuntimeException e) {
            call.abandon();
            throw e;
        }
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
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

    private O fail(I input, Throwable cause) {
        if (fallback == null) {
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("Model '" + name + "' failed", cause);
        }
        return fallback.apply(input);
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
        private final Bulkhead bulkhead;

        TimedCall(Function<I, O> model, I input, Bulkhead bulkhead) {
            this.model = model;
            this.input = input;
            this.bulkhead = bulkhead;
        }

        @Override
        public O call() {
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
        return "GuardedModel[" + name + ", versions=" + versions.keySet() + ", plan=" + plan.get() + "]";
    }
}
