package io.github.mlhighway.lifecycle.core.slo;

import io.github.mlhighway.lifecycle.core.json.Json;
import io.github.mlhighway.lifecycle.slo.Slo;
import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.store.StoreException;
import io.github.mlhighway.lifecycle.store.StoredDocument;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SLOs of one application: a {@link SloTracker} per SLO, ticked together, saved to and restored from a
 * {@link Store}. Thread-safe.
 *
 * <p>Memory: a tracker keeps one bucket ring per distinct window (the SLO's rolling window, each tier's long and
 * short window, and one hour), each of at most 20,000 buckets of 16 bytes; with at most {@link
 * io.github.mlhighway.lifecycle.slo.AlertPolicy#MAX_TIERS} tiers and windows of at most {@link
 * io.github.mlhighway.lifecycle.slo.TimeWindow#MAX_LENGTH}, any SLO accepted by the API costs at most 34 rings,
 * about 11 MB, and typically a few tens of kilobytes (a 30-day SLO with the Workbook tiers: about 60 KB).
 *
 * <pre>{@code
 * SloRegistry slos = SloRegistry.create(clock);
 * SloTracker availability = slos.register(Slo.ratio("checkout.availability")
 *     .objective(0.999).rollingWindow(Duration.ofDays(28)).build());
 * slos.startTicking(scheduler, Duration.ofSeconds(1));
 * availability.record(response.ok());
 * }</pre>
 *
 * @since 0.1
 */
public final class SloRegistry implements AutoCloseable {

    /** The store collection SLO states are saved in, one document per SLO keyed by its name. */
    public static final String STATE_COLLECTION = "slo-state";
    /** The recommended tick interval in production. */
    public static final Duration DEFAULT_TICK_INTERVAL = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(SloRegistry.class);

    private final Clock clock;
    private final ConcurrentSkipListMap<String, SloTracker> trackers = new ConcurrentSkipListMap<>();
    private volatile @Nullable ScheduledFuture<?> ticking;

    private SloRegistry(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * An empty registry whose trackers read the given clock.
     *
     * @param clock the clock
     * @return the registry
     */
    public static SloRegistry create(Clock clock) {
        return new SloRegistry(clock);
    }

    /**
     * The clock every tracker of this registry reads.
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    /**
     * Adds an SLO and returns its tracker.
     *
     * @param slo the SLO; its name must be new to this registry
     * @return the tracker
     * @throws IllegalArgumentException if an SLO of that name is registered
     */
    public SloTracker register(Slo slo) {
        Objects.requireNonNull(slo, "slo");
        SloTracker tracker = SloTracker.create(slo, clock);
        SloTracker previous = trackers.putIfAbsent(slo.name(), tracker);
        if (previous != null) {
            throw new IllegalArgumentException("An SLO named '" + slo.name() + "' is already registered");
        }
        return tracker;
    }

    /**
     * The tracker of an SLO.
     *
     * @param name SLO name
     * @return the tracker
     * @throws IllegalArgumentException if no SLO has that name
     */
    public SloTracker tracker(String name) {
        SloTracker tracker = trackers.get(name);
        if (tracker == null) {
            throw new IllegalArgumentException("No SLO named '" + name + "'; registered: " + trackers.keySet());
        }
        return tracker;
    }

    /**
     * The tracker of an SLO, if registered.
     *
     * @param name SLO name
     * @return the tracker or empty
     */
    public Optional<SloTracker> find(String name) {
        return Optional.ofNullable(trackers.get(name));
    }

    /**
     * Every tracker, by SLO name.
     *
     * @return the trackers, sorted by name
     */
    public List<SloTracker> trackers() {
        return new ArrayList<>(trackers.values());
    }

    /** Ticks every tracker (see {@link SloTracker#tick()}). */
    public void tick() {
        for (SloTracker tracker : trackers.values()) {
            tracker.tick();
        }
    }

    /**
     * Ticks every tracker at a fixed rate on the given scheduler until {@link #close()}. A failing tick is
     * logged and does not stop later ones.
     *
     * @param scheduler the scheduler (owned by the caller)
     * @param every     interval, typically {@link #DEFAULT_TICK_INTERVAL}
     * @throws IllegalStateException if already ticking
     */
    public synchronized void startTicking(ScheduledExecutorService scheduler, Duration every) {
        Objects.requireNonNull(scheduler, "scheduler");
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("Tick interval must be positive, was " + every);
        }
        if (ticking != null) {
            throw new IllegalStateException("This SLO registry is already ticking");
        }
        long millis = every.toMillis();
        ticking = scheduler.scheduleAtFixedRate(() -> {
            try {
                tick();
            } catch (RuntimeException e) {
                LOG.error("SLO tick failed", e);
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Saves every tracker's state into the store ({@value #STATE_COLLECTION} collection).
     *
     * @param store the store
     */
    public void saveTo(Store store) {
        for (SloTracker tracker : trackers.values()) {
            store.put(STATE_COLLECTION, tracker.slo().name(), Json.write(tracker.snapshot()));
        }
    }

    /**
     * Restores the saved state of every registered SLO that has one in the store.
     *
     * @param store the store
     * @return how many trackers were restored
     * @throws StoreException if a saved state cannot be read
     */
    public int restoreFrom(Store store) {
        int restored = 0;
        for (SloTracker tracker : trackers.values()) {
            if (restore(store, tracker)) {
                restored++;
            }
        }
        return restored;
    }

    /**
     * Restores the saved state of one registered SLO, if the store has one.
     *
     * @param store the store
     * @param name  the SLO's name
     * @return whether a saved state was found and restored
     * @throws IllegalArgumentException if no SLO has that name
     * @throws StoreException           if the saved state cannot be read
     */
    public boolean restoreFrom(Store store, String name) {
        return restore(store, tracker(name));
    }

    private static boolean restore(Store store, SloTracker tracker) {
        Optional<StoredDocument> document = store.read(STATE_COLLECTION, tracker.slo().name());
        if (document.isEmpty()) {
            return false;
        }
        SloState state;
        try {
            state = Json.read(document.get().json(), SloState.class);
        } catch (UncheckedIOException e) {
            throw new StoreException("Cannot read the saved state of SLO '" + tracker.slo().name() + "' ("
                    + STATE_COLLECTION + "/" + tracker.slo().name() + "): " + e.getMessage(), e);
        }
        tracker.restore(state);
        return true;
    }

    /** Stops ticking (if started). Trackers keep their state. */
    @Override
    public synchronized void close() {
        if (ticking != null) {
            ticking.cancel(false);
            ticking = null;
        }
    }
}
