package io.github.mlhighway.lifecycle.core.release.fleet;

import io.github.mlhighway.lifecycle.core.json.Json;
import io.github.mlhighway.lifecycle.core.release.ReleaseConfig;
import io.github.mlhighway.lifecycle.core.release.ReleaseController;
import io.github.mlhighway.lifecycle.core.release.ReleaseJournal;
import io.github.mlhighway.lifecycle.core.release.ReleaseJournalException;
import io.github.mlhighway.lifecycle.core.release.ReleaseState;
import io.github.mlhighway.lifecycle.core.release.ReleaseTrafficPlan;
import io.github.mlhighway.lifecycle.core.store.ChangeNotifyingStore;
import io.github.mlhighway.lifecycle.core.store.StoreWatch;
import io.github.mlhighway.lifecycle.release.CohortStatsSource;
import io.github.mlhighway.lifecycle.release.TrafficPlan;
import io.github.mlhighway.lifecycle.store.RevisionConflictException;
import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.store.StoredDocument;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One replica's part in a release served by a fleet of JVMs sharing one store: whichever replica holds the
 * release's {@link ReleaseLease lease} drives it (opens the {@link ReleaseController} on the shared journal and
 * ticks it), and every replica, the leader included, serves from a {@link #plan() traffic plan} built from the
 * journaled state, so a step, a promotion or a rollback reaches every replica, and since routing is by the bucket
 * of a murmur3 hash of the key, the same key goes to the same version on every replica.
 *
 * <pre>{@code
 * FleetRelease release = FleetRelease.builder(config, store, fleetCounts, clock, FleetConfig.replica("pod-7"))
 *     .controller(c -> c.candidateAlerts(canaryAlerts).listener(log::info))
 *     .open();
 * model.trafficPlan(release.plan());                      // follows the journal from now on
 * scheduler.scheduleWithFixedDelay(release::tick, 0, 1, TimeUnit.SECONDS);
 * }</pre>
 * (The {@code Lifecycle} runtime does this wiring: {@code lifecycle.releases().release(model, config).fleet()}.)
 *
 * <p>On every {@link #tick()}:
 * <ul>
 * <li>a follower looks at the lease (once its expiry has passed, or every poll interval) and takes it when nobody
 * holds it or its holder let it lapse; it then opens the controller (which resumes from the journal at the step
 * the previous leader journaled), <em>fences</em> the journal ({@link ReleaseController#fence}) so that a deposed
 * leader that comes back fails its next write instead of overwriting, and drives the release from then on;</li>
 * <li>the leader renews the lease every renewal interval and, while the lease is held on its clock, ticks the
 * controller; a renewal that fails, a lease that lapsed, or a journal write refused by compare-and-set (someone
 * else took over) makes it stop driving at once. When the release ended and the follow-up work (alias move,
 * incident evidence) is done, it marks the lease finished and nobody drives the release again;</li>
 * <li>the plan follows the journal: immediately after the leader's own writes, on the store's change notification
 * when it is a {@link ChangeNotifyingStore} (then also every {@link FleetConfig#NOTIFIED_POLL_INTERVAL} as a
 * backstop), otherwise every {@link FleetConfig#pollInterval() poll interval}.</li>
 * </ul>
 *
 * <p>The analysis reads the {@link CohortStatsSource} given to the builder on whichever replica leads: give every
 * replica the same fleet-wide source (one that sums what every replica published), so a takeover changes nothing
 * in what is analysed. Manual control ({@code pause}, {@code resume}, {@code abort}) goes through
 * {@link #controller()} on the leader.
 *
 * <p>Thread-safe: {@link #tick()} and {@link #close()} are synchronized; {@link #refresh()} may run concurrently on
 * the notification thread; {@link #plan()} and the accessors are lock-free (a listener may call them).
 *
 * @since 0.1
 */
public final class FleetRelease implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FleetRelease.class);
    private static final int FENCE_ATTEMPTS = 5;

    private final ReleaseConfig config;
    private final Store store;
    private final Clock clock;
    private final FleetConfig fleet;
    private final CohortStatsSource stats;
    private final UnaryOperator<ReleaseController.Builder> customizer;
    private final Predicate<ReleaseController> onEnded;
    private final List<FleetListener> listeners;
    private final ReleaseLease lease;
    private final ReleaseTrafficPlan plan;
    private final Object planLock = new Object();
    private @Nullable StoreWatch watch;

    private volatile @Nullable ReleaseController controller;
    private volatile @Nullable ReleaseState state;
    private volatile @Nullable Instant journaledAt;
    private long appliedRevision = -1;
    private @Nullable String appliedPlan;

    // Instant.MIN: due at once (open() sets the poll and lease look to "now"; taking the lease sets the renewal)
    private Instant nextRenewAt = Instant.MIN;
    private Instant nextPollAt = Instant.MIN;
    private Instant nextLeaseLookAt = Instant.MIN;
    private volatile boolean done;
    private boolean closed;

    private FleetRelease(Builder b) {
        this.config = b.config;
        this.store = b.store;
        this.clock = b.clock;
        this.fleet = b.fleet;
        this.stats = b.stats;
        this.customizer = b.customizer;
        this.onEnded = b.onEnded;
        this.listeners = new CopyOnWriteArrayList<>(b.listeners);
        this.lease = new ReleaseLease(store, config.releaseId(), fleet.replicaId(), clock, fleet.leaseTtl());
        this.plan = new ReleaseTrafficPlan(config.baselineVersion(), config.baselineCohort());
    }

    /**
     * A builder.
     *
     * @param config the release, the same on every replica
     * @param store  the store the fleet shares (journal and lease)
     * @param stats  what the analysis reads when this replica leads (a fleet-wide source)
     * @param clock  this replica's clock
     * @param fleet  this replica's id and the lease timing
     * @return the builder
     */
    public static Builder builder(ReleaseConfig config, Store store, CohortStatsSource stats, Clock clock,
                                  FleetConfig fleet) {
        return new Builder(config, store, stats, clock, fleet);
    }

    /**
     * The traffic plan this replica serves from: hand it to the serving side once, it follows the journal.
     *
     * @return the plan (lock-free, allocation-free)
     */
    public TrafficPlan plan() {
        return plan;
    }

    /**
     * The journaled state the plan follows now.
     *
     * @return the state, empty while the release has not been started by any replica
     */
    public Optional<ReleaseState> state() {
        return Optional.ofNullable(state);
    }

    /**
     * When the journal write the plan follows was stored (on the store's clock).
     *
     * @return the instant, empty while the release has not been started
     */
    public Optional<Instant> journaledAt() {
        return Optional.ofNullable(journaledAt);
    }

    /** @return whether this replica drives the release now */
    public boolean isLeader() {
        return controller != null;
    }

    /**
     * The controller, on the replica that drives the release (for manual {@code pause}, {@code resume},
     * {@code abort} and for its journal).
     *
     * @return the controller while this replica leads, empty otherwise
     */
    public Optional<ReleaseController> controller() {
        return Optional.ofNullable(controller);
    }

    /** @return this replica's lease of the release (who holds it, until when) */
    public ReleaseLease lease() {
        return lease;
    }

    /** @return the release's configuration */
    public ReleaseConfig config() {
        return config;
    }

    /** @return this replica's part: its id and the lease timing */
    public FleetConfig fleet() {
        return fleet;
    }

    /**
     * Whether there is nothing left for this replica to do: the release ended, its follow-up work is done, and the
     * plan follows the end state.
     *
     * @return true when done
     */
    public boolean isDone() {
        return done;
    }

    /**
     * Adds a listener.
     *
     * @param listener the listener
     */
    public void addListener(FleetListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Takes, renews or gives up the lease as due, drives the release while this replica leads, and reads the journal
     * when a poll is due (see the class comment). Call it often, e.g. every second; the runtime does.
     *
     * @return false once {@link #isDone() done} or closed (the caller may stop ticking it)
     * @throws ReleaseJournalException when the leader's journal cannot be written for another reason than a takeover
     *                                 (the store is unreachable); it stays leader and tries again on the next tick
     */
    public synchronized boolean tick() {
        if (closed || done) {
            return false;
        }
        Instant now = clock.instant();
        if (controller != null) {
            lead(now);
        } else {
            contend(now);
        }
        if (controller == null && !done && !now.isBefore(nextPollAt)) {
            nextPollAt = now.plus(watch != null ? FleetConfig.NOTIFIED_POLL_INTERVAL : fleet.pollInterval());
            refresh();
        }
        return !done;
    }

    /**
     * Reads the journal now and, if it changed since the plan was last built, makes the plan follow it. Called by
     * the store's change notification and by polls; safe to call from any thread.
     *
     * @throws IllegalStateException when the journal holds another release under this id (other versions)
     */
    public void refresh() {
        synchronized (planLock) {
            Optional<StoredDocument> stored = store.read(ReleaseJournal.COLLECTION, config.releaseId());
            if (stored.isEmpty() || stored.get().revision() == appliedRevision) {
                return;
            }
            ReleaseState journaled = Json.read(stored.get().json(), ReleaseJournal.Document.class).state();
            try {
                plan.follow(config, journaled);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("Replica '" + fleet.replicaId() + "' cannot follow release '"
                        + config.releaseId() + "': " + e.getMessage(), e);
            }
            appliedRevision = stored.get().revision();
            state = journaled;
            Instant writtenAt = stored.get().writtenAt();
            journaledAt = writtenAt;
            String now = plan.toString();
            if (!now.equals(appliedPlan)) {
                appliedPlan = now;
                for (FleetListener listener : listeners) {
                    try {
                        listener.planChanged(this, journaled, writtenAt);
                    } catch (RuntimeException e) {
                        LOG.warn("Fleet listener {} failed on a plan change of release '{}'", listener,
                                config.releaseId(), e);
                    }
                }
            }
        }
    }

    /**
     * Stops following the journal and, if this replica leads, gives the lease up so that another replica takes over
     * on its next tick (instead of after the ttl). Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        StoreWatch watching = watch;
        if (watching != null) {
            watching.close();
        }
        if (controller != null) {
            controller = null;
            lease.release();
            fireLeadership(false, "closed: gave the lease up");
        }
    }

    @Override
    public String toString() {
        return "FleetRelease[" + config.releaseId() + ", replica " + fleet.replicaId() + ", "
                + (isLeader() ? "leader" : "follower") + ", " + plan + "]";
    }

    private synchronized FleetRelease open() {
        Instant now = clock.instant();
        nextPollAt = now;
        nextLeaseLookAt = now;
        refresh();
        if (store instanceof ChangeNotifyingStore notifying) {
            watch = notifying.watch(ReleaseJournal.COLLECTION, change -> {
                if (change.key().equals(config.releaseId())) {
                    try {
                        refresh();
                    } catch (RuntimeException e) {
                        LOG.warn("Replica '{}' could not follow a change of release '{}'", fleet.replicaId(),
                                config.releaseId(), e);
                    }
                }
            });
            refresh(); // a change committed between the first read and the watch
        }
        return this;
    }

    private void contend(Instant now) {
        Optional<LeaseState> known = lease.lastKnown();
        if (known.isPresent() && known.get().heldByAnotherAt(fleet.replicaId(), now) && now.isBefore(nextLeaseLookAt)) {
            return; // a live leader: look again when its lease would expire or at the next poll
        }
        nextLeaseLookAt = now.plus(fleet.pollInterval());
        if (!lease.tryAcquire()) {
            LeaseState seen = lease.lastKnown().orElse(null);
            if (seen != null && seen.finished()) {
                refresh();
                ReleaseState s = state;
                done = s != null && s.phase().isTerminal();
            } else if (seen != null && seen.holder() != null && seen.expiresAt().isBefore(nextLeaseLookAt)) {
                nextLeaseLookAt = seen.expiresAt();
            }
            return;
        }
        LeaseState taken = lease.lastKnown().orElseThrow();
        String previous = describePrevious(taken);
        ReleaseController opened;
        try {
            opened = openFenced(taken);
        } catch (RuntimeException e) {
            lease.release();
            throw e;
        }
        // Opening may take a while (a cold JVM, a slow store): renew before driving, so the ttl counts from now.
        if (!lease.renew()) {
            LOG.info("Replica '{}' lost the lease of release '{}' while opening it: {}", fleet.replicaId(),
                    config.releaseId(), lease.problem());
            refresh();
            return;
        }
        controller = opened;
        now = clock.instant();
        nextRenewAt = now.plus(fleet.renewInterval());
        fireLeadership(true, "took the lease of release '" + config.releaseId() + "' (epoch " + taken.epoch() + ")"
                + previous + "; resumed at step " + opened.state().stepIndex() + " (" + opened.state().phase()
                + ")");
        refresh();
        lead(now);
    }

    private String describePrevious(LeaseState taken) {
        return taken.epoch() <= 1 ? ", the first holder" : ", lease epoch " + (taken.epoch() - 1) + " had lapsed or"
                + " was released";
    }

    private ReleaseController openFenced(LeaseState taken) {
        String reason = "replica '" + fleet.replicaId() + "' took the lease, epoch " + taken.epoch();
        for (int attempt = 1; ; attempt++) {
            try {
                ReleaseController opened = customizer.apply(ReleaseController.builder(config, store, stats, clock))
                        .open();
                opened.fence(reason);
                return opened;
            } catch (ReleaseJournalException e) {
                if (!(e.getCause() instanceof RevisionConflictException) || attempt >= FENCE_ATTEMPTS) {
                    throw e;
                }
                // The deposed leader wrote between our read and our fence (or started the release between our read
                // and our start): reopen to see that write, then fence again.
                LOG.info("Release '{}': the journal changed while replica '{}' took over; reopening",
                        config.releaseId(), fleet.replicaId());
            }
        }
    }

    private void lead(Instant now) {
        if (!now.isBefore(nextRenewAt)) {
            if (!lease.renew()) {
                stepDown("could not renew the lease: " + lease.problem());
                return;
            }
            now = clock.instant();
            nextRenewAt = now.plus(fleet.renewInterval());
        }
        if (!lease.isHeldAt(now)) {
            stepDown("the lease expired at " + lease.lastKnown().map(LeaseState::expiresAt).orElse(null)
                    + " before it was renewed");
            lease.release();
            return;
        }
        ReleaseController driving = Objects.requireNonNull(controller, "lead() runs only while this replica leads");
        ReleaseState before = driving.state();
        try {
            driving.tick();
        } catch (ReleaseJournalException e) {
            if (e.getCause() instanceof RevisionConflictException) {
                stepDown("deposed: another replica wrote the journal of release '" + config.releaseId()
                        + "' (it took the lease over); this replica's decision was not written");
                lease.release();
                refresh();
                return;
            }
            throw e;
        }
        if (driving.state() != before) {
            refresh();
        }
        if (driving.state().phase().isTerminal() && onEnded.test(driving)) {
            lease.finish();
            controller = null;
            refresh();
            done = true;
            fireLeadership(false, "release '" + config.releaseId() + "' ended " + driving.state().phase()
                    + " and its follow-up work is done: the lease is finished");
        }
    }

    private void stepDown(String reason) {
        controller = null;
        nextLeaseLookAt = clock.instant();
        fireLeadership(false, reason);
    }

    private void fireLeadership(boolean leading, String reason) {
        if (leading) {
            LOG.info("Replica '{}' leads release '{}': {}", fleet.replicaId(), config.releaseId(), reason);
        } else {
            LOG.info("Replica '{}' stopped leading release '{}': {}", fleet.replicaId(), config.releaseId(), reason);
        }
        for (FleetListener listener : listeners) {
            try {
                listener.leadershipChanged(this, leading, reason);
            } catch (RuntimeException e) {
                LOG.warn("Fleet listener {} failed on a leadership change of release '{}'", listener,
                        config.releaseId(), e);
            }
        }
    }

    /** Builds and opens a {@link FleetRelease}. */
    public static final class Builder {
        private final ReleaseConfig config;
        private final Store store;
        private final CohortStatsSource stats;
        private final Clock clock;
        private final FleetConfig fleet;
        private UnaryOperator<ReleaseController.Builder> customizer = UnaryOperator.identity();
        private Predicate<ReleaseController> onEnded = c -> true;
        private final List<FleetListener> listeners = new ArrayList<>();

        private Builder(ReleaseConfig config, Store store, CohortStatsSource stats, Clock clock, FleetConfig fleet) {
            this.config = Objects.requireNonNull(config, "config");
            this.store = Objects.requireNonNull(store, "store");
            this.stats = Objects.requireNonNull(stats, "stats");
            this.clock = Objects.requireNonNull(clock, "clock");
            this.fleet = Objects.requireNonNull(fleet, "fleet");
        }

        /**
         * Completes the controller builder each time this replica takes the lease (policy, candidate alerts,
         * approval, listeners), e.g. {@code c -> c.policy(budget::decide).listener(log)}.
         *
         * @param value adds settings to the controller builder and returns it
         * @return this builder
         */
        public Builder controller(UnaryOperator<ReleaseController.Builder> value) {
            this.customizer = Objects.requireNonNull(value, "controller");
            return this;
        }

        /**
         * The leader's follow-up work once the release ended (e.g. the alias move after a promotion), run on every
         * tick until it returns true; the lease is then marked finished. Default: nothing to do.
         *
         * @param value the work; returns true when done
         * @return this builder
         */
        public Builder onEnded(Predicate<ReleaseController> value) {
            this.onEnded = Objects.requireNonNull(value, "onEnded");
            return this;
        }

        /**
         * Adds a listener.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(FleetListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Opens this replica's part: the plan follows the journal at once (if any replica started the release), the
         * store's notifications are watched; the lease is first contended on the first {@link FleetRelease#tick()}.
         *
         * @return the fleet release
         * @throws IllegalStateException when the journal holds another release under this id
         */
        public FleetRelease open() {
            return new FleetRelease(this).open();
        }
    }
}
