package io.github.mlhighway.lifecycle.testkit.assertions;

import static io.github.mlhighway.lifecycle.testkit.assertions.LifecycleAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.gate.Finding;
import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.gate.Verdict;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictAssertTest {

    private static final Finding ACCURACY_FAILED =
            Finding.of("accuracy.min", Outcome.FAIL, 0.81, 0.9, "accuracy below the floor");
    private static final Finding LATENCY_PASSED =
            Finding.of("latency.p99", Outcome.PASS, 120, 200, "p99 within budget");
    private static final Finding TOO_FEW_LABELS =
            Finding.note("labels.count", Outcome.INCONCLUSIVE, "only 12 labelled examples");

    private static Verdict verdict(Finding... findings) {
        return Verdict.fromFindings("promotion", List.of(findings), TestClock.DEFAULT_START);
    }

    @Test
    void aPassingVerdictPassesAndHasItsFindings() {
        assertThat(verdict(LATENCY_PASSED)).passed().hasOutcome(Outcome.PASS).hasFinding("latency.p99");
    }

    @Test
    void aWarningVerdictCountsAsPassed() {
        assertThat(verdict(Finding.note("drift", Outcome.WARN, "one column drifted"))).passed();
    }

    @Test
    void aFailedVerdictFailedWithItsFailedFinding() {
        assertThat(verdict(LATENCY_PASSED, ACCURACY_FAILED)).failed().hasFailedFinding("accuracy.min")
                .hasFinding("latency.p99");
    }

    @Test
    void anInconclusiveVerdictIsInconclusive() {
        assertThat(verdict(LATENCY_PASSED, TOO_FEW_LABELS)).inconclusive().hasFinding("labels.count");
    }

    @Test
    void expectingAPassFromAFailedVerdictShowsItsFindings() {
        assertThatThrownBy(() -> assertThat(verdict(LATENCY_PASSED, ACCURACY_FAILED)).passed())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected the verdict to pass")
                .hasMessageContaining("FAIL from gate 'promotion'")
                .hasMessageContaining("accuracy.min observed=0.81 threshold=0.9: accuracy below the floor")
                .hasMessageContaining("latency.p99");
    }

    @Test
    void expectingAFailureFromAPassingVerdictShowsItsFindings() {
        assertThatThrownBy(() -> assertThat(verdict(LATENCY_PASSED)).failed())
                .hasMessageContaining("Expected the verdict to be FAIL")
                .hasMessageContaining("PASS latency.p99 observed=120.0 threshold=200.0");
    }

    @Test
    void expectingInconclusiveFromAFailedVerdictFails() {
        assertThatThrownBy(() -> assertThat(verdict(ACCURACY_FAILED)).inconclusive())
                .hasMessageContaining("Expected the verdict to be INCONCLUSIVE")
                .hasMessageContaining("accuracy below the floor");
    }

    @Test
    void aMissingFindingIsReportedWithTheFindingsThereAre() {
        assertThatThrownBy(() -> assertThat(verdict(LATENCY_PASSED)).hasFinding("accuracy.min"))
                .hasMessageContaining("finding for check 'accuracy.min'")
                .hasMessageContaining("latency.p99");
    }

    @Test
    void aFindingThatDidNotFailIsNotAFailedFinding() {
        assertThatThrownBy(() -> assertThat(verdict(LATENCY_PASSED, ACCURACY_FAILED))
                .hasFailedFinding("latency.p99"))
                .hasMessageContaining("FAIL finding for check 'latency.p99'")
                .hasMessageContaining("PASS latency.p99");
    }

    @Test
    void aNullVerdictFails() {
        assertThatThrownBy(() -> assertThat((Verdict) null).passed()).isInstanceOf(AssertionError.class);
    }
}
