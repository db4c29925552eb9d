package io.github.mlhighway.lifecycle.core.serving;

import io.github.mlhighway.lifecycle.core.slo.SloRegistry;
import io.github.mlhighway.lifecycle.release.TrafficPlan;
import io.github.mlhighway.lifecycle.serving.LabelJudge;
import io.github.mlhighway.lifecycle.serving.OutputComparator;
import io.github.mlhighway.lifecycle.slo.Operator;
import io.github.mlhighway.lifecycle.slo.Slo;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link GuardedModel}. Each setter validates its argument at once; {@link #build()} checks the rules
 * between them. Only the name and at least one version are required.
 *
 * <h2>SLOs</h2>
 * Every version gets an availability, a latency and an accuracy SLO, every cohort an availability, a latency and a
 * labelled-correct SLO. Each is a template renamed per version ({@code <model>.version.<version>.<sli>}) or cohort
 * ({@code <model>.cohort.<cohort>.<sli>}), keeping the template's objective, window, budgeting, alert tiers,
 * minimum-events guard and no-data policy. Give templates with {@link #slos(Slo, Slo, Slo)},
 * {@link #availabilitySlo(Slo)}, {@link #latencySlo(Slo)} and {@link #accuracySlo(Slo)}; the scalar setters
 * ({@link #availabilityObjective}, {@link #latencyThreshold}, {@link #latencyObjective}, {@link #sloWindow},
 * {@link #accuracySlo(double, Duration, double, Duration)}) are shortcuts that shape the default templates, and
 * cannot be combined with a template of the same SLO.
 *
 * <h2>The default SLOs do not page on a single bad call</h2>
 * A version at a handful of requests an hour (a canary at 5%) turns one failed call into a burn rate far above every
 * page tier: with the default 99.9% over 28 days, the slowest page tier (5% of the budget in 6 hours, factor 5.6)
 * fires at 0.56% errors, so a single failure pages any 6-hour window holding fewer than 179 calls, and the alert
 * flaps each time the short window forgets it. The default templates therefore carry a minimum-events guard derived
 * from their own objective and tiers, {@link #withLowTrafficGuard(Slo)}: the fewest events in a long window at which
 * one bad event stays below every page tier, which makes a page need at least two bad events. That is 179 calls for
 * the default availability SLO, 18 for the default latency SLO (99%), and 15 slices for the default accuracy SLO
 * (95% of one-hour slices over 7 days, factor 1.4), which no page tier's window holds: quality tickets and does not
 * page by default, its labels arriving hours or days late anyway. Below the guard the page tiers are quiet; the
 * 3-day ticket tier and the release analysis (which compares cohorts and halts on too little data) still see a
 * failing low-traffic version. Templates you pass are used as given: guard them with
 * {@code withLowTrafficGuard(template)} or {@code AlertPolicy.withMinimumEvents}.
 *
 * @param <I> input type
 * @param <O> output type
 * @since 0.1
 */
public final class GuardedModelBuilder<I, O> {

    /** The cohort of the default plan, which sends everything to the only (or first) version. */
    public static final String DEFAULT_COHORT = "primary";
    /** Default availability objective. */
    public static final double DEFAULT_AVAILABILITY_OBJECTIVE = 0.999;
    /** Default latency threshold of the latency SLI. */
    public static final Duration DEFAULT_LATENCY_THRESHOLD = Duration.ofMillis(300);
    /** Default latency objective. */
    public static final double DEFAULT_LATENCY_OBJECTIVE = 0.99;
    /** Default rolling window of availability and latency SLOs. */
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(28);
    /** Default accuracy a quality slice must reach. */
    public static final double DEFAULT_ACCURACY_TARGET = 0.7;
    /** Default quality slice. */
    public static final Duration DEFAULT_ACCURACY_SLICE = Duration.ofHours(1);
    /** Default share of good quality slices. */
    public static final double DEFAULT_ACCURACY_OBJECTIVE = 0.95;
    /** Default rolling window of quality SLOs. */
    public static final Duration DEFAULT_ACCURACY_WINDOW = Duration.ofDays(7);
    /** Default worker threads of the owned shadow executor. */
    public static final int DEFAULT_SHADOW_THREADS = 1;
    /** Default queue capacity of the owned shadow executor. */
    public static final int DEFAULT_SHADOW_QUEUE = 256;
    /** Without {@link #shadowTimeout}, a shadow call expires after this many latency thresholds. */
    public static final int DEFAULT_SHADOW_TIMEOUT_THRESHOLDS = 10;

    final String name;
    final Map<String, Function<I, O>> versions = new LinkedHashMap<>();
    @Nullable Slo availabilityTemplate;
    @Nullable Slo latencyTemplate;
    @Nullable Slo accuracyTemplate;
    private final Set<String> scalarsSet = new LinkedHashSet<>();
    Clock clock = Clock.systemUTC();
    LongSupplier nanoTime = System::nanoTime;
    @Nullable SloRegistry registry;
    @Nullable TrafficPlan plan;
    double availabilityObjective = DEFAULT_AVAILABILITY_OBJECTIVE;
    Duration latencyThreshold = DEFAULT_LATENCY_THRESHOLD;
    double latencyObjective = DEFAULT_LATENCY_OBJECTIVE;
    Duration window = DEFAULT_WINDOW;
    double accuracyTarget = DEFAULT_ACCURACY_TARGET;
    Duration accuracySlice = DEFAULT_ACCURACY_SLICE;
    double accuracyObjective = DEFAULT_ACCURACY_OBJECTIVE;
    Duration accuracyWindow = DEFAULT_ACCURACY_WINDOW;
    int maxConcurrentCalls;
    @Nullable Duration timeout;
    @Nullable ExecutorService timeoutExecutor;
    @Nullable Function<? super I, ? extends O> fallback;
    boolean shadowEnabled;
    @Nullable OutputComparator<? super O> comparator;
    @Nullable Executor shadowExecutor;
    int shadowThreads = DEFAULT_SHADOW_THREADS;
    int shadowQueueCapacity = DEFAULT_SHADOW_QUEUE;
    @Nullable Duration shadowTimeout;
    @Nullable LabelJudge<? super O, ?> judge;
    long maxStoredPredictions;
    @Nullable Duration labelExpiry;
    @Nullable DriftSettings<I, O> drift;
    final List<DriftListener> driftListeners = new ArrayList<>();
    @Nullable ServingHost host;

    GuardedModelBuilder(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("Model name must not be blank");
        }
        this.name = name;
    }

    /**
     * Adds a version.
     *
     * @param version the version's name, e.g. {@code "rain@3"}
     * @param model   the function that answers for it
     * @return this builder
     * @throws IllegalArgumentException if the version was added already
     */
    public GuardedModelBuilder<I, O> version(String version, Function<I, O> model) {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(model, "model");
        if (versions.putIfAbsent(version, model) != null) {
            throw new IllegalArgumentException("Version '" + version + "' was added twice");
        }
        return this;
    }

    /**
     * Adds versions.
     *
     * @param models functions by version name
     * @return this builder
     */
    public GuardedModelBuilder<I, O> versions(Map<String, ? extends Function<I, O>> models) {
        models.forEach(this::version);
        return this;
    }

    /**
     * The clock of SLO windows, label expiry and drift windows.
     *
     * @param value the clock
     * @return this builder
     */
    public GuardedModelBuilder<I, O> clock(Clock value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    /**
     * The source of nanosecond timestamps for call latencies (default {@code System::nanoTime}).
     *
     * @param value the source
     * @return this builder
     */
    public GuardedModelBuilder<I, O> nanoTime(LongSupplier value) {
        this.nanoTime = Objects.requireNonNull(value, "nanoTime");
        return this;
    }

    /**
     * Registers this model's trackers in an existing registry (default: a new one on the builder's clock).
     *
     * @param value the registry
     * @return this builder
     */
    public GuardedModelBuilder<I, O> sloRegistry(SloRegistry value) {
        this.registry = Objects.requireNonNull(value, "registry");
        return this;
    }

    /**
     * The initial traffic plan (default: everything to the first version, cohort {@value #DEFAULT_COHORT}).
     *
     * @param value the plan
     * @return this builder
     */
    public GuardedModelBuilder<I, O> trafficPlan(TrafficPlan value) {
        this.plan = Objects.requireNonNull(value, "plan");
        return this;
    }

    /**
     * The availability objective of every version and cohort.
     *
     * @param objective in (0, 1)
     * @return this builder
     */
    public GuardedModelBuilder<I, O> availabilityObjective(double objective) {
        this.availabilityObjective = fraction(objective, "availabilityObjective");
        scalarsSet.add("availabilityObjective(...)");
        return this;
    }

    /**
     * The latency SLI's threshold: a call is good when it answers within it.
     *
     * @param threshold positive
     * @return this builder
     */
    public GuardedModelBuilder<I, O> latencyThreshold(Duration threshold) {
        this.latencyThreshold = positive(threshold, "latencyThreshold");
        scalarsSet.add("latencyThreshold(...)");
        return this;
    }

    /**
     * The latency objective.
     *
     * @param objective in (0, 1)
     * @return this builder
     */
    public GuardedModelBuilder<I, O> latencyObjective(double objective) {
        this.latencyObjective = fraction(objective, "latencyObjective");
        scalarsSet.add("latencyObjective(...)");
        return this;
    }

    /**
     * The rolling window of the availability and latency SLOs (and the longest window {@link GuardedModel#stats}
     * can answer for).
     *
     * @param value positive
     * @return this builder
     */
    public GuardedModelBuilder<I, O> sloWindow(Duration value) {
        this.window = positive(value, "sloWindow");
        scalarsSet.add("sloWindow(...)");
        return this;
    }

    /**
     * The quality SLO: per slice, the share of correct labelled predictions must reach the target (a shortcut for
     * {@link #accuracySlo(Slo)} with the default template's low-traffic guard).
     *
     * @param target    accuracy per slice, in (0, 1); it is also the objective of each cohort's labelled-correct SLO
     * @param slice     slice length, positive
     * @param objective share of good slices, in (0, 1)
     * @param window    rolling window, positive
     * @return this builder
     */
    public GuardedModelBuilder<I, O> accuracySlo(double target, Duration slice, double objective, Duration window) {
        this.accuracyTarget = fraction(target, "Accuracy target");
        this.accuracySlice = positive(slice, "slice");
        this.accuracyObjective = fraction(objective, "accuracy objective");
        this.accuracyWindow = positive(window, "accuracy window");
        scalarsSet.add("accuracySlo(target, slice, objective, window)");
        return this;
    }

    /**
     * The templates of all three SLOs; see {@link #availabilitySlo}, {@link #latencySlo} and {@link #accuracySlo(Slo)}.
     *
     * @param availability the availability template
     * @param latency      the latency template
     * @param accuracy     the accuracy template
     * @return this builder
     * @throws IllegalArgumentException naming the template that does not fit
     */
    public GuardedModelBuilder<I, O> slos(Slo availability, Slo latency, Slo accuracy) {
        ServingSlos.checkAvailability(availability);
        ServingSlos.checkLatency(latency);
        ServingSlos.checkAccuracy(accuracy);
        this.availabilityTemplate = availability;
        this.latencyTemplate = latency;
        this.accuracyTemplate = accuracy;
        return this;
    }

    /**
     * The template of every version's and cohort's availability SLO: a ratio SLO over calls, good when the version
     * answered (no exception, timeout or rejection). Its name is replaced per version and cohort; everything else
     * (objective, window, budgeting, alert policy with its minimum-events guard and no-data policy) is kept. Its
     * window is also the window of the cohorts' labelled-correct SLO when the accuracy template uses time slices.
     *
     * @param template e.g. {@code Slo.ratio("availability").objective(0.999).alerting(policy).build()}
     * @return this builder
     * @throws IllegalArgumentException if the template is not a ratio SLO
     */
    public GuardedModelBuilder<I, O> availabilitySlo(Slo template) {
        this.availabilityTemplate = ServingSlos.checkAvailability(template);
        return this;
    }

    /**
     * The template of every version's and cohort's latency SLO: a threshold SLO in milliseconds with {@code LTE} or
     * {@code LT}; a call is fast when its latency satisfies it. Its threshold is the latency threshold everywhere
     * (shadow calls too). Renamed per version and cohort, everything else kept.
     *
     * @param template e.g. {@code Slo.threshold("latency", Operator.LTE, 300.0).objective(0.99).build()}
     * @return this builder
     * @throws IllegalArgumentException if the template is not a threshold SLO, compares with GT or GTE, or has a
     *                                  threshold that no call could meet
     */
    public GuardedModelBuilder<I, O> latencySlo(Slo template) {
        this.latencyTemplate = ServingSlos.checkLatency(template);
        return this;
    }

    /**
     * The template of every version's accuracy SLO over the version's labelled answers: a ratio SLO, counted by
     * occurrences (the share of correct answers), by time slices ({@code Slo.timeslices(...)}: the share of slices
     * whose answers reach the slice target) or by ratio time slices. Renamed per version, everything else kept.
     * Each cohort's labelled-correct SLO is the same template when it counts occurrences; with time slices it is a
     * ratio whose objective is the slice target (or, for ratio time slices, the objective), over the availability
     * window, guarded like the defaults.
     *
     * @param template e.g. {@code Slo.timeslices("accuracy").atLeast(0.7).slice(Duration.ofHours(1)).objective(0.95)
     *                 .rollingWindow(Duration.ofDays(7)).build()}
     * @return this builder
     * @throws IllegalArgumentException if the template is not a ratio SLO, or its slices are judged with another
     *                                  operator than GTE or GT, or its slice target is not strictly between 0 and 1
     */
    public GuardedModelBuilder<I, O> accuracySlo(Slo template) {
        this.accuracyTemplate = ServingSlos.checkAccuracy(template);
        return this;
    }

    /**
     * The SLO with a minimum-events guard (see the class documentation): the fewest events in an alert tier's long
     * window at which a single bad event cannot fire any of its enabled page tiers, so a page needs at least two bad
     * events. Tiers, objective and everything else are kept; an SLO without an enabled page tier gets no guard (0).
     *
     * @param slo an SLO or template
     * @return the same SLO with {@code alerting().minimumEvents()} set to {@code floor(1 / (f * (1 - objective))) + 1},
     *         {@code f} the lowest enabled page tier's factor
     */
    public static Slo withLowTrafficGuard(Slo slo) {
        return ServingSlos.guarded(Objects.requireNonNull(slo, "slo"));
    }

    /**
     * Bounds concurrent calls; calls beyond it are rejected at once (a {@code BulkheadFullException}, or the
     * fallback's answer) and counted as bad.
     *
     * @param limit at least 1
     * @return this builder
     */
    public GuardedModelBuilder<I, O> maxConcurrentCalls(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("maxConcurrentCalls must be at least 1, was " + limit);
        }
        this.maxConcurrentCalls = limit;
        return this;
    }

    /**
     * Runs each call on the executor and gives up after the timeout (counted as bad; the task is cancelled, which
     * interrupts it). With {@link #maxConcurrentCalls}, a call keeps its slot until the model actually returns, not
     * until the caller stops waiting: a model that ignores the interrupt holds its slot, so hanging calls stay
     * bounded by the bulkhead and further calls are rejected (answered by the fallback) meanwhile.
     *
     * @param value    positive
     * @param executor where the calls run (owned by the caller; size it for the concurrency you allow)
     * @return this builder
     */
    public GuardedModelBuilder<I, O> timeout(Duration value, ExecutorService executor) {
        this.timeout = positive(value, "timeout");
        this.timeoutExecutor = Objects.requireNonNull(executor, "executor");
        return this;
    }

    /**
     * Answers when the model throws, times out or is rejected (the call still counts as bad).
     *
     * @param value the fallback
     * @return this builder
     */
    public GuardedModelBuilder<I, O> fallback(Function<? super I, ? extends O> value) {
        this.fallback = Objects.requireNonNull(value, "fallback");
        return this;
    }

    /**
     * Enables shadow comparison on a small owned executor ({@value #DEFAULT_SHADOW_THREADS} thread, a queue of
     * {@value #DEFAULT_SHADOW_QUEUE}). Which version and how much traffic come from the traffic plan.
     *
     * @param value how answers are compared
     * @return this builder
     */
    public GuardedModelBuilder<I, O> shadow(OutputComparator<? super O> value) {
        this.comparator = Objects.requireNonNull(value, "comparator");
        this.shadowEnabled = true;
        return this;
    }

    /**
     * Enables shadow comparison on a caller-provided executor, which must reject work when saturated (a bounded
     * queue with an abort policy), so that mirrored calls are dropped instead of waiting.
     *
     * @param value    how answers are compared
     * @param executor where shadow calls run
     * @return this builder
     */
    public GuardedModelBuilder<I, O> shadow(OutputComparator<? super O> value, Executor executor) {
        shadow(value);
        this.shadowExecutor = Objects.requireNonNull(executor, "executor");
        return this;
    }

    /**
     * How long a mirrored call may take, from its hand-over to the shadow executor, before it is recorded as bad and
     * slow on the shadow cohort's SLIs (even while its thread is still stuck; its late answer is then ignored).
     * Measured on the injected clock, checked on {@link GuardedModel#tick()} and whenever stats are read. Default:
     * {@value #DEFAULT_SHADOW_TIMEOUT_THRESHOLDS} times the latency threshold.
     *
     * @param value positive
     * @return this builder
     */
    public GuardedModelBuilder<I, O> shadowTimeout(Duration value) {
        this.shadowTimeout = positive(value, "shadowTimeout");
        return this;
    }

    /**
     * Sizes the owned shadow executor.
     *
     * @param threads       worker threads, at least 1
     * @param queueCapacity waiting calls before dropping, at least 1
     * @return this builder
     */
    public GuardedModelBuilder<I, O> shadowExecutorSize(int threads, int queueCapacity) {
        if (threads < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("Shadow executor needs at least 1 thread and a queue of 1, got "
                    + threads + " threads and " + queueCapacity);
        }
        this.shadowThreads = threads;
        this.shadowQueueCapacity = queueCapacity;
        return this;
    }

    /**
     * Keeps predictions for delayed labels and records the quality SLO when they arrive.
     *
     * @param value          decides whether a prediction was correct
     * @param maxPredictions predictions kept at most (the oldest are evicted first, roughly), at least 1
     * @param expiry         how long a prediction waits for its label, positive
     * @return this builder
     */
    public GuardedModelBuilder<I, O> labels(LabelJudge<? super O, ?> value, long maxPredictions, Duration expiry) {
        this.judge = Objects.requireNonNull(value, "judge");
        if (maxPredictions < 1) {
            throw new IllegalArgumentException("maxPredictions must be at least 1, was " + maxPredictions);
        }
        this.maxStoredPredictions = maxPredictions;
        this.labelExpiry = positive(expiry, "expiry");
        return this;
    }

    /**
     * Profiles serving data per window and compares it with the training profile.
     *
     * @param settings the reference profile, window and row conversion
     * @return this builder
     */
    public GuardedModelBuilder<I, O> driftMonitor(DriftSettings<I, O> settings) {
        this.drift = Objects.requireNonNull(settings, "settings");
        return this;
    }

    /**
     * Adds a listener for drift windows.
     *
     * @param listener the listener
     * @return this builder
     */
    public GuardedModelBuilder<I, O> onDrift(DriftListener listener) {
        driftListeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * Builds the model.
     *
     * @return the guarded model
     * @throws IllegalStateException    if no version was added, drift listeners without a drift monitor, or a scalar
     *                                  SLO setter next to a template of the same SLO
     * @throws IllegalArgumentException if an SLO name is taken in the given registry
     */
    public GuardedModel<I, O> build() {
        if (versions.isEmpty()) {
            throw new IllegalStateException("Model '" + name + "' needs at least one version");
        }
        refuseScalarWith(availabilityTemplate, "availabilitySlo(...)", "availabilityObjective(...)");
        refuseScalarWith(latencyTemplate, "latencySlo(...)", "latencyThreshold(...)", "latencyObjective(...)");
        if (availabilityTemplate != null && latencyTemplate != null) {
            refuseScalarWith(latencyTemplate, "availabilitySlo(...) and latencySlo(...)", "sloWindow(...)");
        }
        refuseScalarWith(accuracyTemplate, "accuracySlo(Slo)", "accuracySlo(target, slice, objective, window)");
        if (!driftListeners.isEmpty() && drift == null) {
            throw new IllegalStateException("Model '" + name + "' has drift listeners but no driftMonitor(...)");
        }
        GuardedModel<I, O> model = new GuardedModel<>(this);
        if (host != null) {
            host.adopt(model);
        }
        return model;
    }

    /**
     * Binds the model to a runtime: its clock, nano-time source and SLO registry, and the runtime adopts the
     * model when it is built (ticks it, closes it). {@code Lifecycle.serving(name)} does this for you.
     *
     * @param value the host
     * @return this builder
     */
    public GuardedModelBuilder<I, O> host(ServingHost value) {
        this.host = Objects.requireNonNull(value, "host");
        this.clock = value.clock();
        this.nanoTime = value.nanoTime();
        this.registry = value.slos();
        return this;
    }

    Duration effectiveShadowTimeout(Duration latency) {
        if (shadowTimeout != null) {
            return shadowTimeout;
        }
        try {
            return latency.multipliedBy(DEFAULT_SHADOW_TIMEOUT_THRESHOLDS);
        } catch (ArithmeticException e) {
            return latency;
        }
    }

    /** The templates given, or the defaults shaped by the scalar setters (with their low-traffic guard). */
    ServingSlos slos() {
        Slo availability = availabilityTemplate != null ? availabilityTemplate
                : ServingSlos.guarded(Slo.ratio("availability").objective(availabilityObjective).rollingWindow(window)
                        .description("calls answered by the model without exception, timeout or rejection").build());
        Slo latency = latencyTemplate != null ? latencyTemplate
                : ServingSlos.guarded(Slo.threshold("latency", Operator.LTE, latencyThreshold.toNanos() / 1e6)
                        .objective(latencyObjective).rollingWindow(window)
                        .description("calls answered within " + latencyThreshold).build());
        Slo accuracy = accuracyTemplate != null ? accuracyTemplate
                : ServingSlos.guarded(Slo.timeslices("accuracy").atLeast(accuracyTarget).slice(accuracySlice)
                        .objective(accuracyObjective).rollingWindow(accuracyWindow)
                        .description("slices of " + accuracySlice + " whose labelled predictions are at least "
                                + accuracyTarget + " correct").build());
        return new ServingSlos(availability, latency, accuracy);
    }

    private void refuseScalarWith(@Nullable Slo template, String templateSetter, String... scalars) {
        if (template == null) {
            return;
        }
        for (String scalar : scalars) {
            if (scalarsSet.contains(scalar)) {
                throw new IllegalStateException("Model '" + name + "': " + scalar + " and " + templateSetter
                        + " both set the same SLO; put the setting in the template '" + template.name() + "'");
            }
        }
    }

    private static double fraction(double value, String what) {
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException(what + " must be in (0, 1), was " + value);
        }
        return value;
    }

    private static Duration positive(Duration value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, was " + value);
        }
        return value;
    }
}
