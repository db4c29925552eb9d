package io.github.mlhighway.lifecycle.core.evaluation.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.mlhighway.lifecycle.core.evaluation.BinaryData;
import io.github.mlhighway.lifecycle.core.evaluation.internal.McNemar;
import io.github.mlhighway.lifecycle.core.evaluation.internal.StandardMetrics;
import io.github.mlhighway.lifecycle.core.json.Json;
import io.github.mlhighway.lifecycle.evaluation.StandardMetric;
import io.github.mlhighway.lifecycle.gate.Finding;
import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.gate.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The gate's edges, one documented rule each: a value equal to a bar passes it, an interval that touches the limit
 * decides nothing, a relative change is measured in units of the champion's value, McNemar's p equal to alpha is
 * not significant, the row minimum is inclusive, and the builder's ranges are what its javadoc says. Written
 * against the mutants PIT left alive in {@code ModelGate} and {@code RuleChecker}.
 */
class ModelGateBoundariesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private static ModelGate.Builder gate() {
        return ModelGate.builder().clock(CLOCK).resamples(400).seed(11);
    }

    private static Finding only(Verdict verdict, String check) {
        return verdict.findings().stream().filter(f -> f.check().equals(check)).findFirst()
                .orElseThrow(() -> new AssertionError(check + " not in " + verdict.describe()));
    }

    private static String signed(double value) {
        return String.format(Locale.ROOT, "%+.4g", value);
    }

    /** 60 rows, labels alternating; the scores rank every positive above every negative (AUC 1). */
    private static ModelComparison perfectRanking(boolean withChampion) {
        int[] labels = new int[60];
        double[] scores = new double[60];
        for (int i = 0; i < 60; i++) {
            labels[i] = i % 2;
            scores[i] = labels[i] == 1 ? 0.6 + i / 1000.0 : 0.4 - i / 1000.0;
        }
        return withChampion ? ModelComparison.binary(labels, scores, scores.clone())
                : ModelComparison.binary(labels, scores);
    }

    @Test
    void aValueEqualToTheBarPassesItAndTheSmallestStepBeyondFails() {
        ModelComparison comparison = perfectRanking(false);      // AUC exactly 1.0

        Verdict atBars = gate().metric("auc").atLeast(1.0).atMost(1.0).build().evaluate(comparison);
        assertThat(only(atBars, "model.auc.at_least").outcome()).isEqualTo(Outcome.PASS);
        Finding atMost = only(atBars, "model.auc.at_most");
        assertThat(atMost.outcome()).isEqualTo(Outcome.PASS);
        assertThat(atMost.observed()).isEqualTo(1.0);
        assertThat(atMost.threshold()).isEqualTo(1.0);
        assertThat(atMost.message()).isEqualTo("auc of the challenger is 1.000 on 60 rows; at most 1.000 is allowed.");

        Verdict below = gate().metric("auc").atMost(Math.nextDown(1.0)).build().evaluate(comparison);
        assertThat(only(below, "model.auc.at_most").outcome()).isEqualTo(Outcome.FAIL);
        assertThat(below.outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void aChangeThresholdOnAChampionWhoseMetricIsMissingFailsAndSaysWhy() {
        int[] labels = new int[50];
        Arrays.fill(labels, 0, 25, 1);
        double[] challenger = new double[50];
        for (int i = 0; i < 50; i++) {
            challenger[i] = labels[i] == 1 ? 0.8 : 0.2;
        }
        double[] neverPositive = new double[50];             // the champion's precision is undefined
        Verdict verdict = gate().metric("precision").againstChampion().nonInferiority(0.01).build()
                .evaluate(ModelComparison.binary(labels, challenger, neverPositive));

        Finding finding = only(verdict, "model.precision.vs_champion");
        assertThat(finding.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(finding.message()).contains("precision is missing for the champion");
        assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void anIntervalThatOnlyTouchesTheLimitDecidesNothing() {
        // Identical models: every resample's difference is exactly 0, so the interval is [0, 0] on the limit 0.
        Verdict verdict = gate().metric("auc").againstChampion().superiority(0.0).build()
                .evaluate(perfectRanking(true));

        Finding finding = only(verdict, "model.auc.vs_champion.superiority");
        assertThat(finding.outcome()).as(finding.message()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(finding.observed()).isEqualTo(0.0);
        assertThat(finding.message()).contains("improvement +0.000").doesNotContain("relative")
                .contains("the interval straddles the superiority limit 0.000");
    }

    @Test
    void aRelativeChangeIsUndefinedOnResamplesWhereTheChampionScoresZero() {
        // The champion's MAE is 1/50 = 0.02 (one row off by 1); a resample that misses that row, about
        // (49/50)^50 = 36% of them, scores the champion 0 and leaves the relative change undefined.
        double[] actual = new double[50];
        double[] champion = new double[50];
        double[] challenger = new double[50];
        for (int i = 0; i < 50; i++) {
            actual[i] = i;
            champion[i] = i == 0 ? 1 : i;
            challenger[i] = i + 0.5;                         // MAE 0.5
        }
        ModelComparison comparison = ModelComparison.regression(actual, challenger, champion);
        Verdict verdict = gate().metric("mae").againstChampion().nonInferiority(0.05).relativeNonInferiority(0.05)
                .build().evaluate(comparison);

        Finding relative = only(verdict, "model.mae.vs_champion.relative_non_inferiority");
        assertThat(relative.outcome()).as(relative.message()).isEqualTo(Outcome.INCONCLUSIVE);
        // observed: the relative improvement (0.02 - 0.5) / 0.02 = -24
        assertThat(relative.observed()).isCloseTo(-24.0, within(1e-9));
        Matcher undefined = Pattern.compile("undefined on (\\d+) of 400 resamples").matcher(relative.message());
        assertThat(undefined.find()).as(relative.message()).isTrue();
        assertThat(Integer.parseInt(undefined.group(1))).isBetween(110, 180);  // 400 x 0.364 = 145, +-5 sigma

        // The same resamples leave the absolute change defined: -0.48 is far below the -0.05 margin.
        Finding absolute = only(verdict, "model.mae.vs_champion.non_inferiority");
        assertThat(absolute.outcome()).as(absolute.message()).isEqualTo(Outcome.FAIL);
        assertThat(absolute.message()).contains("improvement -0.4800");
    }

    @Test
    void aMetricUndefinedOnSomeResamplesLeavesBothKindsOfChangeUndecided() {
        // The challenger predicts positive on one row only: a resample that misses it (about 36%) has no
        // precision at all, so neither the absolute nor the relative change can be drawn there.
        int[] labels = new int[50];
        Arrays.fill(labels, 0, 25, 1);
        double[] challenger = new double[50];
        double[] champion = new double[50];
        for (int i = 0; i < 50; i++) {
            challenger[i] = i == 0 ? 0.9 : 0.1;
            champion[i] = i < 10 ? 0.9 : 0.1;
        }
        Verdict verdict = gate().stratified(false).metric("precision").againstChampion().nonInferiority(0.01)
                .relativeNonInferiority(0.01).build().evaluate(ModelComparison.binary(labels, challenger, champion));

        for (String check : new String[] {"non_inferiority", "relative_non_inferiority"}) {
            Finding finding = only(verdict, "model.precision.vs_champion." + check);
            assertThat(finding.outcome()).as(finding.message()).isEqualTo(Outcome.INCONCLUSIVE);
            Matcher undefined = Pattern.compile("undefined on (\\d+) of 400 resamples").matcher(finding.message());
            assertThat(undefined.find()).as(finding.message()).isTrue();
            assertThat(Integer.parseInt(undefined.group(1))).as(check).isBetween(110, 180);
        }
    }

    @Test
    void aRelativeChangeIsReportedAndBoundedInUnitsOfTheChampionsValue() {
        ModelGateTest.Holdout h = ModelGateTest.Holdout.of(500, 4);
        int[] all = new int[500];
        Arrays.fill(all, 1);
        double theirs = StandardMetrics.of(StandardMetric.BRIER, 0.5).compute(BinaryData.of(h.labels(), h.weak()), all)
                .value();
        double mine = StandardMetrics.of(StandardMetric.BRIER, 0.5).compute(BinaryData.of(h.labels(), h.strong()),
                all).value();
        double improvement = theirs - mine;                   // Brier: lower is better
        double relativeImprovement = improvement / theirs;
        assertThat(relativeImprovement).isGreaterThan(2 * improvement);    // the two units are far apart here

        Verdict verdict = gate().metric("brier").againstChampion().superiority(0.0).relativeSuperiority(0.05).build()
                .evaluate(ModelComparison.binary(h.labels(), h.strong(), h.weak()));

        Finding relative = only(verdict, "model.brier.vs_champion.relative_superiority");
        assertThat(relative.outcome()).as(relative.message()).isEqualTo(Outcome.PASS);
        assertThat(relative.message()).contains("relative improvement " + signed(relativeImprovement));
        // observed is the lower end of the relative interval: below the point estimate, above the absolute change
        assertThat(relative.observed()).isLessThan(relativeImprovement).isGreaterThan(improvement);

        Finding absolute = only(verdict, "model.brier.vs_champion.superiority");
        assertThat(absolute.outcome()).as(absolute.message()).isEqualTo(Outcome.PASS);
        assertThat(absolute.message()).contains(": improvement " + signed(improvement)).doesNotContain("relative");
        assertThat(absolute.observed()).isLessThan(improvement).isGreaterThan(0.0);
    }

    @Test
    void mcNemarsPEqualToAlphaIsNotSignificant() {
        // 40 rows, all positive: challenger right on 0..34, champion on 0..29, so b = 5, c = 0 and the exact
        // two-sided p is 2 / 2^5 = 0.0625.
        int[] labels = new int[40];
        double[] challenger = new double[40];
        double[] champion = new double[40];
        Arrays.fill(labels, 1);
        for (int i = 0; i < 40; i++) {
            challenger[i] = i < 35 ? 0.9 : 0.1;
            champion[i] = i < 30 ? 0.9 : 0.1;
        }
        ModelComparison comparison = ModelComparison.binary(labels, challenger, champion);
        double p = McNemar.test(5, 0).pValue();
        assertThat(p).isEqualTo(0.0625);

        Finding atAlpha = only(gate().metric("accuracy").againstChampion().superiority(0.0).confidence(1 - p).build()
                .evaluate(comparison), "model.accuracy.vs_champion.superiority");
        assertThat(atAlpha.threshold()).isEqualTo(p);
        assertThat(atAlpha.outcome()).as(atAlpha.message()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(atAlpha.message()).contains("McNemar's exact binomial test on 5 rows only the challenger")
                .contains("0 only the champion");

        Finding looser = only(gate().metric("accuracy").againstChampion().superiority(0.0).confidence(0.9).build()
                .evaluate(comparison), "model.accuracy.vs_champion.superiority");
        assertThat(looser.outcome()).as(looser.message()).isEqualTo(Outcome.PASS);
    }

    @Test
    void mcNemarSaysWhichTestItUsed() {
        // 60 positive rows with b = 30 challenger-only and c = 0: at 25 discordant rows and more, chi-squared.
        int[] labels = new int[60];
        double[] challenger = new double[60];
        double[] champion = new double[60];
        Arrays.fill(labels, 1);
        Arrays.fill(challenger, 0.9);
        for (int i = 0; i < 60; i++) {
            champion[i] = i < 30 ? 0.9 : 0.1;
        }
        Finding finding = only(gate().metric("accuracy").againstChampion().superiority(0.0).build()
                .evaluate(ModelComparison.binary(labels, challenger, champion)),
                "model.accuracy.vs_champion.superiority");
        assertThat(finding.outcome()).isEqualTo(Outcome.PASS);
        assertThat(finding.message()).contains("McNemar's chi-squared (corrected) test on 30 rows");
    }

    @Test
    void theRowMinimumIsInclusiveAndItsMessageNamesTheScope() {
        ModelGateTest.Holdout h = ModelGateTest.Holdout.of(40, 12);
        ModelComparison comparison = ModelComparison.binary(h.labels(), h.strong());

        Verdict enough = gate().minRows(40).metric("auc").atLeast(0.5).build().evaluate(comparison);
        assertThat(enough.findings()).extracting(Finding::check).containsExactly("model.auc.at_least");

        Verdict tooFew = gate().minRows(41).metric("auc").atLeast(0.5).build().evaluate(comparison);
        Finding rows = only(tooFew, "model.rows");
        assertThat(rows.message()).isEqualTo(
                "The evaluation set has 40 rows, fewer than the 41 needed to decide; its metrics were not judged.");
    }

    @Test
    void slicesAreJudgedOnlyWhenAskedAndTheirSentencesNameTheSlice() {
        ModelGateTest.Holdout h = ModelGateTest.Holdout.of(400, 5);
        String[] region = new String[400];
        for (int i = 0; i < 400; i++) {
            region[i] = i < 10 ? "islands" : "mainland";
        }
        ModelComparison comparison = ModelComparison.binary(h.labels(), h.strong(), h.weak()).withSlices(region);

        Verdict unsliced = gate().metric("auc").atLeast(0.6).build().evaluate(comparison);
        assertThat(unsliced.findings()).extracting(Finding::check).containsExactly("model.auc.at_least");
        assertThat(unsliced.findings().get(0).message()).doesNotContain("slice");

        Verdict sliced = gate().metric("auc").atLeast(0.6).perSlice(1).build().evaluate(comparison);
        assertThat(sliced.findings()).extracting(Finding::check).containsExactly("model.auc.at_least",
                "model.auc.at_least[slice=islands]", "model.auc.at_least[slice=mainland]");
        assertThat(only(sliced, "model.auc.at_least[slice=mainland]").message())
                .contains("rows in slice [slice=mainland]; at least 0.6000 is required.");

        Finding small = only(gate().metric("auc").atLeast(0.6).perSlice(11).build().evaluate(comparison),
                "model.rows[slice=islands]");
        assertThat(small.message()).startsWith("Slice 'islands' has 10 rows, fewer than the 11 needed");
    }

    @Test
    void stratifiedResamplingIsTheDefaultAndChangesTheDraws() {
        ModelGateTest.Holdout h = ModelGateTest.Holdout.of(300, 3);
        ModelComparison comparison = ModelComparison.binary(h.labels(), h.strong(), h.weak());
        String byDefault = Json.write(gate().metric("auc").againstChampion().nonInferiority(0.02).build()
                .evaluate(comparison));
        String stratified = Json.write(gate().stratified(true).metric("auc").againstChampion().nonInferiority(0.02)
                .build().evaluate(comparison));
        String plain = Json.write(gate().stratified(false).metric("auc").againstChampion().nonInferiority(0.02)
                .build().evaluate(comparison));

        assertThat(byDefault).isEqualTo(stratified);
        assertThat(plain).isNotEqualTo(stratified);
    }

    @Test
    void theGateDescribesItself() {
        ModelGate unnamed = gate().metric("auc").atLeast(0.7).metric("brier").atMost(0.2).build();
        assertThat(unnamed.name()).isEqualTo(ModelGate.DEFAULT_NAME);
        assertThat(unnamed.rules()).extracting(MetricRule::name).containsExactly("auc", "brier");
        assertThat(unnamed.toString()).isEqualTo("ModelGate[model-gate, metrics [auc, brier]]");

        ModelGate named = gate().name("holdout").metric("auc").atLeast(0.7).build();
        assertThat(named.name()).isEqualTo("holdout");
        assertThat(named.evaluate(perfectRanking(false)).gate()).isEqualTo("holdout");
    }

    @Test
    void theBuilderAcceptsExactlyTheDocumentedRanges() {
        assertThatCode(() -> ModelGate.builder().minRows(1).perSlice(1).resamples(100).threshold(0).threshold(1)
                .metric("auc").atLeast(0.7).atMost(0.7).confidence(Math.nextUp(0.0)).confidence(Math.nextDown(1.0))
                .build()).doesNotThrowAnyException();

        assertThatThrownBy(() -> ModelGate.builder().minRows(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("minRows must be at least 1, got 0");
        assertThatThrownBy(() -> ModelGate.builder().perSlice(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1, got 0");
        assertThatThrownBy(() -> ModelGate.builder().resamples(99)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 99");
        for (double bad : new double[] {Math.nextDown(0.0), Math.nextUp(1.0), Double.NaN}) {
            assertThatThrownBy(() -> ModelGate.builder().threshold(bad)).as("threshold %s", bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Threshold must be in [0, 1]");
        }
        for (double bad : new double[] {0.0, 1.0, Double.NaN}) {
            assertThatThrownBy(() -> ModelGate.builder().metric("auc").confidence(bad)).as("confidence %s", bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Confidence must be in (0, 1)");
        }
        assertThatThrownBy(() -> ModelGate.builder().name(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Gate name must not be blank");
        assertThatThrownBy(() -> ModelGate.builder().metric("auc").atLeast(0.8).atMost(Math.nextDown(0.8)).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("atLeast 0.8 is above atMost");
    }
}
