package io.github.mlhighway.lifecycle.core.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.gate.Finding;
import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.gate.Verdict;
import io.github.mlhighway.lifecycle.release.CohortStats;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReleaseCohortAnalysisTest {

    private final SimClock clock = SimClock.atDefault();
    private final CohortAnalysis analysis = new CohortAnalysis(ReleaseConfig.canary("c1", "v1", "v2")
            .minSample(100).build(), clock);
    private final CohortStats emptyBaseline = new CohortStats("baseline", Duration.ofMinutes(1), 0, 0, 0, 0, 0);
    private final CohortStats badCanary = new CohortStats("canary", Duration.ofMinutes(1), 1000, 40, 0, 0, 0);

    @Test
    void anEmptyBaselineBelowFullTrafficIsInconclusiveNotASkippedComparison() {
        Verdict verdict = analysis.evaluate(new CohortAnalysis.Input(emptyBaseline, badCanary, 5));

        assertThat(verdict.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        Finding finding = verdict.findings().stream().filter(f -> f.check().equals("sample.baseline"))
                .findFirst().orElseThrow();
        assertThat(finding.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(finding.message()).contains("baseline 'baseline' served no requests", "candidate is at 5%",
                "cohort name or the stats source");
        assertThat(verdict.findings()).noneMatch(f -> f.outcome() == Outcome.PASS
                && f.check().equals("error_ratio.vs_baseline"));
    }

    @Test
    void anEmptyBaselineAtFullTrafficLeavesOnlyTheAbsoluteBounds() {
        CohortStats canary = new CohortStats("canary", Duration.ofMinutes(1), 1000, 4, 0, 0, 0);

        Verdict verdict = analysis.evaluate(new CohortAnalysis.Input(emptyBaseline, canary, 100));

        assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
        assertThat(verdict.findings()).anySatisfy(f -> assertThat(f.message())
                .contains("(candidate at 100%): only the absolute bounds apply"));
    }

    @Test
    void theWeightIsAPercentage() {
        assertThatThrownBy(() -> new CohortAnalysis.Input(emptyBaseline, badCanary, 101))
                .hasMessage("Candidate weight must be 0 to 100 percent, was 101");
    }
}
