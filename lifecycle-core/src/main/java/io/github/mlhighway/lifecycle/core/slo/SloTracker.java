package io.github.mlhighway.lifecycle.core.slo;

import io.github.mlhighway.lifecycle.core.slo.internal.BucketRing;
import io.github.mlhighway.lifecycle.core.slo.internal.CalendarTally;
import io.github.mlhighway.lifecycle.core.slo.internal.SliceAccumulator;
import io.github.mlhighway.lifecycle.slo.AlertState;
import io.github.mlhighway.lifecycle.slo.AlertStatus;
import io.github.mlhighway.lifecycle.slo.BudgetingMethod;
import io.github.mlhighway.lifecycle.slo.BurnRate;
import io.github.mlhighway.lifecycle.slo.BurnRateTier;
import io.github.mlhighway.lifecycle.slo.ErrorBudget;
import io.github.mlhighway.lifecycle.slo.Indicator;
import io.github.mlhighway.lifecycle.slo.NoDataPolicy;
import io.github.mlhighway.lifecycle.slo.Slo;
import io.github.mlhighway.lifecycle.slo.TimeWindow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records events against one {@link Slo} and answers for its error budget, burn rates and alerts.
 *
 * <h2>Recording</h2>
 * {@link #record(boolean)} and its siblings are lock-free and allocate nothing: each adds one to a striped
 * counter ({@link LongAdder}) and reads no clock. Call them from any number of threads.
 *
 * <h2>Time</h2>
 * Recorded events are distributed into the time windows by {@link #tick()}, which reads the injected clock,
 * moves the windows to the present and attributes the events recorded since the previous tick to the present.
 * Every read ({@link #budget()}, {@link #burnRate(Duration)}, {@link #alerts()}) ticks first. Drive ticks from a
 * scheduler ({@link SloRegistry#startTicking}) every second in production, so events land in the bucket of the
 * second they were recorded in; in tests the test kit's {@code TestClock} ticks before and after every advance,
 * so events land exactly at the simulated time they were recorded. Without any ticker, events count from the
 * next read: late, never lost, and never hidden from the short alert windows.
 *
 * <h2>Windows</h2>
 * Each window (the SLO window and every alert window) is a ring of buckets with subtract-on-evict; a window of
 * length W holds the newest W/r buckets of width r, where r is chosen so that every window costs a few
 * kilobytes (see {@code Resolutions}). A window's edge therefore moves in steps of its bucket width. Calendar
 * windows keep a running tally for the current period, which resets when the next period begins.
 *
 * <h2>Budgeting</h2>
 * Occurrences count events. Timeslices count closed slices (a slice is good when its ratio meets the slice
 * target; an empty slice counts per the alert policy's {@link NoDataPolicy}: good, bad, or not at all).
 * RatioTimeslices count each closed, non-empty slice's good ratio. The open slice is not counted until it
 * closes.
 *
 * @since 0.1
 */
public final class SloTracker {

    /** The window over which the "current" burn rate (and time to exhaustion) is measured, when it fits. */
    public static final Duration DEFAULT_BURN_RATE_WINDOW = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(SloTracker.class);
    private static final long RATIO_UNITS_PER_SLICE = 1_000_000L;
    private static final double FACTOR_TOLERANCE = 1e-9;

    private final Slo slo;
    private final Clock clock;
    private final Indicator.@Nullable Threshold threshold;

    private final LongAdder goodEvents = new LongAdder();
    private final LongAdder badEvents = new LongAdder();

    // Guarded by "this": everything below is touched only while distributing or reading.
    private final TreeMap<Long, BucketRing> rings = new TreeMap<>();
    private final @Nullable CalendarTally calendar;
    private final @Nullable SliceAccumulator slices;
    private final long burnRateWindowMillis;
    private final long longestRingMillis;
    private final Map<String, AlertStatus> lastStatus = new HashMap<>();
    private long distributedGood;
    private long distributedBad;
    private long flushedAtMillis;

    private SloTracker(Slo slo, Clock clock) {
        this.slo = Objects.requireNonNull(slo, "slo");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.threshold = slo.indicator() instanceof Indicator.Threshold t ? t : null;
        long period = slo.window().nominalLength().toMillis();
        if (slo.window() instanceof TimeWindow.Rolling rolling) {
            addRing(rolling.duration().toMillis());
            this.calendar = null;
        } else {
            this.calendar = new CalendarTally((TimeWindow.Calendar) slo.window());
        }
        for (BurnRateTier tier : slo.alerting().tiers()) {
            addRing(tier.longWindow().toMillis());
            addRing(tier.shortWindow().toMillis());
        }
        this.burnRateWindowMillis = Math.min(DEFAULT_BURN_RATE_WINDOW.toMillis(), period);
        addRing(burnRateWindowMillis);
        this.longestRingMillis = rings.lastKey();
        this.slices = slo.timeslices() == null ? null
                : new SliceAccumulator(slo.timeslices().slice().toMillis(), sliceAlignmentMillis(slo));
        this.flushedAtMillis = clock.millis();
        advanceWindows(flushedAtMillis);
        if (slices != null) {
            slices.closeBefore(flushedAtMillis, flushedAtMillis, this::sliceClosed);
        }
    }

    /**
     * A tracker for an SLO whose time comes from the given clock.
     *
     * @param slo   the SLO
     * @param clock the clock (a test clock in tests)
     * @return the tracker
     */
    public static SloTracker create(Slo slo, Clock clock) {
        return new SloTracker(slo, clock);
    }

    /** @return the SLO this tracker records against */
    public Slo slo() {
        return slo;
    }

    /** Records one good event. Lock-free, allocation-free. */
    public void recordGood() {
        goodEvents.increment();
    }

    /** Records one bad event. Lock-free, allocation-free. */
    public void recordBad() {
        badEvents.increment();
    }

    /**
     * Records one event, or one probe result. Lock-free, allocation-free.
     *
     * @param good whether the event was good (the probe succeeded)
     */
    public void record(boolean good) {
        if (good) {
            goodEvents.increment();
        } else {
            badEvents.increment();
        }
    }

    /**
     * Records a batch of events.
     *
     * @param good  good events, at least 0
     * @param total all events, at least {@code good}
     * @throws IllegalArgumentException if the counts are negative or good exceeds total
     */
    public void record(long good, long total) {
        if (good < 0 || total < good) {
            throw new IllegalArgumentException("SLO '" + slo.name() + "': need 0 <= good <= total, got good=" + good
                    + ", total=" + total);
        }
        goodEvents.add(good);
        badEvents.add(total - good);
    }

    /**
     * Records a measured value of a threshold SLO; it is good when it satisfies the indicator's operator and
     * threshold. Lock-free, allocation-free.
     *
     * @param value the measurement, e.g. a latency in milliseconds
     * @throws IllegalStateException    if this SLO's indicator is not a threshold indicator
     * @throws IllegalArgumentException if the value is NaN (a measurement bug, not a bad event)
     */
    public void recordValue(double value) {
        if (threshold == null) {
            throw new IllegalStateException("SLO '" + slo.name() + "' has a " + slo.indicator().getClass()
                    .getSimpleName().toLowerCase(Locale.ROOT) + " indicator; record(boolean) instead of recordValue");
        }
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("SLO '" + slo.name() + "': recorded value is NaN");
        }
        record(threshold.isGood(value));
    }

    /**
     * Good events recorded since this tracker was created or restored (not windowed). For exporters.
     *
     * @return the count
     */
    public long goodEventsRecorded() {
        return goodEvents.sum();
    }

    /**
     * Bad events recorded since this tracker was created or restored (not windowed). For exporters.
     *
     * @return the count
     */
    public long badEventsRecorded() {
        return badEvents.sum();
    }

    /**
     * Moves every window to the clock's present, then distributes the events recorded since the previous tick
     * into the windows at the present. A clock that goes backwards is treated as standing still.
     *
     * <p>Attributing late events to the present errs toward alerting: events are never hidden from the short
     * alert windows because nobody ticked for a while. Tick at least every second for second-level accuracy;
     * the test kit's {@code TestClock} ticks before and after every advance, which makes it exact.
     */
    public synchronized void tick() {
        long now = Math.max(clock.millis(), flushedAtMillis);
        if (slices != null) {
            slices.closeBefore(now, now - longestUsefulMillis(), this::sliceClosed);
        }
        advanceWindows(now);
        flushedAtMillis = now;
        long good = goodEvents.sum();
        long bad = badEvents.sum();
        long newGood = good - distributedGood;
        long newBad = bad - distributedBad;
        distributedGood = good;
        distributedBad = bad;
        if (newGood != 0 || newBad != 0) {
            distribute(now, newGood, newBad);
        }
    }

    /**
     * The error budget over the SLO window, now.
     *
     * @return the budget snapshot
     */
    public synchronized ErrorBudget budget() {
        tick();
        long badUnits;
        long totalUnits;
        long windowStart;
        double slicesPerWindow;
        if (calendar != null) {
            badUnits = calendar.bad();
            totalUnits = calendar.total();
            windowStart = calendar.periodStartMillis();
            slicesPerWindow = slices == null ? 0
                    : (double) (calendar.periodEndMillis() - calendar.periodStartMillis()) / sliceMillis();
        } else {
            BucketRing ring = rings.get(windowMillis());
            badUnits = Objects.requireNonNull(ring).bad();
            totalUnits = ring.total();
            windowStart = ring.windowStartMillis();
            slicesPerWindow = slices == null ? 0 : (double) windowMillis() / sliceMillis();
        }
        double unit = unitsPerItem();
        long eligible = (long) (totalUnits / unit);
        double bad = badUnits / unit;
        double allowed = slo.budgetingMethod() == BudgetingMethod.TIMESLICES
                ? slo.errorBudgetRatio() * slicesPerWindow
                : slo.errorBudgetRatio() * eligible;
        double consumed = allowed > 0 ? bad / allowed : 0.0;
        double remaining = 1.0 - consumed;
        double sli = eligible == 0 ? 1.0 : 1.0 - bad / eligible;
        BurnRate current = burnRateOver(burnRateWindowMillis);
        Optional<Duration> exhaustion;
        if (remaining <= 0) {
            exhaustion = Optional.of(Duration.ZERO);
        } else if (current.burnRate() <= 0) {
            exhaustion = Optional.empty();
        } else {
            double periodMillis = slo.window().nominalLength().toMillis();
            exhaustion = Optional.of(Duration.ofMillis((long) (remaining * periodMillis / current.burnRate())));
        }
        return new ErrorBudget(slo.name(), Instant.ofEpochMilli(flushedAtMillis), Instant.ofEpochMilli(windowStart),
                slo.budgetingMethod(), slo.objective(), eligible, bad, allowed, sli, consumed, remaining,
                current.burnRate(), Duration.ofMillis(burnRateWindowMillis), exhaustion);
    }

    /**
     * The burn rate over the newest {@code window}, measured on the finest tracked window that covers it.
     *
     * @param window positive, at most the longest tracked window (the SLO window or the longest alert window)
     * @return the burn rate
     * @throws IllegalArgumentException if the window is not positive or longer than any tracked window
     */
    public synchronized BurnRate burnRate(Duration window) {
        Objects.requireNonNull(window, "window");
        long millis = window.toMillis();
        if (millis <= 0 || millis > longestRingMillis) {
            throw new IllegalArgumentException("SLO '" + slo.name() + "': burn-rate window " + window
                    + " must be positive and at most " + Duration.ofMillis(longestRingMillis)
                    + ", the longest window tracked");
        }
        tick();
        return burnRateOver(millis);
    }

    /**
     * The state of every alert tier, now.
     *
     * @return one state per tier, in the policy's order
     */
    public synchronized List<AlertState> alerts() {
        tick();
        List<AlertState> states = new ArrayList<>();
        for (BurnRateTier tier : slo.alerting().tiers()) {
            AlertState state = evaluate(tier);
            lastStatus.put(tier.id(), state.status());
            states.add(state);
        }
        return states;
    }

    /**
     * The state to persist, after a tick. Events recorded but not yet ticked are included.
     *
     * @return the state
     */
    public synchronized SloState snapshot() {
        tick();
        List<SloState.Ring> ringStates = new ArrayList<>();
        rings.values().forEach(ring -> ringStates.add(ring.state()));
        return new SloState(SloState.FORMAT_VERSION, slo.name(), flushedAtMillis, ringStates,
                calendar == null ? null : calendar.state(), slices == null ? null : slices.state(),
                new HashMap<>(lastStatus));
    }

    /**
     * Restores windows saved by {@link #snapshot()}, typically at start-up. Windows whose length or bucket width
     * changed since (the SLO definition changed), or whose saved counts are inconsistent, start empty with a
     * warning in the log. Every event recorded on this tracker before the restore is kept: it is distributed,
     * at the present, on top of the restored windows.
     *
     * @param state a state saved for an SLO of the same name
     * @throws IllegalArgumentException if the state belongs to another SLO or has an unknown format version
     */
    public synchronized void restore(SloState state) {
        if (!slo.name().equals(state.slo())) {
            throw new IllegalArgumentException("State of SLO '" + state.slo() + "' cannot restore SLO '"
                    + slo.name() + "'");
        }
        if (state.formatVersion() != SloState.FORMAT_VERSION) {
            throw new IllegalArgumentException("SLO state of '" + slo.name() + "' has format version "
                    + state.formatVersion() + "; this library reads version " + SloState.FORMAT_VERSION);
        }
        if (state.rings() != null) {
            for (SloState.Ring ringState : state.rings()) {
                BucketRing ring = rings.get(ringState.windowMillis());
                if (ring != null && !ring.restore(ringState)) {
                    LOG.warn("SLO '{}': the saved window {} does not fit (bucket width changed or counts are "
                            + "inconsistent); it starts empty", slo.name(),
                                    Duration.ofMillis(ringState.windowMillis()));
                }
            }
        }
        if (calendar != null && state.calendar() != null) {
            calendar.restore(state.calendar());
        }
        if (slices != null && state.openSlice() != null) {
            slices.restore(state.openSlice());
        }
        if (state.alertStatuses() != null) {
            lastStatus.putAll(state.alertStatuses());
        }
        // The restored windows replace what earlier ticks distributed: hand every recorded event out again.
        distributedGood = 0;
        distributedBad = 0;
        tick();
    }

    private AlertState evaluate(BurnRateTier tier) {
        BurnRate longBurn = burnRateOver(tier.longWindow().toMillis());
        BurnRate shortBurn = burnRateOver(tier.shortWindow().toMillis());
        if (!tier.enabled()) {
            return new AlertState(slo.name(), tier, AlertStatus.OK, longBurn, shortBurn, "tier is disabled");
        }
        if (longBurn.isEmpty()) {
            NoDataPolicy noData = slo.alerting().noData();
            switch (noData) {
                case BAD:
                    return new AlertState(slo.name(), tier, AlertStatus.FIRING, longBurn, shortBurn,
                            "no events in the last " + tier.longWindow() + ", and no data counts as bad");
                case ALERT:
                    return new AlertState(slo.name(), tier, AlertStatus.NO_DATA, longBurn, shortBurn,
                            "no events in the last " + tier.longWindow());
                case IGNORE:
                    AlertStatus previous = lastStatus.getOrDefault(tier.id(), AlertStatus.OK);
                    return new AlertState(slo.name(), tier, previous, longBurn, shortBurn,
                            "no events in the last " + tier.longWindow() + "; keeping the previous state " + previous);
                default:
                    return new AlertState(slo.name(), tier, AlertStatus.OK, longBurn, shortBurn,
                            "no events in the last " + tier.longWindow() + ", and no data counts as good");
            }
        }
        long minimum = slo.alerting().minimumEvents();
        if (longBurn.eligible() < minimum) {
            return new AlertState(slo.name(), tier, AlertStatus.OK, longBurn, shortBurn, "only "
                    + longBurn.eligible() + " events in the last " + tier.longWindow() + ", fewer than the "
                    + minimum + " needed to alert");
        }
        double bar = tier.factor() * (1 - FACTOR_TOLERANCE);
        boolean firing = longBurn.burnRate() >= bar && shortBurn.burnRate() >= bar;
        // Concatenation, not String.format: alerts() runs on every tick and scrape.
        String reason = "burn rate " + rounded(longBurn.burnRate()) + " over " + tier.longWindow() + " and "
                + rounded(shortBurn.burnRate()) + " over " + tier.shortWindow()
                + (firing ? ", both at least" : ", not both at least") + " the factor " + rounded(tier.factor());
        return new AlertState(slo.name(), tier, firing ? AlertStatus.FIRING : AlertStatus.OK, longBurn, shortBurn,
                reason);
    }

    /** Three decimals, for reason sentences. */
    private static double rounded(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }

    private BurnRate burnRateOver(long millis) {
        BucketRing exact = rings.get(millis);
        long bad;
        long total;
        if (exact != null) {
            bad = exact.bad();
            total = exact.total();
        } else {
            BucketRing finest = null;
            for (BucketRing ring : rings.tailMap(millis, true).values()) {
                if (finest == null || ring.resolutionMillis() < finest.resolutionMillis()) {
                    finest = ring;
                }
            }
            long[] sums = Objects.requireNonNull(finest).sumNewest((int) Math.ceil((double) millis / Objects.requireNonNull(finest).resolutionMillis()));
            bad = sums[0];
            total = sums[1];
        }
        double unit = unitsPerItem();
        double errorRatio = total == 0 ? 0.0 : (double) bad / total;
        return new BurnRate(Duration.ofMillis(millis), (long) (total / unit), bad / unit, errorRatio,
                errorRatio / slo.errorBudgetRatio());
    }

    private void distribute(long atMillis, long good, long bad) {
        if (slices != null) {
            slices.add(atMillis, good, good + bad, atMillis - longestUsefulMillis(), this::sliceClosed);
        } else {
            addUnits(atMillis, bad, good + bad);
        }
    }

    private void sliceClosed(long sliceStartMillis, long good, long total) {
        long at = sliceStartMillis + sliceMillis() - 1;
        if (total == 0) {
            NoDataPolicy noData = slo.alerting().noData();
            if (noData == NoDataPolicy.GOOD) {
                addUnits(at, 0, unitsPerSlice());
            } else if (noData == NoDataPolicy.BAD) {
                addUnits(at, unitsPerSlice(), unitsPerSlice());
            }
            return;
        }
        if (slo.budgetingMethod() == BudgetingMethod.TIMESLICES) {
            addUnits(at, Objects.requireNonNull(slo.timeslices()).isGood(good, total) ? 0 : 1, 1);
        } else {
            long goodUnits = Math.round((double) good / total * RATIO_UNITS_PER_SLICE);
            addUnits(at, RATIO_UNITS_PER_SLICE - goodUnits, RATIO_UNITS_PER_SLICE);
        }
    }

    private void addUnits(long atMillis, long badUnits, long totalUnits) {
        for (BucketRing ring : rings.values()) {
            ring.add(atMillis, badUnits, totalUnits);
        }
        if (calendar != null) {
            calendar.add(atMillis, badUnits, totalUnits);
        }
    }

    private void advanceWindows(long millis) {
        for (BucketRing ring : rings.values()) {
            ring.advanceTo(millis);
        }
        if (calendar != null) {
            calendar.advanceTo(millis);
        }
    }

    private void addRing(long windowMillis) {
        rings.computeIfAbsent(windowMillis, BucketRing::forWindow);
    }

    /** Slices start at the calendar window's anchor in its zone (local midnight), or at the epoch. */
    private static long sliceAlignmentMillis(Slo slo) {
        if (slo.window() instanceof TimeWindow.Calendar calendarWindow) {
            return calendarWindow.start().atZone(calendarWindow.zone()).toInstant().toEpochMilli();
        }
        return 0;
    }

    private long longestUsefulMillis() {
        return Math.max(longestRingMillis, slo.window().nominalLength().toMillis() * 2);
    }

    private long windowMillis() {
        return ((TimeWindow.Rolling) slo.window()).duration().toMillis();
    }

    private long sliceMillis() {
        return Objects.requireNonNull(slo.timeslices()).slice().toMillis();
    }

    private long unitsPerSlice() {
        return slo.budgetingMethod() == BudgetingMethod.RATIO_TIMESLICES ? RATIO_UNITS_PER_SLICE : 1;
    }

    private double unitsPerItem() {
        return slo.budgetingMethod() == BudgetingMethod.RATIO_TIMESLICES ? RATIO_UNITS_PER_SLICE : 1.0;
    }

    @Override
    public String toString() {
        return "SloTracker[" + slo.name() + "]";
    }
}
