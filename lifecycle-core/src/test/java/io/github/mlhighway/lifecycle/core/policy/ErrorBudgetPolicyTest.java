package io.github.mlhighway.lifecycle.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.core.json.Json;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.gate.Verdict;
import io.github.mlhighway.lifecycle.policy.Action;
import io.github.mlhighway.lifecycle.policy.Change;
import io.github.mlhighway.lifecycle.policy.PolicyDecision;
import io.github.mlhighway.lifecycle.slo.Severity;
import io.github.mlhighway.lifecycle.slo.Slo;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ErrorBudgetPolicyTest {

    private final SimClock clock = SimClock.atDefault();
    private final SloTracker availability = SloTracker.create(Slo.ratio("availability").objective(0.99)
            .rollingWindow(Duration.ofDays(30)).build(), clock);

    private void minuteOf(long good, long total) {
        availability.record(good, total);
        clock.advance(Duration.ofMinutes(1));
        availability.tick();
    }

    @Test
    void aHealthyBudgetAllowsTheRelease() {
        minuteOf(1000, 1000);
        ErrorBudgetPolicy policy = ErrorBudgetPolicy.sreWorkbook(clock, availability);

        PolicyDecision decision = policy.decide(Change.release("model-v2"));

        assertThat(decision.actions()).containsExactly(Action.ALLOW);
        assertThat(decision.blocksChange()).isFalse();
        assertThat(policy.evaluate(Change.release("model-v2")).outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void anExhaustedBudgetFreezesReleasesWithTheNumbersInTheReason() {
        minuteOf(900, 1000); // 10% errors against a 1% budget
        ErrorBudgetPolicy policy = ErrorBudgetPolicy.sreWorkbook(clock, availability);

        PolicyDecision decision = policy.decide(Change.release("model-v2"));

        assertThat(decision.actions()).contains(Action.FREEZE_RELEASES, Action.PAGE);
        assertThat(decision.blocksChange()).isTrue();
        assertThat(decision.decisions()).filteredOn(d -> d.action().equals(Action.FREEZE_RELEASES)).singleElement()
                .satisfies(d -> {
                    assertThat(d.slo()).isEqualTo("availability");
                    assertThat(d.reason()).contains("error budget exhausted").contains("-900.0% of the error budget");
                    assertThat(d.evidence()).containsKey("remaining_fraction")
                            .containsKey("burn_rate");
                });
        Verdict verdict = policy.evaluate(Change.release("model-v2"));
        assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(verdict.findings()).extracting(f -> f.check()).contains("policy.budget-exhausted", "policy.page-alert");
    }

    @Test
    void aSecurityFixIsExemptFromTheFreezeButStillWarned() {
        minuteOf(900, 1000);
        ErrorBudgetPolicy policy = ErrorBudgetPolicy.sreWorkbook(clock, availability);

        PolicyDecision decision = policy.decide(Change.release("cve-fix").withLabels("security"));
        Verdict verdict = policy.evaluate(Change.release("cve-fix").withLabels("security"));

        assertThat(decision.blocksChange()).isFalse();
        assertThat(decision.exemptions()).containsExactly("label:security");
        assertThat(verdict.outcome()).isEqualTo(Outcome.WARN);
        assertThat(verdict.describe()).contains("exempt: label:security");
    }

    @Test
    void anExemptionFromTheFreezeDoesNotLiftARollback() {
        minuteOf(700, 1000);
        ErrorBudgetPolicy policy = ErrorBudgetPolicy.builder("releases", clock).watch(availability)
                .rule("budget-exhausted", BudgetCondition.exhausted(), Action.FREEZE_RELEASES)
                .rule("fast-burn", BudgetCondition.alerting(Severity.PAGE), Action.ROLLBACK)
                .exemptLabels("security")
                .build();

        PolicyDecision decision = policy.decide(Change.release("cve-fix").withLabels("security"));

        assertThat(decision.blocksChange()).isTrue();
        assertThat(decision.decisions()).extracting(d -> d.action().name(), d -> d.exemption())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("FREEZE_RELEASES", "label:security"),
                        org.assertj.core.groups.Tuple.tuple("ROLLBACK", ""));
        assertThat(policy.evaluate(Change.release("cve-fix").withLabels("security")).outcome())
                .isEqualTo(Outcome.FAIL);
    }

    @Test
    void aCustomExemptionLiftsTheActionsItNames() {
        minuteOf(700, 1000);
        ErrorBudgetPolicy policy = ErrorBudgetPolicy.builder("releases", clock).watch(availability)
                .rule("fast-burn", BudgetCondition.alerting(Severity.PAGE), Action.ROLLBACK)
                .exemptWhen("the rollback itself", change -> change.kind().equals("rollback"), Action.ROLLBACK)
                .build();

        assertThat(policy.decide(new Change("v1", "rollback", java.util.Set.of())).blocksChange()).isFalse();
        assertThat(policy.decide(Change.release("v3")).blocksChange()).isTrue();
    }

    @Test
    void customRulesAndActionsDecideToo() {
        minuteOf(700, 1000);
        Action retrain = Action.custom("RETRAIN", false);
        ErrorBudgetPolicy policy = ErrorBudgetPolicy.builder("quality", clock).watch(availability)
                .rule("low-budget", BudgetCondition.remainingBelow(0.5), retrain)
                .rule("paging", BudgetCondition.alerting(Severity.PAGE), Action.ROLLBACK)
                .build();

        PolicyDecision decision = policy.decide(Change.release("v3"));

        assertThat(decision.actions()).containsExactly(retrain, Action.ROLLBACK);
        assertThat(decision.blocksChange()).isTrue();
    }

    @Test
    void decisionsAndVerdictsSerializeToJson() {
        minuteOf(900, 1000);
        ErrorBudgetPolicy policy = ErrorBudgetPolicy.sreWorkbook(clock, availability);

        String json = Json.write(policy.evaluate(Change.release("v2")));

        assertThat(json).contains("\"outcome\":\"FAIL\"").contains("\"check\":\"policy.budget-exhausted\"");
        assertThat(Json.read(json, Verdict.class)).isEqualTo(policy.evaluate(Change.release("v2")));
    }

    @Test
    void aPolicyWithoutRulesOrSlosCannotBeBuilt() {
        assertThatThrownBy(() -> ErrorBudgetPolicy.builder("empty", clock).watch(availability).build())
                .hasMessageContaining("no rule");
        assertThatThrownBy(() -> ErrorBudgetPolicy.builder("blind", clock)
                .rule("r", BudgetCondition.exhausted(), Action.FREEZE_RELEASES).build())
                .hasMessageContaining("watches no SLO");
    }
}
