package io.github.mlhighway.lifecycle.core.runtime;

import io.github.mlhighway.lifecycle.core.release.JournalEntry;
import io.github.mlhighway.lifecycle.core.release.PromotionApproval;
import io.github.mlhighway.lifecycle.core.release.ReleaseConfig;
import io.github.mlhighway.lifecycle.core.release.ReleaseController;
import io.github.mlhighway.lifecycle.core.serving.GuardedModel;
import io.github.mlhighway.lifecycle.core.serving.VersionTrackers;
import io.github.mlhighway.lifecycle.gate.Finding;
import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.gate.Verdict;
import io.github.mlhighway.lifecycle.policy.PolicyDecision;
import io.github.mlhighway.lifecycle.registry.AliasMoveRequest;
import io.github.mlhighway.lifecycle.registry.ModelRef;
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
 */
public final class Releases {

    private final Lifecycle lifecycle;
    private final List<Active> active = new CopyOnWriteArrayList<>();
    private final Map<String, ReleaseController> byId = new ConcurrentHashMap<>();

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

    /** Ticks every release in progress, then finishes those that ended (alias move, incident evidence). */
    void tick() {
        List<RuntimeException> failures = new ArrayList<>();
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

        private ReleaseController openOnce() {
            for (String version : List.of(config.baselineVersion(), config.candidateVersion())) {
                if (!service.versions().contains(version)) {
                    throw new IllegalArgumentException("Release '" + config.releaseId() + "': version '" + version
                            + "' is not served by model '" + service.name() + "' (versions " + service.versions()
                            + "); add it with service.addVersion(...) first");
                }
            }
            if (byId.containsKey(config.releaseId())) {
                throw new IllegalArgumentException("Release '" + config.releaseId() + "' is already open");
            }
            VersionTrackers candidate = service.versionTrackers(config.candidateVersion());
            ReleaseController.Builder builder = ReleaseController.builder(config, lifecycle.store(), service,
                    lifecycle.clock()).candidateAlerts(candidate::alerts);
            String key = incidentKey != null ? incidentKey : config.releaseId();
            ReleaseListener incidents = lifecycle.incidents().releaseListener(event -> key);
            if (recordIncidents) {
                // The candidate's pages and the rollback are one incident, keyed by the release (or the given key).
                candidate.all().forEach(t -> lifecycle.routeIncidents(t.slo().name(), key));
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
            ReleaseController controller = builder.open();
            service.trafficPlan(controller.plan());
            Active release = new Active(controller, service, alias, recordIncidents ? incidents : null);
            byId.put(config.releaseId(), controller);
            if (!Objects.requireNonNull(controller.state()).phase().isTerminal() || !release.finish()) {
                active.add(release);
            }
            return controller;
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

        Active(ReleaseController controller, GuardedModel<?, ?> service, @Nullable String alias, @Nullable ReleaseListener incidents) {
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
            ReleasePhase phase = Objects.requireNonNull(controller.state()).phase();
            ReleaseConfig config = controller.config();
            if (phase == ReleasePhase.PROMOTED && alias != null) {
                moveAlias(config);
            } else if (phase == ReleasePhase.ROLLED_BACK && incidents != null) {
                // Delivered by the listener already, unless the process died between the journal and the
                // listener; recording is idempotent per event, so a second delivery changes nothing.
                incidents.onEvent(lastEvent(controller));
            }
            return true;
        }

        private void moveAlias(ReleaseConfig config) {
            ModelRef target = registryVersion(config.candidateVersion());
            Integer current = lifecycle.registry().aliases(target.model()).get(alias);
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
            findings.add(Finding.note("release." + config.releaseId(), Outcome.PASS, Objects.requireNonNull(controller.state()).reason()));
            Verdict verdict = Verdict.fromFindings("release:" + config.releaseId(), findings,
                    lifecycle.clock().instant());
            lifecycle.registry().moveAlias(AliasMoveRequest.of(target.model(), alias, target.version())
                    .withVerdict(verdict, target.model() + "@" + target.version()));
        }
    }
}
