package io.github.mlhighway.lifecycle.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.gate.Finding;
import io.github.mlhighway.lifecycle.gate.Gate;
import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.gate.Verdict;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Gates compose: allOf keeps the worst outcome and all evidence, anyOf the best, warnOnly never blocks. */
class GateTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static Gate<Integer> atLeast(String name, int threshold) {
        return Gate.named(name, value -> Verdict.fromFindings(name, List.of(Finding.of(name,
                value >= threshold ? Outcome.PASS : Outcome.FAIL, value, threshold, "value vs " + threshold)), NOW));
    }

    @Test
    void allOfFailsWhenOneFailsAndKeepsEveryFinding() {
        Gate<Integer> both = Gate.allOf("both", atLeast("a", 1), atLeast("b", 5));

        Verdict verdict = both.evaluate(3);

        assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(verdict.gate()).isEqualTo("both");
        assertThat(verdict.findings()).extracting(Finding::check).containsExactly("a", "b");
    }

    @Test
    void anyOfPassesWhenOnePasses() {
        assertThat(Gate.anyOf("either", atLeast("a", 1), atLeast("b", 5)).evaluate(3).outcome())
                .isEqualTo(Outcome.PASS);
        assertThat(Gate.anyOf("either", atLeast("a", 4), atLeast("b", 5)).evaluate(3).outcome())
                .isEqualTo(Outcome.FAIL);
    }

    @Test
    void warnOnlyTurnsAFailureIntoAWarningWithTheSameEvidence() {
        Verdict verdict = Gate.warnOnly(atLeast("a", 5)).evaluate(3);

        assertThat(verdict.outcome()).isEqualTo(Outcome.WARN);
        assertThat(verdict.allowsProceeding()).isTrue();
        assertThat(verdict.findings()).singleElement().extracting(Finding::observed).isEqualTo(3.0);
    }

    @Test
    void outcomesOrderFromPassToFail() {
        assertThat(Outcome.worst(Outcome.WARN, Outcome.INCONCLUSIVE)).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(Outcome.worst(Outcome.FAIL, Outcome.PASS)).isEqualTo(Outcome.FAIL);
        assertThat(Outcome.INCONCLUSIVE.allowsProceeding()).isFalse();
    }

    @Test
    void aLambdaGateIsCalledGateUntilNamed() {
        Gate<Integer> lambda = value -> Verdict.fromFindings("x", List.of(), NOW);

        assertThat(lambda.name()).isEqualTo("gate");
        assertThat(Gate.named("min-rows", lambda).name()).isEqualTo("min-rows");
        assertThat(Gate.warnOnly(Gate.named("min-rows", lambda)).name()).isEqualTo("min-rows.warnOnly");
    }

    @Test
    void combiningNothingIsRefused() {
        assertThatThrownBy(() -> Gate.<Integer>allOf("none")).hasMessageContaining("at least one gate");
    }
}
