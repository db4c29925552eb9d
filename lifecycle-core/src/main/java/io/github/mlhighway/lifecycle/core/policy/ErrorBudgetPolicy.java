package io.github.mlhighway.lifecycle.core.policy;

import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.gate.Finding;
import io.github.mlhighway.lifecycle.gate.Gate;
import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.gate.Verdict;
import io.github.mlhighway.lifecycle.policy.Action;
import io.github.mlhighway.lifecycle.policy.Change;
import io.github.mlhighway.lifecycle.policy.Decision;
import io.github.mlhighway.lifecycle.policy.PolicyDecision;
import io.github.mlhighway.lifecycle.slo.BudgetingMethod;
import io.github.mlhighway.lifecycle.slo.ErrorBudget;
import io.github.mlhighway.lifecycle.slo.Severity;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * An error-budget policy as code: rules over the budget state of the SLOs it watches decide actions for a
 * proposed {@link Change}; exemptions let named kinds of change through the blocking actions they list (a release
 * freeze, by default). As a {@link Gate} it returns FAIL when a blocking action applies, WARN for non-blocking
 * actions (page, ticket) or an exempted block, and
 * PASS otherwise; every finding carries the rule, the SLO and its numbers.
 *
 * <pre>{@code
 * ErrorBudgetPolicy policy = ErrorBudgetPolicy.builder("releases", clock)
 *     .watch(availabilityTracker, latencyTracker)
 *     .rule("budget-exhausted", BudgetCondition.exhausted(), Action.FREEZE_RELEASES)
 *     .rule("fast-burn", BudgetCondition.alerting(Severity.PAGE), Action.ROLLBACK)
 *     .exemptLabels("security", "P0")
 *     .build();
 * PolicyDecision decision = policy.decide(Change.release("model-v7"));
 * }</pre>
 *
 * <p>Thread-safe: the policy is immutable and the trackers it reads are thread-safe.
 *
 * @since 0.1
 */
public final class ErrorBudgetPolicy implements Gate<Change> {

    /** Labels the SRE Workbook exempts from a release freeze: security fixes and P0 issues. */
    public static final List<String> WORKBOOK_EXEMPT_LABELS = List.of("security", "P0");

    private final String name;
    private final Clock clock;
    private final List<SloTracker> trackers;
    private final List<PolicyRule> rules;
    private final List<Exemption> exemptions;

    private ErrorBudgetPolicy(Builder builder) {
        this.name = builder.name;
        this.clock = builder.clock;
        this.trackers = List.copyOf(builder.trackers);
        this.rules = List.copyOf(builder.rules);
        this.exemptions = List.copyOf(builder.exemptions);
    }

    /**
     * A builder.
     *
     * @param name  the policy's name, used as the gate name
     * @param clock the clock for decision times
     * @return the builder
     */
    public static Builder builder(String name, Clock clock) {
        return new Builder(name, clock);
    }

    /**
     * The SRE Workbook's example policy: freeze releases while any watched SLO has spent its budget (security
     * and P0 changes exempt), page on a page alert, open a ticket on a ticket alert.
     *
     * @param clock    the clock
     * @param trackers the SLOs to watch, at least one
     * @return the policy
     */
    public static ErrorBudgetPolicy sreWorkbook(Clock clock, SloTracker... trackers) {
        return builder("sre-workbook", clock)
                .watch(trackers)
                .rule("budget-exhausted", BudgetCondition.exhausted(), Action.FREEZE_RELEASES)
                .rule("page-alert", BudgetCondition.alerting(Severity.PAGE), Action.PAGE)
                .rule("ticket-alert", BudgetCondition.alerting(Severity.TICKET), Action.TICKET)
                .exemptLabels(WORKBOOK_EXEMPT_LABELS.toArray(String[]::new))
                .build();
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * Reads every watched SLO once and applies every rule to it.
     *
     * @param change the change asking
     * @return every decision, with the exemption that applies (if any)
     */
    public PolicyDecision decide(Change change) {
        Objects.requireNonNull(change, "change");
        List<Decision> decisions = new ArrayList<>();
        for (SloTracker tracker : trackers) {
            BudgetState state = new BudgetState(tracker.slo(), tracker.budget(), tracker.alerts());
            for (PolicyRule rule : rules) {
                if (rule.when().holds(state)) {
                    decisions.add(decision(rule, state));
                }
            }
        }
        if (decisions.isEmpty()) {
            decisions.add(new Decision(Action.ALLOW, "none", "", "no rule of policy '" + name + "' applies to the "
                    + trackers.size() + " watched SLO(s)", Map.of(), ""));
        }
        for (int i = 0; i < decisions.size(); i++) {
            Decision decision = decisions.get(i);
            if (decision.action().blocksReleases()) {
                for (Exemption exemption : exemptions) {
                    if (exemption.lifts(decision.action()) && exemption.applies().test(change)) {
                        decisions.set(i, decision.exemptedBy(exemption.name()));
                        break;
                    }
                }
            }
        }
        return new PolicyDecision(name, change, decisions, clock.instant());
    }

    /**
     * The policy as a gate: FAIL when the change is blocked, WARN when something needs attention (a paging or
     * ticketing action, or a block that an exemption lifted), PASS otherwise.
     *
     * @param change the change asking
     * @return the verdict, one finding per decision
     */
    @Override
    public Verdict evaluate(Change change) {
        PolicyDecision decision = decide(change);
        List<Finding> findings = new ArrayList<>();
        for (Decision d : decision.decisions()) {
            Outcome outcome;
            String message = d.action() + ": " + d.reason();
            if (d.blocks()) {
                outcome = Outcome.FAIL;
            } else if (d.action().blocksReleases()) {
                outcome = Outcome.WARN;
                message += " (change '" + change.id() + "' exempt: " + d.exemption() + ")";
            } else {
                outcome = d.action().equals(Action.ALLOW) ? Outcome.PASS : Outcome.WARN;
            }
            Double remaining = d.evidence().get("remaining_fraction");
            findings.add(new Finding("policy." + d.rule(), outcome, remaining, remaining == null ? null : 0.0,
                    message));
        }
        return Verdict.fromFindings(name, findings, decision.at());
    }

    private static Decision decision(PolicyRule rule, BudgetState state) {
        ErrorBudget budget = state.budget();
        Map<String, Double> evidence = new LinkedHashMap<>();
        evidence.put("remaining_fraction", budget.remainingFraction());
        evidence.put("consumed_fraction", budget.consumedFraction());
        evidence.put("burn_rate", budget.burnRate());
        evidence.put("sli", budget.sli());
        evidence.put("objective", budget.objective());
        evidence.put("eligible", (double) budget.eligible());
        String reason = String.format(Locale.ROOT,
                "%s for SLO '%s': %.1f%% of the error budget remains (%.1f%% consumed), burn rate %.2f over %s, "
                        + "SLI %.5f against objective %s over %d %s; alerting tiers: %s",
                rule.when().description(), state.slo().name(), budget.remainingFraction() * 100,
                budget.consumedFraction() * 100, budget.burnRate(), budget.burnRateWindow(), budget.sli(),
                budget.objective(), budget.eligible(),
                budget.method() == BudgetingMethod.OCCURRENCES ? "events" : "slices",
                state.alertingTiers().isEmpty() ? "none" : String.join(", ", state.alertingTiers()));
        return new Decision(rule.action(), rule.name(), state.slo().name(), reason, evidence, "");
    }

    /**
     * A named exemption: changes it applies to go through the listed blocking actions.
     *
     * @param name    what it is, e.g. {@code label:security}
     * @param applies which changes it covers
     * @param lifts   the actions it lifts; the SRE Workbook exempts from {@link Action#FREEZE_RELEASES} only
     */
    public record Exemption(String name, Predicate<Change> applies, Set<Action> lifts) {
        /** Validates and copies the components. */
        public Exemption {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(applies, "applies");
            lifts = Set.copyOf(lifts);
            if (lifts.isEmpty()) {
                throw new IllegalArgumentException("Exemption '" + name + "' lifts no action");
            }
        }

        /**
         * Whether this exemption lifts the action.
         *
         * @param action a blocking action
         * @return true when listed
         */
        public boolean lifts(Action action) {
            return lifts.contains(action);
        }
    }

    /** Builds an {@link ErrorBudgetPolicy}. */
    public static final class Builder {
        private final String name;
        private final Clock clock;
        private final List<SloTracker> trackers = new ArrayList<>();
        private final List<PolicyRule> rules = new ArrayList<>();
        private final List<Exemption> exemptions = new ArrayList<>();

        private Builder(String name, Clock clock) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("Policy name must not be blank");
            }
            this.name = name;
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        /**
         * SLOs whose budgets the rules read.
         *
         * @param slos trackers
         * @return this builder
         */
        public Builder watch(SloTracker... slos) {
            for (SloTracker tracker : slos) {
                trackers.add(Objects.requireNonNull(tracker, "tracker"));
            }
            return this;
        }

        /**
         * Adds a rule.
         *
         * @param ruleName stable name
         * @param when     condition over one SLO's state
         * @param action   the action decided when it holds
         * @return this builder
         */
        public Builder rule(String ruleName, BudgetCondition when, Action action) {
            Objects.requireNonNull(ruleName, "ruleName");
            for (PolicyRule rule : rules) {
                if (rule.name().equals(ruleName)) {
                    throw new IllegalArgumentException("Policy '" + name + "' already has a rule named '" + ruleName
                            + "'");
                }
            }
            rules.add(new PolicyRule(ruleName, when, action));
            return this;
        }

        /**
         * Exempts changes carrying any of the labels from a release freeze ({@link Action#FREEZE_RELEASES}),
         * as the SRE Workbook does for security fixes and P0 issues. A ROLLBACK still applies to them.
         *
         * @param labels e.g. {@code security}, {@code P0}
         * @return this builder
         */
        public Builder exemptLabels(String... labels) {
            for (String label : labels) {
                Objects.requireNonNull(label, "label");
                exemptions.add(new Exemption("label:" + label, change -> change.hasLabel(label),
                        Set.of(Action.FREEZE_RELEASES)));
            }
            return this;
        }

        /**
         * Exempts changes matching a predicate from the given blocking actions.
         *
         * @param exemptionName what the exemption is, recorded in decisions
         * @param applies       which changes it covers
         * @param lifts         the blocking actions it lifts, at least one (e.g. {@link Action#FREEZE_RELEASES})
         * @return this builder
         */
        public Builder exemptWhen(String exemptionName, Predicate<Change> applies, Action... lifts) {
            exemptions.add(new Exemption(exemptionName, applies, Set.of(lifts)));
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the policy
         * @throws IllegalStateException if it watches no SLO or has no rule
         */
        public ErrorBudgetPolicy build() {
            if (trackers.isEmpty()) {
                throw new IllegalStateException("Policy '" + name + "' watches no SLO: call watch(...)");
            }
            if (rules.isEmpty()) {
                throw new IllegalStateException("Policy '" + name + "' has no rule: call rule(...)");
            }
            return new ErrorBudgetPolicy(this);
        }
    }
}
