package io.github.mlhighway.lifecycle.core.release;

import io.github.mlhighway.lifecycle.gate.Finding;
import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.gate.Verdict;
import io.github.mlhighway.lifecycle.policy.Action;
import io.github.mlhighway.lifecycle.policy.Change;
import io.github.mlhighway.lifecycle.policy.Decision;
import io.github.mlhighway.lifecycle.policy.PolicyDecision;
import io.github.mlhighway.lifecycle.release.CohortStats;
import io.github.mlhighway.lifecycle.release.CohortStatsSource;
import io.github.mlhighway.lifecycle.release.ReleaseEvent;
import io.github.mlhighway.lifecycle.release.ReleaseEventType;
import io.github.mlhighway.lifecycle.release.ReleaseListener;
import io.github.mlhighway.lifecycle.release.ReleasePhase;
import io.github.mlhighway.lifecycle.release.TrafficPlan;
import io.github.mlhighway.lifecycle.slo.AlertState;
import io.github.mlhighway.lifecycle.slo.AlertStatus;
import io.github.mlhighway.lifecycle.slo.Severity;
import io.github.mlhighway.lifecycle.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One release (canary, shadow, A/B or blue/green) as a journaled state machine driven by {@link #tick()} on the
 * injected clock. At every interval it analyses what both cohorts counted since the previous analysis (the
 * difference of the {@link CohortStatsSource#totals cumulative totals} of the source, journaled as an
 * {@link AnalysisMark}, so no request and no label falls between two analyses or into two of them; a delayed label
 * is counted in the analysis in which it is joined). The {@link CohortAnalysis} gate decides success, failure or
 * inconclusive; the release rolls back after {@code failureLimit} failures, pauses on missing data or after
 * {@code inconclusiveLimit} inconclusive analyses, and before every promotion asks the {@link PromotionPolicy}
 * (a blocking decision freezes) and, for the last one, the {@link PromotionApproval}. A firing page alert of the
 * candidate's SLO rolls back on the very tick that sees it, whether an analysis is due or not.
 *
 * <p>Every change is written to the store (one JSON document, compare-and-set on its revision) <em>before</em>
 * the new {@link #plan() traffic plan} is published and listeners are told; if the write fails a
 * {@link ReleaseJournalException} is thrown and state and plan stay as they were. A controller opened on the same
 * store and release id resumes where the journal says (a process that died between the write and the publish
 * publishes the journaled plan on reopening). When the stats source restarted too (its totals went down or
 * count from a later start), the next analysis covers what the new source counted and says so.
 *
 * <pre>{@code
 * ReleaseConfig config = ReleaseConfig.canary("rain-v3", "rain@2", "rain@3").steps(5, 25, 50, 100)
 *     .interval(Duration.ofMinutes(5)).failureLimit(2).minSample(200).build();
 * ErrorBudgetPolicy budget = ErrorBudgetPolicy.sreWorkbook(clock,
 *     model.slos().tracker(model.versionSloName("rain@2", "availability")));
 * ReleaseController release = ReleaseController.builder(config, store, model, clock)
 *     .policy(budget::decide)
 *     .candidateAlerts(() -> model.slos().find(model.cohortSloName("canary", "availability"))
 *         .map(SloTracker::alerts).orElse(List.of()))
 *     .listener(event -> log.info("{} {}: {}", event.releaseId(), event.type(), event.message()))
 *     .open();
 * model.trafficPlan(release.plan()); // the model routes by the plan and follows every change
 * scheduler.scheduleAtFixedRate(release::tick, 0, 10, TimeUnit.SECONDS); // analyses run once an interval
 * }</pre>
 *
 * <p>Thread-safe: control methods are synchronized; {@link #plan()} is lock-free.
 *
 * @since 0.1
 */
public final class ReleaseController {

    private static final Logger LOG = LoggerFactory.getLogger(ReleaseController.class);

    private final ReleaseConfig config;
    private final Clock clock;
    private final CohortStatsSource stats;
    private final @Nullable PromotionPolicy policy;
    private final @Nullable Supplier<List<AlertState>> candidateAlerts;
    private final @Nullable PromotionApproval approval;
    private final List<ReleaseListener> listeners;
    private final ReleaseJournal journal;
    private final CohortAnalysis analysis;
    private final ReleaseTrafficPlan plan;
    private volatile @Nullable ReleaseState state;

    private ReleaseController(Builder builder) {
        this.config = builder.config;
        this.clock = builder.clock;
        this.stats = builder.stats;
        this.policy = builder.policy;
        this.candidateAlerts = builder.candidateAlerts;
        this.approval = builder.approval;
        this.listeners = new CopyOnWriteArrayList<>(builder.listeners);
        this.journal = new ReleaseJournal(builder.store, config.releaseId());
        this.analysis = new CohortAnalysis(config, clock);
        this.plan = new ReleaseTrafficPlan(config.baselineVersion(), config.baselineCohort());
    }

    /**
     * A builder; the required collaborators go here.
     *
     * @param config the release
     * @param store  where the journal lives
     * @param stats  where cohort statistics come from (usually the guarded model)
     * @param clock  the clock that schedules analyses
     * @return the builder
     */
    public static Builder builder(ReleaseConfig config, Store store, CohortStatsSource stats, Clock clock) {
        return new Builder(config, store, stats, clock);
    }

    /**
     * The traffic plan this release publishes; hand it to the serving side once, it follows every change.
     *
     * @return the plan
     */
    public TrafficPlan plan() {
        return plan;
    }

    /**
     * The state as last journaled.
     *
     * @return the state (never null: a controller is only handed out once it has opened or started the release)
     */
    public ReleaseState state() {
        return Objects.requireNonNull(state, "the release controller has not been opened");
    }

    /**
     * The release's configuration.
     *
     * @return the configuration
     */
    public ReleaseConfig config() {
        return config;
    }

    /**
     * Every journaled decision with its evidence, oldest first.
     *
     * @return the entries
     */
    public synchronized List<JournalEntry> journal() {
        return journal.entries();
    }

    /**
     * Adds a listener.
     *
     * @param listener the listener
     */
    public void addListener(ReleaseListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Rolls back at once on a firing page alert of the candidate's SLO (checked on every call, due or not), else
     * runs an analysis if one is due on the clock; call it often (e.g. every few seconds from a scheduler), the
     * page check is what makes a rollback prompt.
     *
     * @return the state afterwards
     * @throws ReleaseJournalException when the journal cannot be written; nothing changed
     */
    public synchronized ReleaseState tick() {
        if (Objects.requireNonNull(state).phase().isTerminal()) {
            return state;
        }
        Instant now = clock.instant();
        Optional<ReleaseState> paged = rollBackOnPage(now);
        if (paged.isPresent()) {
            return paged.get();
        }
        return now.isBefore(state.nextAnalysisAt()) ? state : analyze(now);
    }

    /**
     * Runs an analysis now, due or not (for hosts that schedule analyses themselves); a firing page alert rolls
     * back first, as in {@link #tick()}.
     *
     * @return the state afterwards
     * @throws ReleaseJournalException when the journal cannot be written; nothing changed
     */
    public synchronized ReleaseState advance() {
        if (Objects.requireNonNull(state).phase().isTerminal()) {
            return state;
        }
        Instant now = clock.instant();
        return rollBackOnPage(now).orElseGet(() -> analyze(now));
    }

    /**
     * Halts the release until {@link #resume()}; traffic stays as it is.
     *
     * @param reason why, for the journal
     * @return the state afterwards
     * @throws IllegalStateException when the release is over
     */
    public synchronized ReleaseState pause(String reason) {
        requireActive("pause");
        Instant now = clock.instant();
        return commit(transition(Objects.requireNonNull(state), ReleasePhase.PAUSED, ReleaseEventType.PAUSED,
                "paused by hand: " + reason,
                now, List.of(), null, null), "pause");
    }

    /**
     * Resumes a paused release; the inconclusive count restarts and the next analysis is one interval away. That
     * analysis covers everything counted since the last one, the pause included.
     *
     * @return the state afterwards
     * @throws IllegalStateException when the release is not paused
     */
    public synchronized ReleaseState resume() {
        if (Objects.requireNonNull(state).phase() != ReleasePhase.PAUSED) {
            throw new IllegalStateException("Release '" + config.releaseId() + "' is " + state.phase()
                    + ", only a PAUSED release can be resumed");
        }
        Instant now = clock.instant();
        ReleaseState next = state.withCounts(state.analysesAtStep(), state.failures(), 0)
                .withSchedule(now.plus(config.interval()));
        return commit(transition(next, ReleasePhase.PROGRESSING, ReleaseEventType.RESUMED, "resumed by hand", now,
                List.of(), null, null), "resume");
    }

    /**
     * Stops the release and sends all traffic back to the baseline in one swap.
     *
     * @param reason why, for the journal
     * @return the state afterwards
     * @throws IllegalStateException when the release is over
     */
    public synchronized ReleaseState abort(String reason) {
        requireActive("abort");
        return commit(transition(Objects.requireNonNull(state), ReleasePhase.ABORTED, ReleaseEventType.ABORTED,
                "aborted by hand: " + reason,
                clock.instant(), List.of(), null, null), "abort");
    }

    /**
     * Rewrites the journal unchanged under a new revision, so that any other controller of this release still
     * holding an older revision (a deposed leader of a fleet that comes back after a pause) can no longer write a
     * decision: its next compare-and-set fails with a {@link ReleaseJournalException} instead of overwriting. What
     * a replica does right after it took over a release's lease (see {@code core.release.fleet.FleetRelease}).
     *
     * @param reason why, for the exception if the write fails
     * @throws ReleaseJournalException when the journal was written by someone else since this controller read it
     *                                 (reopen the controller to see that write, then fence again); nothing changed
     */
    public synchronized void fence(String reason) {
        Objects.requireNonNull(reason, "reason");
        journal.append(state(), List.of(), "fence (" + reason + ")");
    }

    private void requireActive(String what) {
        if (Objects.requireNonNull(state).phase().isTerminal()) {
            throw new IllegalStateException("Cannot " + what + " release '" + config.releaseId() + "': it is already "
                    + state.phase());
        }
    }

    private synchronized ReleaseController open() {
        Optional<ReleaseState> saved = journal.load();
        if (saved.isPresent()) {
            ReleaseState found = saved.get();
            if (found.strategy() != config.strategy() || !found.baselineVersion().equals(config.baselineVersion())
                    || !found.candidateVersion().equals(config.candidateVersion())) {
                throw new IllegalStateException("Release '" + config.releaseId() + "' in the store is a "
                        + found.strategy() + " of " + found.baselineVersion() + " -> " + found.candidateVersion()
                        + ", not the configured " + config.strategy() + " of " + config.baselineVersion() + " -> "
                        + config.candidateVersion());
            }
            state = found;
            publish(found);
            return this;
        }
        Instant now = clock.instant();
        ReleaseState initial = new ReleaseState(config.releaseId(), config.strategy(), config.baselineVersion(),
                config.candidateVersion(), ReleasePhase.PROGRESSING, -1, 0, 0, 0, 0, now.plus(config.interval()),
                "created", CohortTotals.ZERO, CohortTotals.ZERO, AnalysisWindow.mark(stats, config, now));
        Transition start = new Transition(initial, "start");
        start.entries.add(entry(now, ReleaseEventType.STARTED, initial, config.strategy() + " of "
                + config.candidateVersion() + " replacing " + config.baselineVersion() + ", steps " + config.weights(),
                List.of(), null, null));
        promote(start, now, List.of());
        journal.append(start.state, start.entries, start.change);
        state = start.state;
        publish(state);
        fire(start.entries);
        return this;
    }

    /** The page-alert rule, checked on every tick: a firing page alert of the candidate's SLO rolls back. */
    private Optional<ReleaseState> rollBackOnPage(Instant now) {
        if (Objects.requireNonNull(state).stepIndex() < 0) {
            return Optional.empty(); // the candidate has served nothing yet
        }
        Optional<AlertState> page = pageAlert();
        if (page.isEmpty()) {
            return Optional.empty();
        }
        AlertState alert = page.get();
        AnalysisWindow window = AnalysisWindow.since(stats, config, state.mark(), now);
        List<Finding> findings = new ArrayList<>(window.notes());
        findings.add(0, Finding.note("alert." + alert.slo(), Outcome.FAIL, alert.reason()));
        Verdict verdict = new Verdict(analysis.name(), Outcome.FAIL, findings, now);
        ReleaseState current = state.withTotals(state.baselineTotals().plus(window.baseline()),
                state.candidateTotals().plus(window.candidate())).withMark(window.mark());
        return Optional.of(commit(transition(current, ReleasePhase.ROLLED_BACK, ReleaseEventType.ROLLED_BACK,
                "page alert on the candidate's SLO '" + alert.slo() + "': " + alert.reason(), now,
                window.evidence(), verdict, null), "rollback"));
    }

    private ReleaseState analyze(Instant now) {
        ReleaseState current = Objects.requireNonNull(state).withSchedule(now.plus(config.interval()));
        if (current.stepIndex() < 0) {
            Transition t = new Transition(current.withMark(AnalysisWindow.mark(stats, config, now)),
                    "promotion to step 0");
            promote(t, now, List.of());
            return commit(t);
        }
        if (current.phase() == ReleasePhase.PAUSED) {
            return state; // paused: only a page alert acts (see tick); the window keeps growing until resumed
        }
        AnalysisWindow window = AnalysisWindow.since(stats, config, current.mark(), now);
        CohortStats base = window.baseline();
        CohortStats cand = window.candidate();
        List<CohortStats> evidence = window.evidence();
        Verdict verdict = analysis.evaluate(new CohortAnalysis.Input(base, cand,
                current.candidateWeight()));
        for (Finding note : window.notes()) {
            verdict = verdict.with(note);
        }
        AnalysisMark previous = current.mark();
        if (previous != null && previous.stepStart() && !config.labelDelay().isZero()) {
            verdict = verdict.with(Finding.note("labels.delay", Outcome.PASS, "first analysis at step "
                    + current.stepIndex() + " waited the label delay " + config.labelDelay() + " (it covers "
                    + cand.window() + " since the step began); labels are counted in the analysis in which they"
                    + " are joined"));
        }
        for (AlertState alert : alerts()) {
            if (alert.status() == AlertStatus.FIRING) {
                verdict = verdict.with(Finding.note("alert." + alert.slo(), Outcome.WARN, alert.reason()));
            }
        }
        current = current.withTotals(current.baselineTotals().plus(base), current.candidateTotals().plus(cand))
                .withMark(window.mark());
        Transition t = new Transition(current, "analysis at step " + current.stepIndex());
        int entryAt = t.entries.size();
        if (cand.requests() == 0) {
            t.to(ReleasePhase.PAUSED, "no data: cohort '" + cand.cohort() + "' served no requests in the "
                    + cand.window() + " since the previous analysis; the release halts until resumed");
            t.entries.add(entry(now, ReleaseEventType.PAUSED, t.state, t.state.reason(), evidence, verdict, null));
        } else if (verdict.outcome() == Outcome.FAIL) {
            int failures = current.failures() + 1;
            t.state = current.withCounts(current.analysesAtStep(), failures, 0);
            if (failures >= config.failureLimit()) {
                t.to(ReleasePhase.ROLLED_BACK, "analysis failed " + failures + " time(s), the failure limit is "
                        + config.failureLimit() + ": " + failedChecks(verdict));
                t.entries.add(entry(now, ReleaseEventType.ROLLED_BACK, t.state, t.state.reason(), evidence, verdict,
                        null));
            }
        } else if (verdict.outcome() == Outcome.INCONCLUSIVE) {
            int inconclusives = current.inconclusives() + 1;
            t.state = current.withCounts(current.analysesAtStep(), current.failures(), inconclusives);
            if (inconclusives >= config.inconclusiveLimit()) {
                t.to(ReleasePhase.PAUSED, inconclusives + " inconclusive analyses in a row (limit "
                        + config.inconclusiveLimit() + "): " + failedChecks(verdict));
                t.entries.add(entry(now, ReleaseEventType.PAUSED, t.state, t.state.reason(), evidence, verdict, null));
            }
        } else {
            t.state = current.withCounts(current.analysesAtStep() + 1, current.failures(), 0);
            if (t.state.analysesAtStep() >= config.analysesPerStep()) {
                promote(t, now, evidence);
            }
        }
        t.entries.add(entryAt, entry(now, ReleaseEventType.ANALYSIS, t.state, verdict.outcome() + " at step "
                + current.stepIndex() + " (" + current.candidateWeight() + "%): " + failedChecks(verdict), evidence,
                verdict, t.policy));
        return commit(t);
    }

    /** Moves to the next step or promotes, unless the A/B test, the policy or the approval says otherwise. */
    private void promote(Transition t, Instant now, List<CohortStats> evidence) {
        ReleaseState s = t.state;
        boolean last = s.stepIndex() == config.lastStep();
        if (last && config.finalSignificance()) {
            AbSignificance.Result result = AbSignificance.decide(s.baselineTotals(), s.candidateTotals(),
                    config.minSample(), config.alpha());
            Verdict verdict = new Verdict("ab-test:" + config.releaseId(), result.finding().outcome(),
                    List.of(result.finding()), now);
            if (result.winner() != AbSignificance.Winner.B) {
                t.to(ReleasePhase.ROLLED_BACK, "A/B test ended: " + result.finding().message());
                t.entries.add(entry(now, ReleaseEventType.ROLLED_BACK, t.state, t.state.reason(), evidence, verdict,
                        null));
                return;
            }
            t.entries.add(entry(now, ReleaseEventType.ANALYSIS, s, "A/B test ended: " + result.finding().message(),
                    evidence, verdict, null));
        }
        if (policy != null) {
            Change change = Change.release(config.releaseId()).withLabels(config.changeLabels().toArray(String[]::new));
            PolicyDecision decision = policy.decide(change);
            t.policy = decision;
            if (decision.blocksChange()) {
                boolean rollback = decision.decisions().stream()
                        .anyMatch(d -> d.blocks() && d.action().equals(Action.ROLLBACK));
                String reasons = decision.decisions().stream().filter(Decision::blocks).map(Decision::reason)
                        .reduce((a, b) -> a + "; " + b).orElse("");
                if (rollback) {
                    t.to(ReleasePhase.ROLLED_BACK, "error-budget policy '" + decision.policy() + "' decided ROLLBACK: "
                            + reasons);
                    t.entries.add(entry(now, ReleaseEventType.ROLLED_BACK, t.state, t.state.reason(), evidence, null,
                            decision));
                } else if (s.phase() != ReleasePhase.FROZEN) {
                    t.to(ReleasePhase.FROZEN, "promotion frozen by error-budget policy '" + decision.policy() + "': "
                            + reasons);
                    t.entries.add(entry(now, ReleaseEventType.FROZEN, t.state, t.state.reason(), evidence, null,
                            decision));
                }
                return;
            }
        }
        if (last && approval != null && !approval.approve(s)) {
            if (s.phase() != ReleasePhase.AWAITING_APPROVAL) {
                t.to(ReleasePhase.AWAITING_APPROVAL, "final promotion waits for manual approval");
                t.entries.add(entry(now, ReleaseEventType.AWAITING_APPROVAL, t.state, t.state.reason(), evidence, null,
                        t.policy));
            }
            return;
        }
        if (last) {
            t.to(ReleasePhase.PROMOTED, config.candidateVersion() + " promoted after " + s.analysesAtStep()
                    + " successful analyses at the last step");
            t.state = t.state.atStep(s.stepIndex(), 100);
            t.entries.add(entry(now, ReleaseEventType.PROMOTED, t.state, t.state.reason(), evidence, null, t.policy));
            return;
        }
        int next = s.stepIndex() + 1;
        t.state = s.atStep(next, config.weightAt(next)).withPhase(ReleasePhase.PROGRESSING,
                "at step " + next + " of " + config.lastStep()).withSchedule(now.plus(config.firstAnalysisDelay()));
        if (t.state.mark() != null) {
            t.state = t.state.withMark(t.state.mark().startingStep());
        }
        t.change = "step change " + s.stepIndex() + " -> " + next + " (" + config.weightAt(s.stepIndex()) + "% -> "
                + config.weightAt(next) + "%)";
        t.entries.add(entry(now, ReleaseEventType.STEP_ADVANCED, t.state, "candidate weight "
                + config.weightAt(s.stepIndex()) + "% -> " + config.weightAt(next) + "%", evidence, null, t.policy));
    }

    private Transition transition(ReleaseState from, ReleasePhase phase, ReleaseEventType type, String reason,
                                  Instant now, List<CohortStats> evidence, @Nullable Verdict verdict,
                                  @Nullable PolicyDecision decision) {
        Transition t = new Transition(from, type.name().toLowerCase(java.util.Locale.ROOT));
        t.to(phase, reason);
        t.entries.add(entry(now, type, t.state, reason, evidence, verdict, decision));
        return t;
    }

    private ReleaseState commit(Transition t, String change) {
        t.change = change;
        return commit(t);
    }

    private ReleaseState commit(Transition t) {
        journal.append(t.state, t.entries, t.change);
        state = t.state;
        publish(t.state);
        fire(t.entries);
        return state;
    }

    private void publish(ReleaseState s) {
        plan.follow(config, s);
    }

    private void fire(List<JournalEntry> entries) {
        if (listeners.isEmpty()) {
            return;
        }
        for (JournalEntry e : entries) {
            ReleaseEvent event = new ReleaseEvent(config.releaseId(), e.type(), e.phase(), e.stepIndex(),
                    e.candidateWeight(), config.baselineVersion(), config.candidateVersion(), e.at(), e.message());
            for (ReleaseListener listener : listeners) {
                try {
                    listener.onEvent(event);
                } catch (RuntimeException ex) {
                    LOG.warn("Release listener {} failed on {} of release '{}'", listener, e.type(),
                            config.releaseId(), ex);
                }
            }
        }
    }

    private List<AlertState> alerts() {
        return candidateAlerts == null ? List.of() : candidateAlerts.get();
    }

    private Optional<AlertState> pageAlert() {
        return alerts().stream().filter(a -> a.status() == AlertStatus.FIRING && a.severity() == Severity.PAGE)
                .findFirst();
    }

    private static String failedChecks(Verdict verdict) {
        List<String> notes = new ArrayList<>();
        for (Finding finding : verdict.findings()) {
            if (!finding.outcome().allowsProceeding() || finding.outcome() == Outcome.WARN) {
                notes.add(finding.check() + ": " + finding.message());
            }
        }
        return notes.isEmpty() ? "all checks passed" : String.join("; ", notes);
    }

    private static JournalEntry entry(Instant at, ReleaseEventType type, ReleaseState s, String message,
                                      List<CohortStats> evidence, @Nullable Verdict verdict,
                                      @Nullable PolicyDecision decision) {
        return new JournalEntry(at, type, s.phase(), s.stepIndex(), s.candidateWeight(), message, evidence, verdict,
                decision);
    }

    /** A state change being prepared: nothing is visible until it is journaled. */
    private static final class Transition {
        ReleaseState state;
        String change;
        @Nullable PolicyDecision policy;
        final List<JournalEntry> entries = new ArrayList<>();

        Transition(ReleaseState state, String change) {
            this.state = state;
            this.change = change;
        }

        void to(ReleasePhase phase, String reason) {
            state = state.withPhase(phase, reason);
        }
    }

    /** Builds and opens a {@link ReleaseController}. */
    public static final class Builder {
        private final ReleaseConfig config;
        private final Store store;
        private final CohortStatsSource stats;
        private final Clock clock;
        private @Nullable PromotionPolicy policy;
        private @Nullable Supplier<List<AlertState>> candidateAlerts;
        private @Nullable PromotionApproval approval;
        private final List<ReleaseListener> listeners = new ArrayList<>();

        private Builder(ReleaseConfig config, Store store, CohortStatsSource stats, Clock clock) {
            this.config = Objects.requireNonNull(config, "config");
            this.store = Objects.requireNonNull(store, "store");
            this.stats = Objects.requireNonNull(stats, "stats");
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        /**
         * The error-budget policy asked before every promotion, e.g. {@code errorBudgetPolicy::decide}.
         *
         * @param value the policy
         * @return this builder
         */
        public Builder policy(PromotionPolicy value) {
            this.policy = Objects.requireNonNull(value, "policy");
            return this;
        }

        /**
         * The burn-rate alerts of the candidate cohort's SLO, e.g. {@code canaryTracker::alerts}; a firing page
         * alert rolls the release back, a firing ticket alert is a warning in the analysis.
         *
         * @param value the alert source
         * @return this builder
         */
        public Builder candidateAlerts(Supplier<List<AlertState>> value) {
            this.candidateAlerts = Objects.requireNonNull(value, "candidateAlerts");
            return this;
        }

        /**
         * The manual gate asked before the final promotion.
         *
         * @param value the approval callback
         * @return this builder
         */
        public Builder approval(PromotionApproval value) {
            this.approval = Objects.requireNonNull(value, "approval");
            return this;
        }

        /**
         * Adds a listener.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(ReleaseListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Resumes the release from its journal, or starts it (journaling the start before publishing step 0).
         *
         * @return the controller
         * @throws ReleaseJournalException when a new release cannot be journaled
         * @throws IllegalStateException   when the journal holds a different release under this id
         */
        public ReleaseController open() {
            return new ReleaseController(this).open();
        }
    }
}
