package io.github.mlhighway.lifecycle.core.micrometer;

import io.github.mlhighway.lifecycle.core.slo.DurationLabels;
import io.github.mlhighway.lifecycle.core.slo.SloRegistry;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.slo.AlertState;
import io.github.mlhighway.lifecycle.slo.BurnRateTier;
import io.github.mlhighway.lifecycle.slo.ErrorBudget;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds the SLOs of a {@link SloRegistry} to a Micrometer {@link MeterRegistry}: the recorded events as counters,
 * and the error budget, burn rates and alert states as gauges.
 *
 * <pre>{@code
 * SloMeters.of(slos).bindTo(meterRegistry);   // gauges cached per scrape by the registry's clock
 * }</pre>
 *
 * <h2>Meters</h2>
 * Every meter carries the tag {@code slo} (the SLO name) and the common tags given to the {@link Builder}.
 * Names are Micrometer dot-style; the Prometheus rendering is shown in brackets.
 * <table>
 *   <caption>Meters per SLO</caption>
 *   <tr><th>name</th><th>type</th><th>extra tags</th><th>value</th></tr>
 *   <tr><td>{@value #EVENTS} ({@code lifecycle_slo_events_total})</td><td>function counter</td>
 *       <td>{@code outcome=good|bad}</td><td>events recorded since the tracker was created or restored</td></tr>
 *   <tr><td>{@value #OBJECTIVE} ({@code lifecycle_slo_objective_ratio})</td><td>gauge</td><td></td>
 *       <td>the objective, e.g. 0.999</td></tr>
 *   <tr><td>{@value #SLI} ({@code lifecycle_slo_sli_ratio})</td><td>gauge</td><td></td>
 *       <td>the SLI over the SLO window ({@link ErrorBudget#sli()})</td></tr>
 *   <tr><td>{@value #BUDGET_REMAINING} ({@code lifecycle_slo_budget_remaining_ratio})</td><td>gauge</td><td></td>
 *       <td>{@link ErrorBudget#remainingFraction()}; negative when overspent</td></tr>
 *   <tr><td>{@value #BUDGET_CONSUMED} ({@code lifecycle_slo_budget_consumed_ratio})</td><td>gauge</td><td></td>
 *       <td>{@link ErrorBudget#consumedFraction()}; above 1 when overspent</td></tr>
 *   <tr><td>{@value #BURN_RATE} ({@code lifecycle_slo_burn_rate})</td><td>gauge</td>
 *       <td>{@code window}, e.g. {@code 5m}, {@code 1h}, {@code 3d}</td>
 *       <td>the burn rate over every alert window, and over the budget's current-burn window</td></tr>
 *   <tr><td>{@value #ALERT_FIRING} ({@code lifecycle_slo_alert_firing})</td><td>gauge</td>
 *       <td>{@code tier}, {@code severity=page|ticket}</td>
 *       <td>1 while the tier alerts ({@link AlertState#isAlerting()}: firing, or no data under the
 *       {@code ALERT} no-data policy), else 0</td></tr>
 * </table>
 *
 * <h2>Cost</h2>
 * Recording is untouched: the event counters read the tracker's cumulative counters
 * ({@link SloTracker#goodEventsRecorded()}) when scraped. The gauges of one SLO share a small cache: the first
 * gauge read computes {@link SloTracker#budget()} and {@link SloTracker#alerts()} once, and the other gauges of
 * that SLO reuse the result until the clock has moved on by {@link Builder#cacheFor(Duration) cacheFor}
 * (default {@link #DEFAULT_CACHE_DURATION}), so one scrape computes each budget once rather than once per gauge.
 * The cache expires by the clock given here; pass the clock the {@link SloRegistry} reads, so that a test clock
 * expires it too.
 *
 * <h2>References and failures</h2>
 * Gauges and counters hold their {@link SloTracker} weakly (Micrometer's default), and the functions they hold
 * refer to no tracker, so binding keeps no tracker alive: once the application drops its trackers, the gauges
 * read {@code NaN} and the event counters keep their last value. A read that throws never propagates into the meter registry: the gauge reads {@code NaN}, and
 * the failure is logged once per SLO at WARN (later ones at DEBUG).
 *
 * <h2>SLOs registered later</h2>
 * {@link #bindTo(MeterRegistry)} binds the SLOs registered at the time of the call. Call it again after
 * registering more: SLOs whose meters the registry already has (same name, same common tags) are skipped.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1
 */
public final class SloMeters implements MeterBinder {

    /** Name of the event counters. */
    public static final String EVENTS = "lifecycle.slo.events";
    /** Name of the objective gauge. */
    public static final String OBJECTIVE = "lifecycle.slo.objective";
    /** Name of the SLI gauge. */
    public static final String SLI = "lifecycle.slo.sli";
    /** Name of the remaining-budget gauge. */
    public static final String BUDGET_REMAINING = "lifecycle.slo.budget.remaining";
    /** Name of the consumed-budget gauge. */
    public static final String BUDGET_CONSUMED = "lifecycle.slo.budget.consumed";
    /** Name of the burn-rate gauges. */
    public static final String BURN_RATE = "lifecycle.slo.burn.rate";
    /** Name of the alert gauges. */
    public static final String ALERT_FIRING = "lifecycle.slo.alert.firing";

    /** Tag holding the SLO name. */
    public static final String TAG_SLO = "slo";
    /** Tag of the event counters: {@code good} or {@code bad}. */
    public static final String TAG_OUTCOME = "outcome";
    /** Tag of the burn-rate gauges: the window, e.g. {@code 5m}. */
    public static final String TAG_WINDOW = "window";
    /** Tag of the alert gauges: the tier id. */
    public static final String TAG_TIER = "tier";
    /** Tag of the alert gauges: {@code page} or {@code ticket}. */
    public static final String TAG_SEVERITY = "severity";

    /** How long, by the clock, the gauges of one SLO reuse one computation of its budget and alerts. */
    public static final Duration DEFAULT_CACHE_DURATION = Duration.ofSeconds(1);

    private static final String RATIO = "ratio";
    private static final Logger LOG = LoggerFactory.getLogger(SloMeters.class);

    private final SloRegistry slos;
    private final Clock clock;
    private final Tags tags;
    private final long cacheMillis;

    private SloMeters(Builder builder) {
        this.slos = builder.slos;
        this.clock = builder.clock;
        this.tags = builder.tags;
        this.cacheMillis = builder.cacheFor.toMillis();
    }

    /**
     * Meters for every SLO of the registry, with the default cache, expiring by the registry's own clock.
     *
     * @param slos the SLO registry
     * @return the binder
     */
    public static SloMeters of(SloRegistry slos) {
        return of(slos, slos.clock());
    }

    /**
     * A binder for every SLO of the registry, with no common tags and the default cache duration.
     *
     * @param slos  the SLO registry
     * @param clock the clock the SLO registry reads; the gauge cache expires by it
     * @return the binder
     */
    public static SloMeters of(SloRegistry slos, Clock clock) {
        return builder(slos, clock).build();
    }

    /**
     * A builder, for common tags or another cache duration.
     *
     * @param slos  the SLO registry
     * @param clock the clock the SLO registry reads; the gauge cache expires by it
     * @return the builder
     */
    public static Builder builder(SloRegistry slos, Clock clock) {
        return new Builder(slos, clock);
    }

    /**
     * Registers the meters of every SLO now in the SLO registry. Idempotent: SLOs already bound to this meter
     * registry (with the same common tags) are skipped, so call it again after registering more SLOs.
     *
     * @param registry the meter registry
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        for (SloTracker tracker : slos.trackers()) {
            bind(tracker, registry);
        }
    }

    private void bind(SloTracker tracker, MeterRegistry registry) {
        String name = tracker.slo().name();
        Tags sloTags = tags.and(TAG_SLO, name);
        if (registry.find(EVENTS).tags(sloTags).meter() != null) {
            return; // bound before: registering function meters again would only log Micrometer warnings
        }
        List<BurnRateTier> tiers = tracker.slo().alerting().tiers();
        Duration[] windows = windowsOf(tracker, tiers);
        Reader reader = new Reader(name, clock, cacheMillis, tiers, windows);

        FunctionCounter.builder(EVENTS, tracker, SloTracker::goodEventsRecorded)
                .tags(sloTags).tag(TAG_OUTCOME, "good")
                .description("Events recorded against the SLO, by outcome")
                .register(registry);
        FunctionCounter.builder(EVENTS, tracker, SloTracker::badEventsRecorded)
                .tags(sloTags).tag(TAG_OUTCOME, "bad")
                .description("Events recorded against the SLO, by outcome")
                .register(registry);
        double objective = tracker.slo().objective();
        Gauge.builder(OBJECTIVE, tracker, t -> objective)
                .tags(sloTags).baseUnit(RATIO)
                .description("The SLO's objective")
                .register(registry);
        gauge(registry, SLI, tracker, reader, s -> s.budget.sli(), sloTags, RATIO,
                "The SLI over the SLO window");
        gauge(registry, BUDGET_REMAINING, tracker, reader, s -> s.budget.remainingFraction(), sloTags, RATIO,
                "Share of the error budget left over the SLO window; negative when overspent");
        gauge(registry, BUDGET_CONSUMED, tracker, reader, s -> s.budget.consumedFraction(), sloTags, RATIO,
                "Share of the error budget spent over the SLO window; above 1 when overspent");
        for (int i = 0; i < windows.length; i++) {
            int index = i;
            gauge(registry, BURN_RATE, tracker, reader, s -> s.burnRates[index],
                    sloTags.and(TAG_WINDOW, DurationLabels.of(windows[i])), null,
                    "Error ratio over the window divided by the error budget ratio (1 - objective)");
        }
        for (int i = 0; i < tiers.size(); i++) {
            int index = i;
            BurnRateTier tier = tiers.get(i);
            gauge(registry, ALERT_FIRING, tracker, reader, s -> s.alerting[index] ? 1.0 : 0.0,
                    sloTags.and(TAG_TIER, tier.id()).and(TAG_SEVERITY, tier.severity().label()), null,
                    "1 while the burn-rate alert tier fires, else 0");
        }
    }

    private static void gauge(MeterRegistry registry, String name, SloTracker tracker, Reader reader,
                              ToDoubleFunction<Snapshot> value, Tags tags, @Nullable String baseUnit,
                              String description) {
        // The tracker is held weakly by the gauge; the function captures only the reader, which holds no tracker.
        Gauge.builder(name, tracker, t -> reader.read(t, value))
                .tags(tags).baseUnit(baseUnit).description(description)
                .register(registry);
    }

    private static Duration[] windowsOf(SloTracker tracker, List<BurnRateTier> tiers) {
        TreeSet<Duration> windows = new TreeSet<>();
        for (BurnRateTier tier : tiers) {
            windows.add(tier.longWindow());
            windows.add(tier.shortWindow());
        }
        Duration period = tracker.slo().window().nominalLength();
        windows.add(period.compareTo(SloTracker.DEFAULT_BURN_RATE_WINDOW) < 0 ? period
                : SloTracker.DEFAULT_BURN_RATE_WINDOW);
        return windows.toArray(Duration[]::new);
    }

    /** What one computation of an SLO's budget and alerts yields for the gauges. */
    private static final class Snapshot {
        final long computedAtMillis;
        final ErrorBudget budget;
        final double[] burnRates;
        final boolean[] alerting;

        Snapshot(long computedAtMillis, ErrorBudget budget, double[] burnRates, boolean[] alerting) {
            this.computedAtMillis = computedAtMillis;
            this.budget = budget;
            this.burnRates = burnRates;
            this.alerting = alerting;
        }
    }

    /**
     * The gauges' shared view of one SLO: computes a {@link Snapshot} when the cached one has expired. Refers to
     * no tracker (the gauge passes it in), so the gauges' weak references are the only ones binding makes.
     */
    private static final class Reader {
        private final String slo;
        private final Clock clock;
        private final long cacheMillis;
        private final List<BurnRateTier> tiers;
        private final Duration[] windows;
        private final AtomicBoolean warned = new AtomicBoolean();
        private volatile @Nullable Snapshot cached;

        Reader(String slo, Clock clock, long cacheMillis, List<BurnRateTier> tiers, Duration[] windows) {
            this.slo = slo;
            this.clock = clock;
            this.cacheMillis = cacheMillis;
            this.tiers = List.copyOf(tiers);
            this.windows = windows;
        }

        double read(SloTracker tracker, ToDoubleFunction<Snapshot> value) {
            try {
                long now = clock.millis();
                Snapshot snapshot = cached;
                if (snapshot == null || cacheMillis == 0 || now < snapshot.computedAtMillis
                        || now - snapshot.computedAtMillis >= cacheMillis) {
                    snapshot = compute(tracker, now);
                    cached = snapshot;
                }
                return value.applyAsDouble(snapshot);
            } catch (RuntimeException e) {
                if (warned.compareAndSet(false, true)) {
                    LOG.warn("Cannot read SLO '{}' for its meters; they read NaN while this lasts"
                            + " (later failures are logged at DEBUG)", slo, e);
                } else {
                    LOG.debug("Cannot read SLO '{}' for its meters", slo, e);
                }
                return Double.NaN;
            }
        }

        private Snapshot compute(SloTracker tracker, long now) {
            ErrorBudget budget = tracker.budget();
            List<AlertState> states = tracker.alerts();
            double[] burnRates = new double[windows.length];
            java.util.Arrays.fill(burnRates, Double.NaN);
            boolean[] alerting = new boolean[tiers.size()];
            for (int i = 0; i < states.size() && i < alerting.length; i++) {
                AlertState state = states.get(i);
                alerting[i] = state.isAlerting();
                put(burnRates, state.longBurn().window(), state.longBurn().burnRate());
                put(burnRates, state.shortBurn().window(), state.shortBurn().burnRate());
            }
            put(burnRates, budget.burnRateWindow(), budget.burnRate());
            return new Snapshot(now, budget, burnRates, alerting);
        }

        private void put(double[] burnRates, Duration window, double burnRate) {
            for (int i = 0; i < windows.length; i++) {
                if (windows[i].equals(window)) {
                    burnRates[i] = burnRate;
                    return;
                }
            }
        }
    }

    /** Options of a {@link SloMeters} binder. */
    public static final class Builder {
        private final SloRegistry slos;
        private final Clock clock;
        private Tags tags = Tags.empty();
        private Duration cacheFor = DEFAULT_CACHE_DURATION;

        private Builder(SloRegistry slos, Clock clock) {
            this.slos = Objects.requireNonNull(slos, "slos");
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        /**
         * Tags added to every meter, e.g. {@code service} or {@code region}. Must not use the keys this binder
         * sets ({@code slo}, {@code outcome}, {@code window}, {@code tier}, {@code severity}).
         *
         * @param commonTags the tags
         * @return this builder
         * @throws IllegalArgumentException if a tag uses a key this binder sets
         */
        public Builder tags(Iterable<Tag> commonTags) {
            Objects.requireNonNull(commonTags, "commonTags");
            Tags all = Tags.of(commonTags);
            for (Tag tag : all) {
                if (List.of(TAG_SLO, TAG_OUTCOME, TAG_WINDOW, TAG_TIER, TAG_SEVERITY).contains(tag.getKey())) {
                    throw new IllegalArgumentException("Common tag '" + tag.getKey()
                            + "' is set by the SLO meters themselves; choose another key");
                }
            }
            this.tags = all;
            return this;
        }

        /**
         * Tags added to every meter, as key-value pairs.
         *
         * @param keyValues an even number of strings: key, value, key, value…
         * @return this builder
         * @throws IllegalArgumentException if a tag uses a key this binder sets, or the count is odd
         */
        public Builder tags(String... keyValues) {
            return tags(Tags.of(keyValues));
        }

        /**
         * How long, by the clock, the gauges of one SLO reuse one computation of its budget and alerts.
         * {@link Duration#ZERO} computes on every gauge read.
         *
         * @param duration zero or positive; default {@link #DEFAULT_CACHE_DURATION}
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder cacheFor(Duration duration) {
            Objects.requireNonNull(duration, "duration");
            if (duration.isNegative()) {
                throw new IllegalArgumentException("Cache duration must be zero or positive, was " + duration);
            }
            this.cacheFor = duration;
            return this;
        }

        /**
         * The binder.
         *
         * @return the binder
         */
        public SloMeters build() {
            return new SloMeters(this);
        }
    }
}
