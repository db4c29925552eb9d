package io.github.mlhighway.lifecycle.core.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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

    private static CohortStats labelled(String cohort, long labels, long incorrect) {
        return new CohortStats(cohort, Duration.ofDays(1), 2_000, 10, 0, labels, incorrect);
    }

    private static Finding finding(Verdict verdict, String check) {
        return verdict.findings().stream().filter(f -> f.check().equals(check)).findFirst().orElseThrow();
    }

    @Test
    void aCandidateWrongOnNearlyEveryLabelFailsAgainstABaselineThatIsWrongOnSlightlyFewer() {
        // 98.9% wrong against 96.8% wrong: baseline * 1.5 + 0.005 is above 1 and allowed anything.
        Verdict verdict = analysis.evaluate(new CohortAnalysis.Input(labelled("baseline", 1_000, 968),
                labelled("canary", 1_000, 989), 50));

        assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
        Finding quality = finding(verdict, "incorrect_ratio.vs_baseline");
        assertThat(quality.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(quality.threshold()).isCloseTo(1 - (0.032 / 1.5 - 0.005), within(1e-9));
        assertThat(quality.message()).contains("0.9890 (989/1000) above the bound", "at least /1.50 - 0.0050 as good",
                "significant");
    }

    @Test
    void nearOneACandidateAsGoodAsAFactorOfTheBaselinesGoodRatioPasses() {
        Verdict verdict = analysis.evaluate(new CohortAnalysis.Input(labelled("baseline", 1_000, 968),
                labelled("canary", 1_000, 975), 50));

        assertThat(finding(verdict, "incorrect_ratio.vs_baseline").outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void nearZeroTheBadRatioBoundIsTheTightOne() {
        CohortStats base = new CohortStats("baseline", Duration.ofMinutes(1), 10_000, 100, 0, 0, 0);

        Verdict twice = analysis.evaluate(new CohortAnalysis.Input(base,
                new CohortStats("canary", Duration.ofMinutes(1), 10_000, 200, 0, 0, 0), 50));
        Verdict thrice = analysis.evaluate(new CohortAnalysis.Input(base,
                new CohortStats("canary", Duration.ofMinutes(1), 10_000, 300, 0, 0, 0), 50));

        Finding allowed = finding(twice, "error_ratio.vs_baseline");
        assertThat(allowed.outcome()).isEqualTo(Outcome.PASS);
        assertThat(allowed.threshold()).isCloseTo(0.01 * 1.5 + 0.005, within(1e-12));
        assertThat(finding(thrice, "error_ratio.vs_baseline").outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void requiredQualityWithoutLabelsIsInconclusiveAndSaysHowManyWereNeeded() {
        CohortAnalysis required = new CohortAnalysis(ReleaseConfig.canary("c1", "v1", "v2").minSample(100)
                .requireLabels().build(), clock);

        Verdict verdict = required.evaluate(new CohortAnalysis.Input(labelled("baseline", 400, 10),
                labelled("canary", 0, 0), 50));

        assertThat(verdict.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        Finding labels = finding(verdict, "sample.labels");
        assertThat(labels.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(labels.message()).contains("baseline 'baseline' has 400", "candidate 'canary' 0 labelled",
                "100 needed in each", "labels are counted in the analysis in which they are joined");
    }

    @Test
    void byDefaultTooFewLabelsIsAWarningAndNoLabelsANoteNeverASilentPass() {
        Verdict few = analysis.evaluate(new CohortAnalysis.Input(labelled("baseline", 400, 10),
                labelled("canary", 30, 1), 50));
        Verdict none = analysis.evaluate(new CohortAnalysis.Input(labelled("baseline", 0, 0),
                labelled("canary", 0, 0), 50));
        Verdict off = new CohortAnalysis(ReleaseConfig.canary("c1", "v1", "v2")
                .qualityComparison(QualityComparison.OFF).build(), clock)
                .evaluate(new CohortAnalysis.Input(labelled("baseline", 0, 0), labelled("canary", 0, 0), 50));

        assertThat(few.outcome()).isEqualTo(Outcome.WARN);
        assertThat(finding(few, "sample.labels").message()).contains("candidate 'canary' 30 labelled",
                "requireLabels() makes this inconclusive");
        assertThat(none.outcome()).isEqualTo(Outcome.PASS);
        assertThat(finding(none, "sample.labels").message()).contains("quality not compared");
        assertThat(off.findings()).extracting(Finding::check).doesNotContain("sample.labels",
                "incorrect_ratio.vs_baseline");
    }

    @Test
    void theWeightIsAPercentage() {
        assertThatThrownBy(() -> new CohortAnalysis.Input(emptyBaseline, badCanary, 101))
                .hasMessage("Candidate weight must be 0 to 100 percent, was 101");
    }
}
