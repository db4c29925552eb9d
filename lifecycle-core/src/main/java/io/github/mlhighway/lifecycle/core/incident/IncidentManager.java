package io.github.mlhighway.lifecycle.core.incident;

import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.incident.BudgetImpact;
import io.github.mlhighway.lifecycle.incident.Incident;
import io.github.mlhighway.lifecycle.incident.IncidentEvent;
import io.github.mlhighway.lifecycle.incident.IncidentEventKind;
import io.github.mlhighway.lifecycle.incident.IncidentEvidence;
import io.github.mlhighway.lifecycle.incident.IncidentListener;
import io.github.mlhighway.lifecycle.incident.IncidentStatus;
import io.github.mlhighway.lifecycle.release.ReleaseEvent;
import io.github.mlhighway.lifecycle.release.ReleaseListener;
import io.github.mlhighway.lifecycle.slo.AlertState;
import io.github.mlhighway.lifecycle.slo.ErrorBudget;
import io.github.mlhighway.lifecycle.slo.Severity;
import io.github.mlhighway.lifecycle.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens, deduplicates, records and closes incidents, on the injected clock, persisted in a {@link Store}.
 *
 * <ul>
 *   <li><b>Opening</b>: a page-tier alert that is firing for a key with no open incident opens one; so does
 *       evidence that {@link IncidentEvidence#opens() opens} (a rollback, a policy decision to freeze or roll back),
 *       and an {@link IncidentPolicy}'s open rule.
 *   <li><b>Deduplication</b>: at most one open incident per key (default: the SLO name; see
 *       {@link Builder#keyBySlo}); later signals for the key are appended to its timeline. A tier that keeps
 *       firing is recorded once, when it starts; when it clears an {@code ALERT_RESOLVED} event is appended.
 *   <li><b>Flapping</b>: a tier that fires, resolves and fires again while the incident is open (so within the
 *       quiet period) stays in the same incident. The timeline lists each tier's first
 *       {@link #DEFAULT_ALERT_ROWS_PER_TIER} firings (and their resolutions), then one "flapping" row; later firings
 *       and resolutions are only counted ({@link Incident#alertStarts()}), and the count is in the close event and
 *       the postmortem. So a page that flaps every 25 minutes for a day adds at most 7 rows per tier, not 100.
 *   <li><b>Releases</b>: {@link #releaseListener()} makes a rollback open or join one incident per release (keyed
 *       by the release id, or by {@link #releaseListener(Function) a key of your choice}), with the rollback as
 *       evidence and mitigation; a promotion marks an incident mitigated when it was open before the release
 *       started.
 *   <li><b>Recovery</b>: an incident closes when none of its tiers fire and nothing alerting has been seen for
 *       the quiet period ({@link #DEFAULT_QUIET_PERIOD}); checked by {@link #observe}, {@link #tick} and
 *       {@link #closeRecovered}. An incident opened by an {@link IncidentPolicy} is closed by its close rule
 *       instead.
 *   <li><b>First signal</b>: an incident's first-signal time is the first burning observation (burn rate above 1)
 *       of its key since the key was last healthy or its previous incident opened or closed, or the opening
 *       signal itself; it never reaches back into an earlier incident.
 *   <li><b>Idempotency</b>: evidence with an {@link IncidentEvidence#idempotencyId() idempotency id} is recorded
 *       once: reporting it again (a stage re-run after a crash, in this process or another) changes nothing.
 *   <li><b>Persistence</b>: every change is a compare-and-set write of the incident's JSON document, and a key is
 *       claimed with a create-only index document, so a restarted process (or a second one) continues the same
 *       incidents. Collections: {@code incidents}, {@code incidents-open} (the key index), {@code incidents-applied}
 *       (idempotency ids) and {@code incidents-policies} (policy streaks), or the same with another
 *       {@link Builder#collection name}.
 * </ul>
 *
 * <p>Ticket-tier alerts never open an incident; while one is open they are appended (firing and resolved) but
 * do not keep it open, and only page tiers delay recovery.
 *
 * <p>Drive it from the host's ticker: {@code manager.observe(availability, latency)} and {@code manager.tick()}
 * every minute. (Copied from {@code IncidentManagerExampleTest}, which runs it.)
 *
 * <pre>{@code
 * IncidentManager incidents = IncidentManager.builder(store, clock).quietPeriod(Duration.ofHours(1)).build();
 * incidents.observe(availabilityTracker);                               // opens on a page
 * incidents.record(IncidentEvidence.rollback("rel-7", "v3", "v2", "canary burned 20x", Map.of())
 *         .forKey("forecast.availability")                             // appended, marks mitigation
 *         .idempotent("run-42", "release", "rollback"));               // a re-run records it once
 * ReleaseListener toIncidents = incidents.releaseListener();           // give it to a ReleaseController
 * incidents.register(IncidentPolicy.builder("forecast-quality").key("forecast.availability")
 *         .openWhen(Conditions.budgetRemainingBelow(availabilityTracker, 0.5)).consecutive(2)
 *         .closeWhen(Conditions.budgetRemainingAtLeast(availabilityTracker, 0.5)).consecutive(2)
 *         .build());
 * incidents.tick();                                                    // policies, then recovery
 * String draft = incidents.postmortem(incidents.all().get(0).id());   // blameless Markdown
 * }</pre>
 *
 * <p>Thread-safe: every method is synchronized (none is on a hot path).
 *
 * @since 0.1
 */
public final class IncidentManager {

    /** How long every alert of an incident must stay quiet before it closes. */
    public static final Duration DEFAULT_QUIET_PERIOD = Duration.ofHours(1);
    /**
     * The store collection incidents are kept in; the open-key index, the idempotency ids and the policy streaks
     * use this name plus {@code -open}, {@code -applied} and {@code -policies}.
     */
    public static final String DEFAULT_COLLECTION = "incidents";
    /**
     * How many firings of one alert tier an incident's timeline lists (each with its resolution) before the tier
     * counts as flapping: one more row says so, and later firings and resolutions are only counted.
     */
    public static final int DEFAULT_ALERT_ROWS_PER_TIER = 3;
    /** The detail of an {@code OPENED} event that names the {@link IncidentPolicy} that opened the incident. */
    public static final String POLICY_DETAIL = "incident_policy";

    private static final Logger LOG = LoggerFactory.getLogger(IncidentManager.class);

    private final Clock clock;
    private final IncidentRepository repository;
    private final EvidenceLedger ledger;
    private final PolicyEvaluator policyEvaluator;
    private final List<IncidentPolicy> policies;
    private final int alertRowsPerTier;
    private final Duration quietPeriod;
    private final UnaryOperator<String> keyBySlo;
    private final List<IncidentListener> listeners;
    private final Map<String, Watch> watches = new HashMap<>();

    private IncidentManager(Builder builder) {
        this.clock = builder.clock;
        this.repository = new IncidentRepository(builder.store, builder.collection);
        this.ledger = new EvidenceLedger(builder.store, builder.collection);
        this.policyEvaluator = new PolicyEvaluator(new PolicyStates(builder.store, builder.collection),
                new PolicyEvaluator.Incidents() {
                    @Override
                    public Optional<Incident> openFor(String key) {
                        return repository.openFor(key);
                    }

                    @Override
                    public Incident open(IncidentEvidence evidence, String title) {
                        return record(evidence, title).orElseThrow();
                    }

                    @Override
                    public void close(String id, String reason, Map<String, Double> numbers,
                                      Map<String, String> details) {
                        IncidentManager.this.close(id, reason, numbers, details);
                    }
                });
        this.policies = new CopyOnWriteArrayList<>(builder.policies);
        this.alertRowsPerTier = builder.alertRowsPerTier;
        this.quietPeriod = builder.quietPeriod;
        this.keyBySlo = builder.keyBySlo;
        this.listeners = new CopyOnWriteArrayList<>(builder.listeners);
    }

    /**
     * A builder.
     *
     * @param store where incidents are kept
     * @param clock the time source (a simulated clock in tests)
     * @return the builder
     */
    public static Builder builder(Store store, Clock clock) {
        return new Builder(store, clock);
    }

    /**
     * Reads the alerts and the budget of each tracker, opens or updates incidents, then closes recovered ones.
     *
     * @param trackers the trackers to look at
     */
    public synchronized void observe(SloTracker... trackers) {
        for (SloTracker tracker : trackers) {
            onAlerts(tracker.alerts(), tracker.budget());
        }
        closeRecovered();
    }

    /**
     * Takes the alert states of one SLO (as returned by {@link SloTracker#alerts()}), with its budget when known.
     * A firing page tier opens an incident for the SLO's key or joins the open one; tiers that start or stop firing
     * are appended to the open incident's timeline; the budget impact is updated.
     *
     * @param alerts the states of every tier of one SLO
     * @param budget the SLO's budget now, or null when unknown (the budget impact then only tracks burn rates)
     * @return the open incident for the SLO's key after this observation, if any
     */
    public synchronized Optional<Incident> onAlerts(List<AlertState> alerts, ErrorBudget budget) {
        Objects.requireNonNull(alerts, "alerts");
        if (alerts.isEmpty()) {
            return Optional.empty();
        }
        String slo = alerts.get(0).slo();
        String key = keyBySlo.apply(slo);
        Instant now = clock.instant();
        Watch watch = watches.computeIfAbsent(key, k -> new Watch());
        boolean alerting = alerts.stream().anyMatch(AlertState::isAlerting);
        boolean burning = alerting || alerts.stream().anyMatch(a -> a.shortBurn().burnRate() > 1.0);
        Optional<Incident> open = repository.openFor(key);
        if (open.isEmpty()) {
            if (!burning) {
                watch.healthy(slo, budget);
                return Optional.empty();
            }
            watch.burning(now);
            List<AlertState> pages = alerts.stream()
                    .filter(a -> a.isAlerting() && a.severity() == Severity.PAGE).toList();
            if (pages.isEmpty()) {
                return Optional.empty();
            }
            AlertState first = pages.get(0);
            IncidentDraft draft = new IncidentDraft(newId(key, now), key, pageTitle(first),
                    watch.firstBadAt(now), now);
            draft.add(new IncidentEvent(now, IncidentEventKind.OPENED, slo, "Opened: " + first.reason(),
                    alertNumbers(first, budget), Map.of("tier", first.tier().id())));
            applyAlerts(draft, alerts, budget, watch, now);
            IncidentRepository.Claim claim = repository.claim(draft.freeze());
            watch.incidentOpened();
            if (claim.created()) {
                notifyAll(claim.incident(), draft.added);
                return Optional.of(claim.incident());
            }
            open = Optional.of(claim.incident());
        }
        List<IncidentEvent> added = new ArrayList<>();
        Incident updated = repository.update(open.get().id(), current -> {
            IncidentDraft draft = new IncidentDraft(current);
            applyAlerts(draft, alerts, budget, watch, now);
            added.clear();
            added.addAll(draft.added);
            return draft.freeze();
        });
        notifyAll(updated, added);
        return Optional.of(updated);
    }

    /**
     * Records generic evidence (a rollback, a policy decision, an alias move, drift, a note). It opens an incident
     * when it {@link IncidentEvidence#opens() opens} and none is open for its key; otherwise it is appended to the
     * open incident; evidence that does not open is dropped when nothing is open. Evidence with an
     * {@link IncidentEvidence#idempotencyId() idempotency id} that was recorded before (in this process or another
     * on the same store) changes nothing: the incident it went into is returned as it is now.
     *
     * @param evidence the evidence
     * @return the incident it was recorded in, empty when it was dropped
     */
    public synchronized Optional<Incident> record(IncidentEvidence evidence) {
        Objects.requireNonNull(evidence, "evidence");
        return record(evidence, evidence.sentence());
    }

    private Optional<Incident> record(IncidentEvidence evidence, String title) {
        String idempotencyId = evidence.idempotencyId();
        if (idempotencyId != null) {
            Optional<String> earlier = ledger.incidentOf(idempotencyId);
            Optional<Incident> recordedIn = earlier.flatMap(repository::find);
            if (recordedIn.isPresent()) {
                LOG.debug("Evidence {} was recorded before in {}: nothing to do", idempotencyId, earlier.get());
                return recordedIn;
            }
            if (earlier.isPresent()) {
                LOG.warn("Evidence {} was recorded in incident {}, which is no longer in the store: recording it"
                        + " again", idempotencyId, earlier.get());
            }
        }
        Instant now = clock.instant();
        Instant at = evidence.at() == null ? now : evidence.at();
        Map<String, String> details = evidence.details();
        if (idempotencyId != null) {
            details = new LinkedHashMap<>(details);
            details.put(IncidentEvent.IDEMPOTENCY_ID, idempotencyId);
        }
        IncidentEvent event = new IncidentEvent(at, evidence.kind(), evidence.source(), evidence.sentence(),
                evidence.numbers(), details);
        Optional<Incident> open = repository.openFor(evidence.key());
        if (open.isEmpty()) {
            if (!evidence.opens()) {
                LOG.debug("No open incident for key '{}': dropped {}", evidence.key(), evidence.sentence());
                return Optional.empty();
            }
            Watch watch = watches.computeIfAbsent(evidence.key(), k -> new Watch());
            Instant firstSignal = watch.firstBadAt(at);
            IncidentDraft draft = new IncidentDraft(newId(evidence.key(), at), evidence.key(), title,
                    firstSignal.isAfter(at) ? at : firstSignal, at);
            String policy = evidence.details().get(POLICY_DETAIL);
            draft.add(new IncidentEvent(at, IncidentEventKind.OPENED, evidence.source(),
                    "Opened by " + evidence.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                            + " from " + evidence.source() + ".", Map.of(),
                    policy == null ? Map.of() : Map.of(POLICY_DETAIL, policy)));
            applyEvidence(draft, evidence, event, at);
            IncidentRepository.Claim claim = repository.claim(draft.freeze());
            watch.incidentOpened();
            if (claim.created()) {
                markRecorded(idempotencyId, claim.incident());
                notifyAll(claim.incident(), draft.added);
                return Optional.of(claim.incident());
            }
            open = Optional.of(claim.incident());
        }
        List<IncidentEvent> added = new ArrayList<>();
        Incident updated = repository.update(open.get().id(), current -> {
            IncidentDraft draft = new IncidentDraft(current);
            added.clear();
            if (idempotencyId != null && draft.hasRecorded(idempotencyId)) {
                return current; // written before a crash that lost the ledger entry
            }
            applyEvidence(draft, evidence, event, at);
            added.addAll(draft.added);
            return draft.freeze();
        });
        markRecorded(idempotencyId, updated);
        notifyAll(updated, added);
        return Optional.of(updated);
    }

    /**
     * A release listener that turns release events into incident evidence keyed by the release id: a rollback
     * opens (or joins) the release's one incident and marks it mitigated; a promotion marks the open incident
     * mitigated when it was open before the release started (else it is a note); pauses, freezes, aborts and
     * starts are notes on an open incident. Every event is recorded once, even when delivered again.
     *
     * @return the listener, for {@code ReleaseController.Builder#listener}
     */
    public ReleaseListener releaseListener() {
        return this::onRelease;
    }

    /**
     * A release listener like {@link #releaseListener()} with another incident key, e.g. {@code event -> "rain"}
     * so a rollback joins the incident that the service's alerts (mapped with {@link Builder#keyBySlo}) opened.
     *
     * @param keyOf the incident key of a release event
     * @return the listener
     */
    public ReleaseListener releaseListener(Function<ReleaseEvent, String> keyOf) {
        Objects.requireNonNull(keyOf, "keyOf");
        return event -> onRelease(event, keyOf.apply(event));
    }

    /**
     * Takes one release event, keyed by its release id (see {@link #releaseListener()}).
     *
     * @param event the event
     * @return the incident it was recorded in, empty when it was not recorded
     */
    public synchronized Optional<Incident> onRelease(ReleaseEvent event) {
        return onRelease(event, event.releaseId());
    }

    private synchronized Optional<Incident> onRelease(ReleaseEvent event, String key) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(key, "key");
        return ReleaseEvidence.of(event, key, repository.openFor(key)).flatMap(this::record);
    }

    /**
     * Registers a policy evaluated on every {@link #tick()}.
     *
     * @param policy the policy; its name must be unique among the registered ones
     * @throws IllegalArgumentException if a policy with the same name is registered
     */
    public synchronized void register(IncidentPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        if (policies.stream().anyMatch(p -> p.name().equals(policy.name()))) {
            throw new IllegalArgumentException("An incident policy named '" + policy.name() + "' is registered");
        }
        policies.add(policy);
    }

    /**
     * Evaluates every registered policy, then closes recovered incidents. Call it from the host's ticker.
     *
     * @return the policy evaluations, in registration order
     */
    public synchronized List<PolicyEvaluation> tick() {
        List<PolicyEvaluation> evaluations = new ArrayList<>();
        for (IncidentPolicy policy : policies) {
            evaluations.add(evaluate(policy));
        }
        closeRecovered();
        return evaluations;
    }

    /**
     * Evaluates one policy now (see {@link IncidentPolicy} for the rules): the open rule while no incident is open
     * for its key, the close rule while one is; opens or closes the incident when the rule has held long enough,
     * journaling the conditions' evidence (observed values and thresholds); keeps the streak in the store.
     *
     * @param policy the policy
     * @return what it found and did
     */
    public synchronized PolicyEvaluation evaluate(IncidentPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        return policyEvaluator.evaluate(policy, clock.instant());
    }

    /**
     * Closes every open incident whose page tiers are all quiet and that has seen no page for the quiet period,
     * except incidents opened by an {@link IncidentPolicy} (their close rule closes them).
     *
     * @return the incidents closed by this call
     */
    public synchronized List<Incident> closeRecovered() {
        Instant now = clock.instant();
        List<Incident> closed = new ArrayList<>();
        for (Incident incident : openIncidents()) {
            boolean quiet = !now.isBefore(incident.lastSignalAt().plus(quietPeriod));
            if (openedByPolicy(incident).isEmpty() && !incident.paging() && quiet) {
                String reason = "Recovered: no page has fired since " + Texts.utc(incident.lastSignalAt())
                        + " (quiet period " + Texts.duration(quietPeriod) + ")";
                closed.add(close(incident.id(), reason));
            }
        }
        return closed;
    }

    /**
     * Closes an incident now, whatever its alerts say (e.g. declared over by a person).
     *
     * @param id     the incident id
     * @param reason why, one sentence
     * @return the closed incident
     * @throws IllegalArgumentException if there is no such incident
     */
    public synchronized Incident close(String id, String reason) {
        return close(id, reason, Map.of(), Map.of());
    }

    private Incident close(String id, String reason, Map<String, Double> evidence, Map<String, String> details) {
        Objects.requireNonNull(reason, "reason");
        Optional<Incident> existing = find(id);
        if (existing.isEmpty()) {
            throw new IllegalArgumentException("No incident with id '" + id + "'");
        }
        ledger.markAll(existing.get()); // every id of a closed incident is found without its timeline
        Instant now = clock.instant();
        List<IncidentEvent> added = new ArrayList<>();
        Incident updated = repository.update(id, current -> {
            added.clear();
            if (!current.isOpen()) {
                return current;
            }
            IncidentDraft draft = new IncidentDraft(current);
            draft.status = IncidentStatus.CLOSED;
            draft.closedAt = Optional.of(now);
            Map<String, Double> numbers = new LinkedHashMap<>(evidence);
            numbers.put("duration_minutes", Duration.between(current.firstSignalAt(), now).toSeconds() / 60.0);
            current.budgets().forEach((slo, impact) -> {
                numbers.put(slo + ".budget_consumed_during", impact.consumedDuring());
                numbers.put(slo + ".budget_remaining", impact.remainingLatest());
            });
            List<String> flapping = new ArrayList<>();
            current.alertStarts().forEach((tier, starts) -> {
                if (starts > alertRowsPerTier) {
                    numbers.put(tier + ".times_fired", (double) starts);
                    flapping.add(tier + " fired " + starts + " times");
                }
            });
            String flaps = flapping.isEmpty() ? "" : "; flapping: " + String.join(", ", flapping);
            draft.add(new IncidentEvent(now, IncidentEventKind.CLOSED, "incident-manager",
                    reason + flaps + "; closed after "
                            + Texts.duration(Duration.between(current.firstSignalAt(), now)) + ".", numbers, details));
            added.addAll(draft.added);
            return draft.freeze();
        });
        if (!updated.isOpen()) {
            watches.remove(updated.key()); // the next incident for the key starts from nothing seen
        }
        notifyAll(updated, added);
        return updated;
    }

    /**
     * The open incident for a key.
     *
     * @param key the key (an SLO name unless {@link Builder#keyBySlo} maps it)
     * @return the incident, if one is open
     */
    public synchronized Optional<Incident> openIncident(String key) {
        return repository.openFor(key);
    }

    /**
     * Every open incident, oldest first.
     *
     * @return the incidents
     */
    public synchronized List<Incident> openIncidents() {
        return all().stream().filter(Incident::isOpen).toList();
    }

    /**
     * Every incident in the store, open and closed, oldest first.
     *
     * @return the incidents
     */
    public synchronized List<Incident> all() {
        return repository.all();
    }

    /**
     * One incident.
     *
     * @param id its id
     * @return the incident, if it exists
     */
    public synchronized Optional<Incident> find(String id) {
        return repository.find(id);
    }

    /**
     * The blameless postmortem draft of an incident, in Markdown (see {@link PostmortemWriter}).
     *
     * @param id the incident id
     * @return the Markdown
     * @throws IllegalArgumentException if there is no such incident
     */
    public String postmortem(String id) {
        Incident incident = find(id).orElseThrow(() -> new IllegalArgumentException("No incident with id '" + id
                + "'"));
        return PostmortemWriter.markdown(incident, clock.instant());
    }

    /**
     * Adds a listener told about every event appended from now on.
     *
     * @param listener the listener
     */
    public void addListener(IncidentListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private void markRecorded(@Nullable String idempotencyId, Incident incident) {
        if (idempotencyId != null && incident.timeline().stream()
                .anyMatch(e -> e.idempotencyId().filter(idempotencyId::equals).isPresent())) {
            ledger.mark(idempotencyId, incident.id());
        }
    }

    private static Optional<String> openedByPolicy(Incident incident) {
        return incident.events(IncidentEventKind.OPENED).stream().findFirst()
                .map(opened -> opened.details().get(POLICY_DETAIL));
    }

    private void applyAlerts(IncidentDraft draft, List<AlertState> alerts, ErrorBudget budget, Watch watch,
                             Instant now) {
        for (AlertState alert : alerts) {
            String tier = alert.slo() + "/" + alert.tier().id();
            if (alert.isAlerting()) {
                if (alert.severity() == Severity.PAGE) {
                    draft.signalAt(now);
                }
                if (draft.firing.put(tier, alert.severity()) == null) {
                    int starts = draft.alertStarts.merge(tier, 1, Integer::sum);
                    Map<String, String> details = Map.of("tier", alert.tier().id(),
                            "severity", alert.severity().label());
                    if (starts <= alertRowsPerTier) {
                        draft.add(new IncidentEvent(now, IncidentEventKind.ALERT_FIRING, alert.slo(),
                                alert.severity().label() + " alert " + alert.tier().id() + " firing: "
                                        + alert.reason(), alertNumbers(alert, budget), details));
                    } else if (starts == alertRowsPerTier + 1) {
                        Map<String, Double> numbers = new LinkedHashMap<>(alertNumbers(alert, budget));
                        numbers.put("times_fired", (double) starts);
                        draft.add(new IncidentEvent(now, IncidentEventKind.ALERT_FIRING, alert.slo(),
                                alert.severity().label() + " alert " + alert.tier().id() + " is flapping: firing"
                                        + " for the " + starts + "th time in this incident; its later firings and"
                                        + " resolutions are counted, not listed: " + alert.reason(), numbers,
                                details));
                    }
                }
            } else if (draft.firing.remove(tier) != null
                    && draft.alertStarts.getOrDefault(tier, 1) <= alertRowsPerTier) {
                draft.add(new IncidentEvent(now, IncidentEventKind.ALERT_RESOLVED, alert.slo(),
                        "Alert " + alert.tier().id() + " resolved: " + alert.reason(), alertNumbers(alert, budget),
                        Map.of("tier", alert.tier().id(), "severity", alert.severity().label())));
            }
        }
        String slo = alerts.get(0).slo();
        double peak = alerts.stream().mapToDouble(a -> a.longBurn().burnRate()).max().orElse(0.0);
        if (budget != null) {
            peak = Math.max(peak, budget.burnRate());
        }
        BudgetImpact before = draft.budgets.get(slo);
        BudgetImpact after;
        if (before == null) {
            if (budget == null) {
                after = new BudgetImpact(slo, 0.0, 0.0, 1.0, peak, now);
            } else {
                Watch.Baseline baseline = watch.baseline(slo, budget);
                after = new BudgetImpact(slo, baseline.consumed(), budget.consumedFraction(),
                        budget.remainingFraction(), peak, now, baseline.bad(), budget.bad(), budget.allowedBad());
            }
        } else {
            double newPeak = Math.max(before.peakBurnRate(), peak);
            if (budget == null) {
                after = newPeak == before.peakBurnRate() ? before : new BudgetImpact(slo, before.consumedBefore(),
                        before.consumedLatest(), before.remainingLatest(), newPeak, now, before.badBefore(),
                        before.badLatest(), before.allowedLatest());
            } else {
                boolean counted = before.allowedLatest() > 0; // unit counts known since the baseline
                BudgetImpact next = new BudgetImpact(slo, before.consumedBefore(), budget.consumedFraction(),
                        budget.remainingFraction(), newPeak, now, before.badBefore(),
                        counted ? budget.bad() : 0.0, counted ? budget.allowedBad() : 0.0);
                after = sameNumbers(next, before) ? before : next;
            }
        }
        draft.budgets.put(slo, after);
    }

    private static boolean sameNumbers(BudgetImpact a, BudgetImpact b) {
        return a.consumedLatest() == b.consumedLatest() && a.remainingLatest() == b.remainingLatest()
                && a.peakBurnRate() == b.peakBurnRate() && a.badLatest() == b.badLatest()
                && a.allowedLatest() == b.allowedLatest();
    }

    private static void applyEvidence(IncidentDraft draft, IncidentEvidence evidence, IncidentEvent event,
                                      Instant at) {
        draft.add(event);
        if (evidence.opens()) {
            draft.signalAt(at);
        }
        if (evidence.mitigates() && draft.mitigatedAt.isEmpty()) {
            draft.mitigatedAt = Optional.of(at);
        }
    }

    private static Map<String, Double> alertNumbers(AlertState alert, ErrorBudget budget) {
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("long_burn_rate", alert.longBurn().burnRate());
        numbers.put("short_burn_rate", alert.shortBurn().burnRate());
        numbers.put("factor", alert.tier().factor());
        numbers.put("long_window_minutes", alert.tier().longWindow().toSeconds() / 60.0);
        numbers.put("short_window_minutes", alert.tier().shortWindow().toSeconds() / 60.0);
        if (budget != null) {
            numbers.put("budget_consumed", budget.consumedFraction());
            numbers.put("budget_remaining", budget.remainingFraction());
            numbers.put("sli", budget.sli());
        }
        return numbers;
    }

    private static String pageTitle(AlertState page) {
        return "SLO " + page.slo() + " burning its error budget at " + Texts.rate(page.longBurn().burnRate())
                + " (" + page.tier().id() + ")";
    }

    private String newId(String key, Instant at) {
        String base = "INC-" + Texts.ID_TIME.format(at) + "-" + IncidentRepository.slug(key);
        if (base.length() > 100) {
            base = base.substring(0, 100);
        }
        String id = base;
        for (int n = 2; repository.exists(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private void notifyAll(Incident incident, List<IncidentEvent> events) {
        for (IncidentEvent event : events) {
            LOG.info("Incident {} [{}]: {}", incident.id(), event.kind(), event.sentence());
            for (IncidentListener listener : listeners) {
                try {
                    listener.onEvent(incident, event);
                } catch (RuntimeException e) {
                    LOG.warn("Incident listener {} failed on {} of {}", listener, event.kind(), incident.id(), e);
                }
            }
        }
    }

    /**
     * What the manager remembers per key between observations while no incident is open: the first bad signal and
     * the healthy budget baselines. The first bad signal is cleared when an incident opens (it belongs to that
     * incident) and the whole watch is dropped when the incident closes, so a later incident's first-signal time
     * never reaches back before the previous one.
     */
    private static final class Watch {
        private @Nullable Instant firstBadAt;
        private final Map<String, Baseline> healthy = new HashMap<>();

        void healthy(String slo, ErrorBudget budget) {
            firstBadAt = null;
            if (budget != null) {
                healthy.put(slo, new Baseline(budget.consumedFraction(), budget.bad()));
            }
        }

        void burning(Instant now) {
            if (firstBadAt == null) {
                firstBadAt = now;
            }
        }

        void incidentOpened() {
            firstBadAt = null;
        }

        Instant firstBadAt(Instant otherwise) {
            return firstBadAt == null || firstBadAt.isAfter(otherwise) ? otherwise : firstBadAt;
        }

        /** The last healthy budget of the SLO, or the given one (the opening observation) when none was seen. */
        Baseline baseline(String slo, ErrorBudget otherwise) {
            return healthy.getOrDefault(slo, new Baseline(otherwise.consumedFraction(), otherwise.bad()));
        }

        /** The consumed share and the bad units of a budget. */
        record Baseline(double consumed, double bad) {
        }
    }

    /** Builds an {@link IncidentManager}. */
    public static final class Builder {
        private final Store store;
        private final Clock clock;
        private Duration quietPeriod = DEFAULT_QUIET_PERIOD;
        private String collection = DEFAULT_COLLECTION;
        private UnaryOperator<String> keyBySlo = slo -> slo;
        private int alertRowsPerTier = DEFAULT_ALERT_ROWS_PER_TIER;
        private final List<IncidentListener> listeners = new ArrayList<>();
        private final List<IncidentPolicy> policies = new ArrayList<>();

        private Builder(Store store, Clock clock) {
            this.store = Objects.requireNonNull(store, "store");
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        /**
         * How long every alert must stay quiet before an incident closes.
         *
         * @param period positive
         * @return this builder
         */
        public Builder quietPeriod(Duration period) {
            Objects.requireNonNull(period, "period");
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("Quiet period must be positive, was " + period);
            }
            this.quietPeriod = period;
            return this;
        }

        /**
         * The deduplication key of an SLO's alerts: SLOs with the same key share one open incident (e.g. map
         * {@code forecast.availability} and {@code forecast.latency} to {@code forecast}). Default: the SLO name.
         *
         * @param key maps an SLO name to an incident key
         * @return this builder
         */
        public Builder keyBySlo(UnaryOperator<String> key) {
            this.keyBySlo = Objects.requireNonNull(key, "key");
            return this;
        }

        /**
         * The store collection for incidents.
         *
         * @param name a valid store collection name
         * @return this builder
         */
        public Builder collection(String name) {
            this.collection = io.github.mlhighway.lifecycle.core.store.StoreNames.requireValid(name, "collection");
            return this;
        }

        /**
         * Adds a listener.
         *
         * @param listener told about every appended event
         * @return this builder
         */
        public Builder listener(IncidentListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * How many firings of one alert tier an incident's timeline lists before the tier counts as flapping (see
         * {@link #DEFAULT_ALERT_ROWS_PER_TIER}).
         *
         * @param firings at least 1
         * @return this builder
         */
        public Builder alertRowsPerTier(int firings) {
            if (firings < 1) {
                throw new IllegalArgumentException("Alert rows per tier must be at least 1, was " + firings);
            }
            this.alertRowsPerTier = firings;
            return this;
        }

        /**
         * Registers a policy evaluated on every {@link IncidentManager#tick()}.
         *
         * @param policy the policy; names must be unique
         * @return this builder
         */
        public Builder policy(IncidentPolicy policy) {
            Objects.requireNonNull(policy, "policy");
            if (policies.stream().anyMatch(p -> p.name().equals(policy.name()))) {
                throw new IllegalArgumentException("An incident policy named '" + policy.name() + "' is registered");
            }
            policies.add(policy);
            return this;
        }

        /**
         * Builds the manager; incidents already in the store are continued.
         *
         * @return the manager
         */
        public IncidentManager build() {
            return new IncidentManager(this);
        }
    }
}
