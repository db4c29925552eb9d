package io.github.mlhighway.lifecycle.core.serving;

import io.github.mlhighway.lifecycle.core.slo.SloRegistry;
import io.github.mlhighway.lifecycle.release.TrafficPlan;
import io.github.mlhighway.lifecycle.serving.LabelJudge;
import io.github.mlhighway.lifecycle.serving.OutputComparator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Builds a {@link GuardedModel}. Each setter validates its argument at once; {@link #build()} checks the rules
 * between them. Only the name and at least one version are required.
 *
 * @param <I> input type
 * @param <O> output type
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
    Clock clock = Clock.systemUTC();
    LongSupplier nanoTime = System::nanoTime;
    SloRegistry registry;
    TrafficPlan plan;
    double availabilityObjective = DEFAULT_AVAILABILITY_OBJECTIVE;
    Duration latencyThreshold = DEFAULT_LATENCY_THRESHOLD;
    double latencyObjective = DEFAULT_LATENCY_OBJECTIVE;
    Duration window = DEFAULT_WINDOW;
    double accuracyTarget = DEFAULT_ACCURACY_TARGET;
    Duration accuracySlice = DEFAULT_ACCURACY_SLICE;
    double accuracyObjective = DEFAULT_ACCURACY_OBJECTIVE;
    Duration accuracyWindow = DEFAULT_ACCURACY_WINDOW;
    int maxConcurrentCalls;
    Duration timeout;
    ExecutorService timeoutExecutor;
    Function<? super I, ? extends O> fallback;
    boolean shadowEnabled;
    OutputComparator<? super O> comparator;
    Executor shadowExecutor;
    int shadowThreads = DEFAULT_SHADOW_THREADS;
    int shadowQueueCapacity = DEFAULT_SHADOW_QUEUE;
    Duration shadowTimeout;
    LabelJudge<? super O, ?> judge;
    long maxStoredPredictions;
    Duration labelExpiry;
    DriftSettings<I, O> drift;
    final List<DriftListener> driftListeners = new ArrayList<>();
    ServingHost host;

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
        return this;
    }

    /**
     * The quality SLO: per slice, the share of correct labelled predictions must reach the target.
     *
     * @param target    accuracy per slice, in (0, 1]
     * @param slice     slice length, positive
     * @param objective share of good slices, in (0, 1)
     * @param window    rolling window, positive
     * @return this builder
     */
    public GuardedModelBuilder<I, O> accuracySlo(double target, Duration slice, double objective, Duration window) {
        if (!(target > 0 && target <= 1)) {
            throw new IllegalArgumentException("Accuracy target must be in (0, 1], was " + target);
        }
        this.accuracyTarget = target;
        this.accuracySlice = positive(slice, "slice");
        this.accuracyObjective = fraction(objective, "accuracy objective");
        this.accuracyWindow = positive(window, "accuracy window");
        return this;
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
     * @throws IllegalStateException    if no version was added, or drift listeners without a drift monitor
     * @throws IllegalArgumentException if an SLO name is taken in the given registry
     */
    public GuardedModel<I, O> build() {
        if (versions.isEmpty()) {
            throw new IllegalStateException("Model '" + name + "' needs at least one version");
        }
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

    Duration shadowTimeout() {
        if (shadowTimeout != null) {
            return shadowTimeout;
        }
        try {
            return latencyThreshold.multipliedBy(DEFAULT_SHADOW_TIMEOUT_THRESHOLDS);
        } catch (ArithmeticException e) {
            return latencyThreshold;
        }
    }

    ServingSlos slos() {
        return new ServingSlos(availabilityObjective, latencyThreshold, latencyObjective, window, accuracyTarget,
                accuracySlice, accuracyObjective, accuracyWindow);
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
