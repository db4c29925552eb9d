package io.github.mlhighway.lifecycle.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.JavadocExamples;
import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.core.slo.SloRegistry;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.policy.Action;
import io.github.mlhighway.lifecycle.policy.Change;
import io.github.mlhighway.lifecycle.policy.PolicyDecision;
import io.github.mlhighway.lifecycle.slo.Severity;
import io.github.mlhighway.lifecycle.slo.Slo;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The example of {@link ErrorBudgetPolicy}'s javadoc, run on an exhausted budget; a second test keeps the copies equal. */
class PolicyJavadocExamplesTest {

    @Test
    void thePolicyExampleFreezesReleasesOnAnExhaustedBudget() {
        SimClock clock = SimClock.atDefault();
        SloRegistry slos = SloRegistry.create(clock);
        SloTracker availabilityTracker = slos.register(Slo.ratio("checkout.availability").objective(0.999)
                .rollingWindow(Duration.ofDays(28)).build());
        SloTracker latencyTracker = slos.register(Slo.ratio("checkout.latency").objective(0.99)
                .rollingWindow(Duration.ofDays(28)).build());
        availabilityTracker.record(900, 1_000);
        latencyTracker.record(1_000, 1_000);
        clock.advance(Duration.ofMinutes(1));
        slos.tick();

        // --- javadoc: ErrorBudgetPolicy ---
        ErrorBudgetPolicy policy = ErrorBudgetPolicy.builder("releases", clock)
            .watch(availabilityTracker, latencyTracker)
            .rule("budget-exhausted", BudgetCondition.exhausted(), Action.FREEZE_RELEASES)
            .rule("fast-burn", BudgetCondition.alerting(Severity.PAGE), Action.ROLLBACK)
            .exemptLabels("security", "P0")
            .build();
        PolicyDecision decision = policy.decide(Change.release("model-v7"));
        // --- javadoc: end ---

        assertThat(decision.blocksChange()).isTrue();
        assertThat(decision.has(Action.FREEZE_RELEASES)).isTrue();
        assertThat(decision.has(Action.ROLLBACK)).isTrue(); // 10% bad in a minute burns far faster than 14.4x
        PolicyDecision securityFix = policy.decide(Change.release("cve-fix").withLabels("security"));
        assertThat(securityFix.exemptions()).containsExactly("label:security"); // lifts the freeze, not the rollback
    }

    @Test
    void theJavadocShowsTheCodeRunHere() {
        JavadocExamples.assertShown(ErrorBudgetPolicy.class, PolicyJavadocExamplesTest.class);
    }
}
