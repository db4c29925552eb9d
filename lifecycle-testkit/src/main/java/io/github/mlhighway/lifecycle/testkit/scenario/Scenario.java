package io.github.mlhighway.lifecycle.testkit.scenario;

import io.github.mlhighway.lifecycle.core.serving.GuardedModel;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.slo.AlertState;
import io.github.mlhighway.lifecycle.slo.ErrorBudget;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Simulated traffic against a {@link GuardedModel} over simulated time, deterministic for a seed.
 *
 * <p>Build the scenario, build the model with the scenario's {@link #clock()} and {@link #nanoTime()}, wrap each
 * version with {@link #simulate(Function)} (which injects the scenario's failures and latencies), then
 * {@link #run(GuardedModel)}:
 *
 * <pre>{@code
 * Scenario<Double> scenario = Scenario.builder(random -> random.nextGaussian())
 *     .requestsPerSecond(20)
 *     .errorRate(0.0005)
 *     .outage(Duration.ofMinutes(10), Duration.ofMinutes(20))
 *     .duration(Duration.ofMinutes(30))
 *     .build();
 * GuardedModel<Double, Double> model = GuardedModel.<Double, Double>builder("rain")
 *     .version("rain@1", scenario.simulate(x -> 2 * x))
 *     .clock(scenario.clock()).nanoTime(scenario.nanoTime())
 *     .build();
 * Timeline timeline = scenario.run(model);
 * }</pre>
 *
 * <p>Each step sends {@code rate × step} requests (fractions carry over to the next step) at the step's start,
 * each with a fresh request id as routing key; draws each call's failure and latency from the seeded random source;
 * advances the clock by the step (which ticks the model's SLO registry before and after, and the model after);
 * then delivers the labels that have come due (a label is due at its request's step start plus the delay). A
 * failure the model passes on (no fallback) is swallowed: the model has recorded it, and a caller would see it. At every snapshot period it records a {@link Snapshot}.
 * Shadow calls and the builder's timeout run on other threads in real time and are not simulated.
 *
 * @param <I> the model's input type
 * @since 0.1
 */
public final class Scenario<I> {

    /** The default request rate, per second. */
    public static final double DEFAULT_REQUESTS_PER_SECOND = 10;
    /** The default length of a scenario. */
    public static final Duration DEFAULT_DURATION = Duration.ofHours(1);
    /** The default step: traffic is sent and the clock moved once per step. */
    public static final Duration DEFAULT_STEP = Duration.ofSeconds(1);
    /** The default snapshot period. */
    public static final Duration DEFAULT_SNAPSHOT_EVERY = Duration.ofMinutes(1);
    /** The default seed. */
    public static final long DEFAULT_SEED = 42L;
    /** The simulated nano-time at the start (an arbitrary, non-zero origin). */
    public static final long NANO_ORIGIN = 1_000_000_000L;

    private final Builder<I> settings;
    private final TestClock clock;
    private final Random random;
    private final AtomicLong nanos = new AtomicLong(NANO_ORIGIN);
    private final AtomicLong simulatedCalls = new AtomicLong();
    private boolean ran;
    private boolean nextFails;
    private long nextLatencyNanos;
    private @Nullable Instant nextAt;

    private Scenario(Builder<I> settings) {
        this.settings = settings;
        this.clock = TestClock.at(settings.start);
        this.random = new Random(settings.seed);
    }

    /**
     * A scenario builder.
     *
     * @param inputs draws one model input from the scenario's random source
     * @param <I>    input type
     * @return the builder
     */
    public static <I> Builder<I> builder(Function<Random, ? extends I> inputs) {
        return new Builder<>(inputs);
    }

    /** @return the clock to build the model with; the scenario moves it */
    public TestClock clock() {
        return clock;
    }

    /** @return the nano-time source to build the model with; it moves only by simulated latencies */
    public LongSupplier nanoTime() {
        return nanos::get;
    }

    /** @return the simulated time the scenario starts at */
    public Instant start() {
        return settings.start;
    }

    /**
     * Wraps a model version so that each call takes the scenario's simulated latency and fails when the
     * scenario's error rate says so (with a {@link SimulatedFailureException}); otherwise the model answers.
     *
     * @param model the version's function
     * @param <O>   output type
     * @return the wrapped function, to pass to {@code GuardedModelBuilder.version}
     */
    public <O> Function<I, O> simulate(Function<? super I, ? extends O> model) {
        Objects.requireNonNull(model, "model");
        return input -> {
            simulatedCalls.incrementAndGet();
            nanos.addAndGet(nextLatencyNanos);
            if (nextFails) {
                throw new SimulatedFailureException("Simulated failure at " + nextAt);
            }
            return model.apply(input);
        };
    }

    /**
     * Runs the scenario once against a model built with this scenario's clock.
     *
     * @param model the model
     * @return the timeline
     * @throws IllegalStateException    if the scenario ran already, or its failures or latencies were declared but
     *                                  no version was wrapped with {@link #simulate(Function)}
     * @throws IllegalArgumentException if the model's SLO registry does not use this scenario's clock
     */
    public synchronized Timeline run(GuardedModel<I, ?> model) {
        Objects.requireNonNull(model, "model");
        if (ran) {
            throw new IllegalStateException("A scenario runs once; build another for another run");
        }
        if (model.slos().clock() != clock) {
            throw new IllegalArgumentException("Model '" + model.name() + "' must be built with clock(scenario.clock())"
                    + " and nanoTime(scenario.nanoTime())");
        }
        ran = true;
        clock.drive(model.slos());
        clock.onAdvance(time -> model.tick());
        Builder<I> s = settings;
        Instant end = s.start.plus(s.duration);
        Instant nextSnapshot = s.start.plus(s.snapshotEvery);
        ArrayDeque<PendingLabel> labels = new ArrayDeque<>();
        List<Snapshot> snapshots = new java.util.ArrayList<>();
        Counts previous = counts(model);
        double stepSeconds = s.step.toNanos() / 1e9;
        double carry = 0;
        long sequence = 0;
        long requests = 0;
        long delivered = 0;
        while (clock.instant().isBefore(end)) {
            Instant now = clock.instant();
            double errorRate = rate(s.errorRate.apply(now), now);
            Latency latency = Objects.requireNonNull(s.latency.apply(now), "latency schedule returned null");
            Function<Random, ? extends I> drifted = s.drifted; // set together with driftAt, by drift(...)
            Function<Random, ? extends I> inputs = drifted != null && s.driftAt != null && !now.isBefore(s.driftAt)
                    ? drifted : s.inputs;
            double wanted = s.requestsPerSecond * stepSeconds + carry;
            long count = (long) Math.floor(wanted);
            carry = wanted - count;
            for (long i = 0; i < count; i++) {
                I input = inputs.apply(random);
                String id = "req-" + sequence++;
                nextAt = now;
                nextFails = random.nextDouble() < errorRate;
                nextLatencyNanos = latency.sample(random).toNanos();
                try {
                    model.predict(id, id, input);
                } catch (RuntimeException e) {
                    // without a fallback the caller sees the failure; the model recorded it already
                }
                requests++;
                if (s.truth != null) {
                    labels.add(new PendingLabel(now.plus(s.labelDelay), id, s.truth.apply(input)));
                }
            }
            Duration left = Duration.between(now, end);
            clock.advance(left.compareTo(s.step) < 0 ? left : s.step);
            Instant after = clock.instant();
            while (!labels.isEmpty() && !labels.peek().due.isAfter(after)) {
                PendingLabel label = labels.poll();
                model.label(label.requestId, label.actual);
                delivered++;
            }
            if (!after.isBefore(nextSnapshot) || !after.isBefore(end)) {
                Counts current = counts(model);
                snapshots.add(snapshot(model, after, requests, current.minus(previous), delivered));
                previous = current;
                requests = 0;
                delivered = 0;
                while (!nextSnapshot.isAfter(after)) {
                    nextSnapshot = nextSnapshot.plus(s.snapshotEvery);
                }
            }
        }
        if (s.needsSimulation() && sequence > 0 && simulatedCalls.get() == 0) {
            throw new IllegalStateException("The scenario declares failures or latencies but model '" + model.name()
                    + "' never called a version wrapped with scenario.simulate(...)");
        }
        return new Timeline(s.start, snapshots);
    }

    private Snapshot snapshot(GuardedModel<I, ?> model, Instant at, long requests, Counts counts, long labels) {
        Map<String, ErrorBudget> budgets = new LinkedHashMap<>();
        Map<String, List<AlertState>> alerts = new LinkedHashMap<>();
        for (SloTracker tracker : model.slos().trackers()) {
            budgets.put(tracker.slo().name(), tracker.budget());
            alerts.put(tracker.slo().name(), tracker.alerts());
        }
        return new Snapshot(at, Duration.between(settings.start, at), requests, counts.errors, counts.slow, labels,
                budgets, alerts);
    }

    private static Counts counts(GuardedModel<?, ?> model) {
        String prefix = model.versionSloName("x", "availability");
        prefix = prefix.substring(0, prefix.indexOf(".version.") + ".version.".length());
        long errors = 0;
        long slow = 0;
        for (SloTracker tracker : model.slos().trackers()) {
            String name = tracker.slo().name();
            if (name.startsWith(prefix) && name.endsWith(".availability")) {
                errors += tracker.badEventsRecorded();
            } else if (name.startsWith(prefix) && name.endsWith(".latency")) {
                slow += tracker.badEventsRecorded();
            }
        }
        return new Counts(errors, slow);
    }

    private static double rate(Double value, Instant at) {
        if (value == null || !(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("The error rate at " + at + " must be in [0, 1], was " + value);
        }
        return value;
    }

    private record Counts(long errors, long slow) {
        Counts minus(Counts other) {
            return new Counts(errors - other.errors, slow - other.slow);
        }
    }

    private record PendingLabel(Instant due, String requestId, Object actual) {
    }

    /**
     * Declares a scenario. Times given as durations are measured from the start. Validates each argument at once.
     *
     * @param <I> input type
     */
    public static final class Builder<I> {

        private final Function<Random, ? extends I> inputs;
        private Instant start = TestClock.DEFAULT_START;
        private Duration duration = DEFAULT_DURATION;
        private Duration step = DEFAULT_STEP;
        private Duration snapshotEvery = DEFAULT_SNAPSHOT_EVERY;
        private long seed = DEFAULT_SEED;
        private double requestsPerSecond = DEFAULT_REQUESTS_PER_SECOND;
        private double baselineErrorRate;
        private Function<Instant, Double> errorRate = time -> 0.0;
        private boolean customErrors;
        private Function<Instant, Latency> latency = time -> Latency.constant(Duration.ZERO);
        private boolean customLatency;
        private @Nullable Duration driftAfter;
        private @Nullable Instant driftAt;
        private @Nullable Function<Random, ? extends I> drifted;
        private @Nullable Duration labelDelay;
        private @Nullable Function<? super I, ?> truth;

        private Builder(Function<Random, ? extends I> inputs) {
            this.inputs = Objects.requireNonNull(inputs, "inputs");
        }

        /**
         * The simulated time the scenario starts at (default {@link TestClock#DEFAULT_START}).
         *
         * @param value the start
         * @return this builder
         */
        public Builder<I> start(Instant value) {
            this.start = Objects.requireNonNull(value, "start");
            return this;
        }

        /**
         * How long the scenario runs (default {@link #DEFAULT_DURATION}).
         *
         * @param value positive
         * @return this builder
         */
        public Builder<I> duration(Duration value) {
            this.duration = positive(value, "duration");
            return this;
        }

        /**
         * How often traffic is sent and the clock moved (default {@link #DEFAULT_STEP}).
         *
         * @param value positive
         * @return this builder
         */
        public Builder<I> step(Duration value) {
            this.step = positive(value, "step");
            return this;
        }

        /**
         * How often a snapshot is taken (default {@link #DEFAULT_SNAPSHOT_EVERY}); the last step always ends one.
         *
         * @param value positive
         * @return this builder
         */
        public Builder<I> snapshotEvery(Duration value) {
            this.snapshotEvery = positive(value, "snapshotEvery");
            return this;
        }

        /**
         * The seed of every random draw (inputs, failures, latencies); default {@link #DEFAULT_SEED}.
         *
         * @param value the seed
         * @return this builder
         */
        public Builder<I> seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * Requests per simulated second (default {@link #DEFAULT_REQUESTS_PER_SECOND}).
         *
         * @param value not negative, finite
         * @return this builder
         */
        public Builder<I> requestsPerSecond(double value) {
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("requestsPerSecond must be finite and not negative, was " + value);
            }
            this.requestsPerSecond = value;
            return this;
        }

        /**
         * A constant share of calls that fail (default 0).
         *
         * @param value in [0, 1]
         * @return this builder
         */
        public Builder<I> errorRate(double value) {
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException("errorRate must be in [0, 1], was " + value);
            }
            this.baselineErrorRate = value;
            this.errorRate = time -> value;
            this.customErrors = value > 0 || customErrors;
            return this;
        }

        /**
         * The share of calls that fail, by simulated time (read once per step), for incidents of any shape.
         *
         * @param schedule the error rate in [0, 1] at each time
         * @return this builder
         */
        public Builder<I> errorRate(Function<Instant, Double> schedule) {
            this.errorRate = Objects.requireNonNull(schedule, "schedule");
            this.customErrors = true;
            return this;
        }

        /**
         * Every call fails from {@code from} until {@code to} (after the start); the error rate set before
         * applies otherwise.
         *
         * @param from when the outage begins, not negative
         * @param to   when it ends, after {@code from}
         * @return this builder
         */
        public Builder<I> outage(Duration from, Duration to) {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (from.isNegative() || to.compareTo(from) <= 0) {
                throw new IllegalArgumentException("Need 0 <= from < to, were " + from + " and " + to);
            }
            Function<Instant, Double> before = errorRate;
            this.errorRate = time -> {
                Duration since = Duration.between(start, time);
                return since.compareTo(from) >= 0 && since.compareTo(to) < 0 ? 1.0 : before.apply(time);
            };
            this.customErrors = true;
            return this;
        }

        /**
         * The latency of every call (default zero).
         *
         * @param value the distribution
         * @return this builder
         */
        public Builder<I> latency(Latency value) {
            Objects.requireNonNull(value, "latency");
            this.latency = time -> value;
            this.customLatency = true;
            return this;
        }

        /**
         * The latency distribution by simulated time (read once per step), e.g. a slowdown during an incident.
         *
         * @param schedule the distribution at each time
         * @return this builder
         */
        public Builder<I> latencySchedule(Function<Instant, Latency> schedule) {
            this.latency = Objects.requireNonNull(schedule, "schedule");
            this.customLatency = true;
            return this;
        }

        /**
         * Inputs drift: from {@code after} (after the start), inputs come from another generator.
         *
         * @param after   when the drift begins, not negative
         * @param shifted draws one drifted input
         * @return this builder
         */
        public Builder<I> driftAfter(Duration after, Function<Random, ? extends I> shifted) {
            Objects.requireNonNull(after, "after");
            if (after.isNegative()) {
                throw new IllegalArgumentException("driftAfter must not be negative, was " + after);
            }
            this.driftAfter = after;
            this.drifted = Objects.requireNonNull(shifted, "shifted");
            return this;
        }

        /**
         * Labels arrive {@code delay} after each request, with the true value for its input. The model must be
         * built with {@code labels(...)}.
         *
         * @param delay not negative
         * @param truth the true value (the label) for an input
         * @return this builder
         */
        public Builder<I> labels(Duration delay, Function<? super I, ?> truth) {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("label delay must not be negative, was " + delay);
            }
            this.labelDelay = delay;
            this.truth = Objects.requireNonNull(truth, "truth");
            return this;
        }

        /** A snapshot of every setting, so a built scenario is immune to later builder calls. */
        private Builder<I> copy() {
            Builder<I> copy = new Builder<>(inputs);
            copy.start = start;
            copy.duration = duration;
            copy.step = step;
            copy.snapshotEvery = snapshotEvery;
            copy.seed = seed;
            copy.requestsPerSecond = requestsPerSecond;
            copy.baselineErrorRate = baselineErrorRate;
            copy.errorRate = errorRate;
            copy.customErrors = customErrors;
            copy.latency = latency;
            copy.customLatency = customLatency;
            copy.driftAfter = driftAfter;
            copy.driftAt = driftAt;
            copy.drifted = drifted;
            copy.labelDelay = labelDelay;
            copy.truth = truth;
            return copy;
        }

        /**
         * Builds the scenario.
         *
         * @return the scenario, with its clock at the start
         * @throws IllegalStateException if the snapshot period is shorter than the step
         */
        public Scenario<I> build() {
            if (snapshotEvery.compareTo(step) < 0) {
                throw new IllegalStateException("snapshotEvery " + snapshotEvery + " is shorter than the step "
                        + step);
            }
            this.driftAt = driftAfter == null ? null : start.plus(driftAfter);
            return new Scenario<>(copy()); // the scenario keeps its own settings; later builder calls do not reach it
        }

        boolean needsSimulation() {
            return customErrors || customLatency || baselineErrorRate > 0;
        }

        private static Duration positive(Duration value, String what) {
            Objects.requireNonNull(value, what);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, was " + value);
            }
            return value;
        }
    }
}
