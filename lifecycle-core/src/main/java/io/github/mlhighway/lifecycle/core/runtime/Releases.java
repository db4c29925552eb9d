package io.github.mlhighway.lifecycle.core.runtime;

import io.github.mlhighway.lifecycle.core.release.JournalEntry;
import io.github.mlhighway.lifecycle.core.release.PromotionApproval;
import io.github.mlhighway.lifecycle.core.release.ReleaseConfig;
import io.github.mlhighway.lifecycle.core.release.ReleaseController;
import io.github.mlhighway.lifecycle.core.release.fleet.FleetCohortStats;
import io.github.mlhighway.lifecycle.core.release.fleet.FleetConfig;
import io.github.mlhighway.lifecycle.core.release.fleet.FleetCountSettings;
import io.github.mlhighway.lifecycle.core.release.fleet.FleetListener;
import io.github.mlhighway.lifecycle.core.release.fleet.FleetRelease;
import io.github.mlhighway.lifecycle.core.serving.GuardedModel;
import io.github.mlhighway.lifecycle.core.serving.VersionTrackers;
import io.github.mlhighway.lifecycle.gate.Finding;
import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.gate.Verdict;
import io.github.mlhighway.lifecycle.policy.PolicyDecision;
import io.github.mlhighway.lifecycle.registry.AliasMoveRequest;
import io.github.mlhighway.lifecycle.registry.ModelRef;
import io.github.mlhighway.lifecycle.release.CohortStatsSource;
import io.github.mlhighway.lifecycle.release.ReleaseEvent;
import io.github.mlhighway.lifecycle.release.ReleaseEventType;
import io.github.mlhighway.lifecycle.release.ReleaseListener;
import io.github.mlhighway.lifecycle.release.ReleasePhase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * Releases made from a {@link Lifecycle}, wired to its store, clock, error-budget policy, incidents and registry.
 *
 * <pre>{@code
 * ReleaseConfig config = ReleaseConfig.canary("rain-v2", "rain@1", "rain@2").steps(20, 50, 100)
 *     .interval(Duration.ofHours(1)).build();
 * ReleaseController canary = lifecycle.releases().release(service, config)
 *     .movesAlias("champion")              // on promotion, rain:champion -> rain@2 with the analyses' verdict
 *     .open();                             // the service follows the release's traffic plan from now on
 * }</pre>
 *
 * What the runtime does for every open release, on every tick: ticks the controller (a page alert of the
 * candidate version's SLOs rolls it back on that tick), asks the runtime's error-budget policy before every
 * promotion, records a rollback as incident evidence (one incident per release, keyed by the release id), and
 * after a promotion moves the alias, if asked, with a verdict built from every analysis of the release. A
 * release reopened on the same store after a crash continues from its journal, and an alias move that did not
 * happen before the crash happens on the first tick.
 *
 * <p>A release served by a fleet of JVMs on one shared store is opened on every replica with
 * {@link Builder#fleet()} instead of {@link Builder#open()}: one replica at a time (the holder of the release's
 * lease) does all of the above, every replica's service follows the journaled plan (see {@link FleetRelease}).
 *
 * @since 0.1
 */
public final class Releases {

    private final Lifecycle lifecycle;
    private final List<Active> active = new CopyOnWriteArrayList<>();
    private final Map<String, ReleaseController> byId = new ConcurrentHashMap<>();
    private final List<FleetRelease> fleets = new CopyOnWriteArrayList<>();
    private final Map<String, FleetRelease> fleetById = new ConcurrentHashMap<>();

    Releases(Lifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    /**
     * Starts describing a release of a service made by {@link Lifecycle#serving(String)}.
     *
     * @param service the guarded model whose traffic the release moves
     * @param config  the release (baseline and candidate must be versions of the service)
     * @param <I>     input type
     * @param <O>     output type
     * @return the builder
     */
    public <I, O> Builder<I, O> release(GuardedModel<I, O> service, ReleaseConfig config) {
        return new Builder<>(service, config);
    }

    /**
     * A release opened through this runtime, by id.
     *
     * @param releaseId the id
     * @return its controller, if opened by this runtime
     */
    public Optional<ReleaseController> find(String releaseId) {
        return Optional.ofNullable(byId.get(releaseId));
    }

    /** @return the releases still in progress (not promoted, rolled back or aborted) */
    public List<ReleaseController> inProgress() {
        List<ReleaseController> controllers = new ArrayList<>();
        for (Active release : active) {
            controllers.add(release.controller);
        }
        return controllers;
    }

    /**
     * Every release opened through this runtime since it was built, in progress or ended (promoted, rolled back,
     * aborted), sorted by release id: what an operator's view lists. Read-only; the controllers are live.
     *
     * @return the controllers, by release id
     */
    public List<ReleaseController> opened() {
        List<ReleaseController> controllers = new ArrayList<>(byId.values());
        controllers.sort(java.util.Comparator.comparing(controller -> controller.config().releaseId()));
        return controllers;
    }

    /**
     * This replica's part in a fleet release opened through this runtime, by id.
     *
     * @param releaseId the id
     * @return the fleet release, if opened by this runtime with {@link Builder#fleet()}
     */
    public Optional<FleetRelease> findFleet(String releaseId) {
        return Optional.ofNullable(fleetById.get(releaseId));
    }

    /**
     * Every fleet release this runtime joined since it was built, sorted by release id.
     *
     * @return the fleet releases
     */
    public List<FleetRelease> fleetReleases() {
        List<FleetRelease> all = new ArrayList<>(fleetById.values());
        all.sort(java.util.Comparator.comparing(f -> f.config().releaseId()));
        return all;
    }

    /** Gives up the leases this replica holds (so another replica takes over at once) and stops following. */
    void close() {
        fleets.forEach(FleetRelease::close);
        fleets.clear();
    }

    /**
     * Ticks every release in progress, then finishes those that ended (alias move, incident evidence); ticks this
     * replica's part of every fleet release (lease, controller while leading, plan poll).
     */
    void tick() {
        List<RuntimeException> failures = new ArrayList<>();
        for (FleetRelease fleetRelease : fleets) {
            try {
                if (!fleetRelease.tick()) {
                    fleets.remove(fleetRelease);
                }
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        for (Active release : active) {
            try {
                release.controller.tick();
                if (Objects.requireNonNull(release.controller.state()).phase().isTerminal() && release.finish()) {
                    active.remove(release);
                }
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }

    /** Describes one release; {@link #open()} starts or resumes it. */
    public final class Builder<I, O> {
        private final GuardedModel<I, O> service;
        private final ReleaseConfig config;
        private @Nullable String alias;
        private @Nullable PromotionApproval approval;
        private boolean usePolicy = true;
        private boolean recordIncidents = true;
        private @Nullable String incidentKey;
        private @Nullable CohortStatsSource stats;
        private final List<ReleaseListener> listeners = new ArrayList<>();

        private Builder(GuardedModel<I, O> service, ReleaseConfig config) {
            this.service = Objects.requireNonNull(service, "service");
            this.config = Objects.requireNonNull(config, "config");
        }

        /**
         * After a promotion, points this registry alias of the candidate's model at the candidate, with a verdict
         * made of every analysis of the release. The candidate version must be named {@code MODEL@VERSION}.
         *
         * @param aliasName the alias, e.g. {@code champion}
         * @return this builder
         * @throws IllegalArgumentException when the candidate version is not a registry reference
         */
        public Builder<I, O> movesAlias(String aliasName) {
            Objects.requireNonNull(aliasName, "alias");
            registryVersion(config.candidateVersion());
            this.alias = aliasName;
            return this;
        }

        /**
         * The manual gate asked before the final promotion.
         *
         * @param value the approval callback
         * @return this builder
         */
        public Builder<I, O> approval(PromotionApproval value) {
            this.approval = Objects.requireNonNull(value, "approval");
            return this;
        }

        /**
         * Adds a listener for this release's events (the runtime's release listeners hear them too).
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder<I, O> listener(ReleaseListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Does not ask the runtime's error-budget policy before promotions.
         *
         * @return this builder
         */
        public Builder<I, O> ignoringPolicy() {
            this.usePolicy = false;
            return this;
        }

        /**
         * The incident this release's events and its candidate's page alerts go to (default: the release id), e.g.
         * the model's own incident key so that a promotion marks the model's open incident mitigated.
         *
         * @param key the incident key
         * @return this builder
         */
        public Builder<I, O> incidentKey(String key) {
            Objects.requireNonNull(key, "key");
            if (key.isBlank()) {
                throw new IllegalArgumentException("The incident key of release '" + config.releaseId()
                        + "' must not be blank");
            }
            this.incidentKey = key;
            return this;
        }

        /**
         * Analyses the counts of the whole fleet instead of this process's: the sum of the reports every replica
         * publishes for this release ({@code lifecycle.publishCounts(service, releaseId, replica, every)} on each of
         * them, this one included) in the runtime's store, read by a {@link FleetCohortStats}; a replica that
         * served traffic and went silent makes the analysis INCONCLUSIVE.
         *
         * @param settings grace, departure and window memory, e.g. {@link FleetCountSettings#defaults()}
         * @return this builder
         */
        public Builder<I, O> fleetCounts(FleetCountSettings settings) {
            Objects.requireNonNull(settings, "settings");
            return stats(FleetCohortStats.source(lifecycle.store(), config.releaseId(), lifecycle.clock(), settings));
        }

        /**
         * Where the analyses read cohort statistics (default: the service itself, which counts this process only).
         *
         * @param source the source
         * @return this builder
         */
        public Builder<I, O> stats(CohortStatsSource source) {
            this.stats = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * Does not record a rollback as incident evidence.
         *
         * @return this builder
         */
        public Builder<I, O> withoutIncidents() {
            this.recordIncidents = false;
            return this;
        }

        /**
         * Starts the release, or resumes it from its journal, and points the service at its traffic plan.
         *
         * @return the controller
         * @throws IllegalArgumentException when the baseline or candidate is not a version of the service, or a
         *                                  release of that id is already open in this runtime
         */
        public ReleaseController open() {
            synchronized (Releases.this) {
                return openOnce();
            }
        }

        /**
         * Serves this release from a fleet of JVMs sharing the runtime's store, as the replica
         * {@link Lifecycle#replicaId()}: see {@link #fleet(FleetConfig)}.
         *
         * @return the fleet builder
         */
        public FleetBuilder fleet() {
            return fleet(FleetConfig.replica(lifecycle.replicaId()));
        }

        /**
         * Serves this release from a fleet of JVMs sharing the runtime's store (e.g. PostgreSQL): every replica opens
         * the same release with the same configuration; whichever holds the release's lease drives it (with every
         * setting of this builder: alias move, approval, policy, incidents), and every replica's service follows the
         * journaled traffic plan. The runtime ticks the lease, the controller (on the leader) and the plan's poll.
         *
         * <pre>{@code
         * lifecycle.publishCounts(service, config.releaseId(), "pod-7", Duration.ofSeconds(10)); // this replica's counts
         * FleetRelease canary = lifecycle.releases().release(service, config)
         *     .movesAlias("champion")
         *     .fleetCounts(FleetCountSettings.defaults())  // the leader analyses the fleet's summed counts
         *     .fleet(FleetConfig.replica("pod-7"))
         *     .open();
         * }</pre>
         *
         * Without {@link #fleetCounts} or {@link #stats}, the leader analyses only what its own service counted.
         *
         * @param fleetConfig this replica's id and the lease timing
         * @return the fleet builder
         */
        public FleetBuilder fleet(FleetConfig fleetConfig) {
            return new FleetBuilder(this, Objects.requireNonNull(fleetConfig, "fleetConfig"));
        }

        private ReleaseController openOnce() {
            requireOpenable();
            ReleaseListener incidents = prepareIncidents();
            ReleaseController controller = wire(ReleaseController.builder(config, lifecycle.store(), statsSource(),
                    lifecycle.clock()), incidents).open();
            service.trafficPlan(controller.plan());
            Active release = new Active(controller, service, alias, recordIncidents ? incidents : null);
            byId.put(config.releaseId(), controller);
            if (!controller.state().phase().isTerminal() || !release.finish()) {
                active.add(release);
            }
            return controller;
        }

        private CohortStatsSource statsSource() {
            return stats != null ? stats : service;
        }

        private void requireOpenable() {
            for (String version : List.of(config.baselineVersion(), config.candidateVersion())) {
                if (!service.versions().contains(version)) {
                    throw new IllegalArgumentException("Release '" + config.releaseId() + "': version '" + version
                            + "' is not served by model '" + service.name() + "' (versions " + service.versions()
                            + "); add it with service.addVersion(...) first");
                }
            }
            if (byId.containsKey(config.releaseId()) || fleetById.containsKey(config.releaseId())) {
                throw new IllegalArgumentException("Release '" + config.releaseId() + "' is already open");
            }
        }

        /** The incident listener of this release; routes the candidate's SLO alerts to its incident (if recorded). */
        private ReleaseListener prepareIncidents() {
            String key = incidentKey != null ? incidentKey : config.releaseId();
            ReleaseListener incidents = lifecycle.incidents().releaseListener(event -> key);
            if (recordIncidents) {
                // The candidate's pages and the rollback are one incident, keyed by the release (or the given key).
                service.versionTrackers(config.candidateVersion()).all()
                        .forEach(t -> lifecycle.routeIncidents(t.slo().name(), key));
            }
            return incidents;
        }

        /** Adds the runtime's wiring to a controller builder: alerts, incidents, policy, approval, listeners. */
        private ReleaseController.Builder wire(ReleaseController.Builder builder, ReleaseListener incidents) {
            VersionTrackers candidate = service.versionTrackers(config.candidateVersion());
            builder.candidateAlerts(candidate::alerts);
            if (recordIncidents) {
                builder.listener(incidents);
            }
            if (usePolicy) {
                builder.policy(change -> lifecycle.policy().map(p -> p.decide(change))
                        .orElseGet(() -> new PolicyDecision("none", change, List.of(), lifecycle.clock().instant())));
            }
            if (approval != null) {
                builder.approval(approval);
            }
            lifecycle.releaseListeners().forEach(builder::listener);
            listeners.forEach(builder::listener);
            return builder;
        }
    }

    /**
     * Describes this replica's part in a release served by a fleet; {@link #open()} joins it. Made by
     * {@link Builder#fleet(FleetConfig)}.
     */
    public final class FleetBuilder {
        private final Builder<?, ?> release;
        private final FleetConfig fleetConfig;
        private final List<FleetListener> fleetListeners = new ArrayList<>();

        private FleetBuilder(Builder<?, ?> release, FleetConfig fleetConfig) {
            this.release = release;
            this.fleetConfig = fleetConfig;
        }

        /**
         * Adds a listener told when this replica starts or stops leading and when its plan changes.
         *
         * @param listener the listener
         * @return this builder
         */
        public FleetBuilder listener(FleetListener listener) {
            fleetListeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Joins the release: points the service at the replica's plan (which follows the journal at once if any
         * replica started the release) and lets the runtime tick the lease and, while this replica leads, the
         * controller. The replica that takes the lease first starts the release.
         *
         * @return this replica's fleet release
         * @throws IllegalArgumentException when the baseline or candidate is not a version of the service, or a
         *                                  release of that id is already open in this runtime
         * @throws IllegalStateException    when the journal holds another release under this id
         */
        public FleetRelease open() {
            synchronized (Releases.this) {
                release.requireOpenable();
                ReleaseListener incidents = release.prepareIncidents();
                GuardedModel<?, ?> service = release.service;
                String alias = release.alias;
                ReleaseListener recorded = release.recordIncidents ? incidents : null;
                FleetRelease.Builder builder = FleetRelease.builder(release.config, lifecycle.store(),
                        release.statsSource(),
                        lifecycle.clock(), fleetConfig)
                        .controller(c -> release.wire(c, incidents))
                        .onEnded(controller -> new Active(controller, service, alias, recorded).finish());
                fleetListeners.forEach(builder::listener);
                FleetRelease fleetRelease = builder.open();
                service.trafficPlan(fleetRelease.plan());
                fleetById.put(release.config.releaseId(), fleetRelease);
                fleets.add(fleetRelease);
                return fleetRelease;
            }
        }
    }

    private static ModelRef registryVersion(String version) {
        ModelRef ref;
        try {
            ref = ModelRef.parse(version);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The candidate version '" + version + "' is not MODEL@VERSION, so no "
                    + "alias can be moved to it: " + e.getMessage(), e);
        }
        if (ref.isAlias()) {
            throw new IllegalArgumentException("The candidate version '" + version + "' is an alias; name the "
                    + "version (MODEL@VERSION) so the alias move is about one version");
        }
        return ref;
    }

    private static ReleaseEvent lastEvent(ReleaseController controller) {
        JournalEntry last = controller.journal().get(controller.journal().size() - 1);
        ReleaseConfig config = controller.config();
        return new ReleaseEvent(config.releaseId(), last.type(), last.phase(), last.stepIndex(),
                last.candidateWeight(), config.baselineVersion(), config.candidateVersion(), last.at(),
                last.message());
    }

    /** A release in progress and what is left to do when it ends. */
    private final class Active {
        final ReleaseController controller;
        final GuardedModel<?, ?> service;
        final @Nullable String alias;
        final @Nullable ReleaseListener incidents;

        Active(ReleaseController controller, GuardedModel<?, ?> service, @Nullable String alias,
                @Nullable ReleaseListener incidents) {
            this.controller = controller;
            this.service = service;
            this.alias = alias;
            this.incidents = incidents;
        }

        /**
         * Does what an ended release needs: the alias move after a promotion (unless the alias is there already),
         * the incident evidence after a rollback (idempotent per release).
         *
         * @return true when done
         */
        boolean finish() {
            ReleasePhase phase = controller.state().phase();
            ReleaseConfig config = controller.config();
            String aliasName = alias;
            if (phase == ReleasePhase.PROMOTED && aliasName != null) {
                moveAlias(config, aliasName);
            } else if (phase == ReleasePhase.ROLLED_BACK && incidents != null) {
                // Delivered by the listener already, unless the process died between the journal and the
                // listener; recording is idempotent per event, so a second delivery changes nothing.
                incidents.onEvent(lastEvent(controller));
            }
            return true;
        }

        private void moveAlias(ReleaseConfig config, String aliasName) {
            ModelRef target = registryVersion(config.candidateVersion());
            Integer current = lifecycle.registry().aliases(target.model()).get(aliasName);
            if (current != null && current == target.version()) {
                return; // moved before a crash, or by hand
            }
            List<Finding> findings = new ArrayList<>();
            for (JournalEntry entry : controller.journal()) {
                if (entry.verdict() != null && (entry.type() == ReleaseEventType.ANALYSIS
                        || entry.type() == ReleaseEventType.PROMOTED)) {
                    Outcome outcome = entry.verdict().outcome();
                    // Earlier failed or inconclusive analyses did not stop the release; they stay visible as WARN.
                    findings.add(Finding.note("analysis." + entry.at(), outcome == Outcome.PASS ? Outcome.PASS
                            : Outcome.WARN, (outcome == Outcome.PASS ? "" : "was " + outcome + ": ")
                            + entry.message()));
                }
            }
            findings.add(Finding.note("release." + config.releaseId(), Outcome.PASS, controller.state().reason()));
            Verdict verdict = Verdict.fromFindings("release:" + config.releaseId(), findings,
                    lifecycle.clock().instant());
            lifecycle.registry().moveAlias(AliasMoveRequest.of(target.model(), aliasName, target.version())
                    .withVerdict(verdict, target.model() + "@" + target.version()));
        }
    }
}
