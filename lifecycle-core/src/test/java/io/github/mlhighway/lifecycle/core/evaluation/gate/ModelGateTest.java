package io.github.mlhighway.lifecycle.core.evaluation.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.mlhighway.lifecycle.core.evaluation.BinaryData;
import io.github.mlhighway.lifecycle.core.evaluation.EvaluationData;
import io.github.mlhighway.lifecycle.core.evaluation.MetricFunction;
import io.github.mlhighway.lifecycle.core.evaluation.internal.Percentiles;
import io.github.mlhighway.lifecycle.core.evaluation.internal.Resampler;
import io.github.mlhighway.lifecycle.core.evaluation.Score;
import io.github.mlhighway.lifecycle.core.evaluation.internal.StandardMetrics;
import io.github.mlhighway.lifecycle.evaluation.ConfidenceInterval;
import io.github.mlhighway.lifecycle.core.json.Json;
import io.github.mlhighway.lifecycle.evaluation.Direction;
import io.github.mlhighway.lifecycle.evaluation.StandardMetric;
import io.github.mlhighway.lifecycle.evaluation.Task;
import io.github.mlhighway.lifecycle.gate.Finding;
import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.gate.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The champion gate refuses worse models with paired evidence and says INCONCLUSIVE when data is short. */
class ModelGateTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    /** Labels with a weak (champion) and a strong (challenger) model scoring the same rows. */
    record Holdout(int[] labels, double[] weak, double[] strong) {
        static Holdout of(int rows, long seed) {
            Random random = new Random(seed);
            int[] labels = new int[rows];
            double[] weak = new double[rows];
            double[] strong = new double[rows];
            for (int i = 0; i < rows; i++) {
                labels[i] = random.nextDouble() < 0.4 ? 1 : 0;
                double sign = labels[i] == 1 ? 1 : -1;
                double shared = random.nextGaussian();
                weak[i] = sigmoid(0.5 * sign + shared + 0.8 * random.nextGaussian());
                strong[i] = sigmoid(1.2 * sign + shared + 0.3 * random.nextGaussian());
            }
            return new Holdout(labels, weak, strong);
        }
    }

    /**
     * A champion and a challenger that share most of their error, as retrained versions of one model do: the
     * champion scores {@code a*sign + shared}, the challenger {@code b*sign + shared + noise*own}.
     */
    record Correlated(int[] labels, double[] champion, double[] challenger) {
        static Correlated of(int rows, long seed, double championSignal, double challengerSignal, double noise) {
            Random random = new Random(seed);
            int[] labels = new int[rows];
            double[] champion = new double[rows];
            double[] challenger = new double[rows];
            for (int i = 0; i < rows; i++) {
                labels[i] = random.nextDouble() < 0.4 ? 1 : 0;
                double sign = labels[i] == 1 ? 1 : -1;
                double shared = random.nextGaussian();
                champion[i] = sigmoid(championSignal * sign + shared);
                challenger[i] = sigmoid(challengerSignal * sign + shared + noise * random.nextGaussian());
            }
            return new Correlated(labels, champion, challenger);
        }

        ModelComparison comparison() {
            return ModelComparison.binary(labels, challenger, champion);
        }
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static ModelGate.Builder gate() {
        return ModelGate.builder().clock(CLOCK).resamples(400).seed(11);
    }

    private static Finding only(Verdict verdict, String check) {
        return verdict.findings().stream().filter(f -> f.check().equals(check)).findFirst()
                .orElseThrow(() -> new AssertionError(check + " not in " + verdict.describe()));
    }

    @Test
    void aRealImprovementPassesSuperiorityOnThePairedLowerBound() {
        Holdout h = Holdout.of(600, 1);
        Verdict verdict = gate().metric("auc").atLeast(0.70).againstChampion().superiority(0.0).build()
                .evaluate(ModelComparison.binary(h.labels(), h.strong(), h.weak()));

        assertThat(verdict.outcome()).as(verdict.describe()).isEqualTo(Outcome.PASS);
        Finding change = only(verdict, "model.auc.vs_champion.superiority");
        // the lower end of the two-sided 95% interval of AUC(challenger) - AUC(champion): a one-sided 97.5% bound
        assertThat(change.observed()).isGreaterThan(0.0);
        assertThat(change.threshold()).isEqualTo(0.0);
        assertThat(change.message()).contains("the two-sided 95% paired-bootstrap interval of the difference is")
                .contains("its lower end is a one-sided 97.5% lower bound")
                .contains("its lower end is above the superiority limit 0.000");
    }

    @Test
    void aWorseModelIsRefusedEvenWithANonInferiorityMargin() {
        Holdout h = Holdout.of(600, 2);
        Verdict verdict = gate().metric("auc").againstChampion().nonInferiority(0.01)
                .metric("log_loss").againstChampion().nonInferiority(0.01).build()
                .evaluate(ModelComparison.binary(h.labels(), h.weak(), h.strong()));

        assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
        Finding auc = only(verdict, "model.auc.vs_champion.non_inferiority");
        assertThat(auc.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(auc.threshold()).isEqualTo(-0.01);
        // log loss is lower-is-better: the weaker challenger's improvement is negative.
        assertThat(only(verdict, "model.log_loss.vs_champion.non_inferiority").outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void aSlightlyWorseChallengerIsNonInferiorWithinTheMarginButNotSuperior() {
        // Own noise 0.2 on top of the champion's score costs 0.0049 of true AUC (0.8706 -> 0.8657, measured on
        // 400,000 rows): worse, but by less than the 0.01 margin. 4000 rows pin the paired difference to +-0.002.
        Correlated c = Correlated.of(4000, 21, 0.8, 0.8, 0.2);
        Verdict verdict = gate().metric("auc").againstChampion().nonInferiority(0.01).superiority(0.0).build()
                .evaluate(c.comparison());

        Finding nonInferior = only(verdict, "model.auc.vs_champion.non_inferiority");
        Finding superior = only(verdict, "model.auc.vs_champion.superiority");
        assertThat(nonInferior.outcome()).as(nonInferior.message()).isEqualTo(Outcome.PASS);
        assertThat(nonInferior.threshold()).isEqualTo(-0.01);
        assertThat(nonInferior.observed()).isBetween(-0.01, 0.0);     // lower end: worse, but within the margin
        assertThat(superior.outcome()).as(superior.message()).isEqualTo(Outcome.FAIL);
        assertThat(superior.message()).contains("the whole interval is below the superiority limit");
        assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void anIntervalStraddlingTheLimitIsInconclusive() {
        // True AUC difference -0.0106 (noise 0.3), right at the -0.01 non-inferiority limit; 600 rows cannot tell.
        Correlated c = Correlated.of(600, 22, 0.8, 0.8, 0.3);
        Finding finding = only(gate().metric("auc").againstChampion().nonInferiority(0.01).build()
                .evaluate(c.comparison()), "model.auc.vs_champion.non_inferiority");

        assertThat(finding.outcome()).as(finding.message()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(finding.observed()).isLessThan(-0.01);               // the lower end is below the limit...
        assertThat(finding.message()).contains("the interval straddles the non inferiority limit -0.01000");
        double high = Double.parseDouble(finding.message().replaceAll(".* interval of the difference is \\S+ to "
                + "(\\S+) \\(.*", "$1"));
        assertThat(high).isBetween(-0.01, 0.01);                        // ...and the upper end above it
    }

    @Test
    void thePairedBootstrapDecidesWhereComparingTheTwoMarginalIntervalsCouldNot() {
        // Two retrainings sharing almost all their error; the challenger has slightly more signal.
        Correlated c = Correlated.of(1000, 23, 0.8, 0.9, 0.1);
        Verdict verdict = gate().metric("auc").againstChampion().superiority(0.0).build().evaluate(c.comparison());
        Finding finding = only(verdict, "model.auc.vs_champion.superiority");

        MetricFunction auc = StandardMetrics.of(StandardMetric.AUC, 0.5);
        BinaryData challenger = BinaryData.of(c.labels(), c.challenger());
        BinaryData champion = BinaryData.of(c.labels(), c.champion());
        int rows = c.labels().length;
        int[] all = new int[rows];
        Arrays.fill(all, 1);
        Resampler shared = new Resampler(challenger, all, true, 5);
        Resampler first = new Resampler(challenger, all, true, 6);
        Resampler second = new Resampler(champion, all, true, 7);
        int resamples = 400;
        double[] paired = new double[resamples];
        double[] unpaired = new double[resamples];
        int[] w = new int[rows];
        int[] v = new int[rows];
        for (int b = 0; b < resamples; b++) {
            shared.next(w);
            paired[b] = auc.compute(challenger, w).value() - auc.compute(champion, w).value();
            first.next(w);
            second.next(v);
            unpaired[b] = auc.compute(challenger, w).value() - auc.compute(champion, v).value();
        }
        ConfidenceInterval pairedInterval = Percentiles.interval(paired, 0.95);
        ConfidenceInterval unpairedInterval = Percentiles.interval(unpaired, 0.95);

        assertThat(finding.outcome()).as(finding.message()).isEqualTo(Outcome.PASS);
        assertThat(finding.observed()).isGreaterThan(0.0);
        assertThat(unpairedInterval.low()).as("unpaired").isLessThan(0.0);   // could not decide
        assertThat(unpairedInterval.high()).as("unpaired").isGreaterThan(0.0);
        assertThat(pairedInterval.low()).isGreaterThan(0.0);
        assertThat(pairedInterval.high() - pairedInterval.low())
                .isLessThan((unpairedInterval.high() - unpairedInterval.low()) / 4);
        assertThat(finding.observed()).isCloseTo(pairedInterval.low(), within(0.01));
    }

    @Test
    void theSameComparisonAndSeedGiveTheSameVerdict() {
        Holdout h = Holdout.of(300, 3);
        ModelComparison comparison = ModelComparison.binary(h.labels(), h.strong(), h.weak());
        ModelGate one = gate().metric("pr_auc").againstChampion().nonInferiority(0.02).build();

        assertThat(Json.write(one.evaluate(comparison))).isEqualTo(Json.write(one.evaluate(comparison)));
        assertThat(Json.write(gate().metric("pr_auc").againstChampion().nonInferiority(0.02).build()
                .evaluate(comparison))).isEqualTo(Json.write(one.evaluate(comparison)));
    }

    @Test
    void mcNemarDecidesAccuracySuperiorityOnTheDiscordantRows() {
        // 100 rows, all labels 1. Challenger right on rows 0..69, champion right on rows 0..27 and 70..81:
        // b = 42 challenger-only, c = 12 champion-only -> chi2 = (30 - 1)^2 / 54, p = erfc(sqrt(chi2 / 2)) < 0.05.
        int[] labels = new int[100];
        double[] challenger = new double[100];
        double[] champion = new double[100];
        Arrays.fill(labels, 1);
        for (int i = 0; i < 100; i++) {
            challenger[i] = i < 70 ? 0.9 : 0.1;
            champion[i] = i < 28 || (i >= 70 && i < 82) ? 0.9 : 0.1;
        }
        Verdict verdict = gate().metric("accuracy").againstChampion().superiority(0.0).build()
                .evaluate(ModelComparison.binary(labels, challenger, champion));

        Finding finding = only(verdict, "model.accuracy.vs_champion.superiority");
        assertThat(finding.outcome()).isEqualTo(Outcome.PASS);
        assertThat(finding.observed()).isCloseTo(7.93349872027537e-05, within(1e-10)); // erfc(sqrt(841 / 108))
        assertThat(finding.threshold()).isCloseTo(0.05, within(1e-12));
        assertThat(finding.message()).contains("42 rows only the challenger").contains("12 only the champion");

        Verdict reversed = gate().metric("accuracy").againstChampion().superiority(0.0).build()
                .evaluate(ModelComparison.binary(labels, champion, challenger));
        assertThat(reversed.outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void aRelativeThresholdAgainstAZeroBaselineFailsWithAClearMessage() {
        double[] actual = new double[40];
        double[] challenger = new double[40];
        for (int i = 0; i < 40; i++) {
            actual[i] = i;
            challenger[i] = i + 0.5;
        }
        // The champion is perfect, so its MAE is 0 and "within 5% of the champion" has no meaning.
        Verdict verdict = gate().metric("mae").againstChampion().relativeNonInferiority(0.05).build()
                .evaluate(ModelComparison.regression(actual, challenger, actual.clone()));

        Finding finding = only(verdict, "model.mae.vs_champion.relative_non_inferiority");
        assertThat(finding.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(finding.message()).contains("champion's mae is 0").contains("declare an absolute margin");
    }

    @Test
    void aRelativeThresholdUsesTheChampionsValueAsTheUnit() {
        Holdout h = Holdout.of(500, 4);
        Verdict verdict = gate().metric("brier").againstChampion().relativeSuperiority(0.05).build()
                .evaluate(ModelComparison.binary(h.labels(), h.strong(), h.weak()));
        Finding finding = only(verdict, "model.brier.vs_champion.relative_superiority");
        assertThat(finding.outcome()).as(finding.message()).isEqualTo(Outcome.PASS);
        assertThat(finding.threshold()).isEqualTo(0.05);
    }

    @Test
    void aSliceTooSmallIsInconclusiveNotFail() {
        Holdout h = Holdout.of(400, 5);
        String[] region = new String[400];
        for (int i = 0; i < 400; i++) {
            region[i] = i < 10 ? "islands" : "mainland";
        }
        Verdict verdict = gate().metric("auc").atLeast(0.6).perSlice(50).build()
                .evaluate(ModelComparison.binary(h.labels(), h.strong(), h.weak()).withSlices(region));

        assertThat(verdict.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        Finding small = only(verdict, "model.rows[slice=islands]");
        assertThat(small.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(small.observed()).isEqualTo(10.0);
        assertThat(small.threshold()).isEqualTo(50.0);
        assertThat(only(verdict, "model.auc.at_least[slice=mainland]").outcome()).isEqualTo(Outcome.PASS);
        assertThat(only(verdict, "model.auc.at_least").outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void tooFewRowsOverallIsInconclusive() {
        Holdout h = Holdout.of(20, 6);
        Verdict verdict = gate().metric("auc").atLeast(0.5).build()
                .evaluate(ModelComparison.binary(h.labels(), h.strong()));
        assertThat(verdict.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(verdict.findings()).extracting(Finding::check).containsExactly("model.rows");
    }

    @Test
    void aMissingMetricFails() {
        double[] actual = new double[50];
        double[] predicted = new double[50];
        for (int i = 0; i < 50; i++) {
            actual[i] = i;
            predicted[i] = i + 1;
        }
        Verdict verdict = gate().metric("auc").atLeast(0.7).build()
                .evaluate(ModelComparison.regression(actual, predicted, predicted));
        assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
        Finding finding = only(verdict, "model.auc.value");
        assertThat(finding.observed()).isNull();
        assertThat(finding.message()).contains("auc is missing for the challenger");

        // Precision is missing when the challenger predicts nothing positive.
        int[] labels = new int[50];
        Arrays.fill(labels, 0, 25, 1);
        double[] never = new double[50];
        assertThat(gate().metric("precision").atLeast(0.5).build().evaluate(ModelComparison.binary(labels, never))
                .outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void aNanMetricFailsWithAMessage() {
        MetricFunction broken = new MetricFunction() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public Task task() {
                return Task.BINARY_CLASSIFICATION;
            }

            @Override
            public Direction direction() {
                return Direction.HIGHER_IS_BETTER;
            }

            @Override
            public Score compute(EvaluationData data, int[] weights) {
                return Score.of(Double.NaN, data.rows());
            }
        };
        Holdout h = Holdout.of(100, 7);
        Verdict verdict = gate().metric(broken).atLeast(0.5).build()
                .evaluate(ModelComparison.binary(h.labels(), h.strong(), h.weak()));
        assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(only(verdict, "model.broken.value").message()).contains("is NaN");
    }

    @Test
    void withoutAChampionChangeThresholdsWarnThatTheyWereNotApplied() {
        Holdout h = Holdout.of(200, 8);
        Verdict verdict = gate().metric("auc").atLeast(0.7).againstChampion().nonInferiority(0.01).build()
                .evaluate(ModelComparison.binary(h.labels(), h.strong()));
        assertThat(verdict.outcome()).isEqualTo(Outcome.WARN);
        assertThat(verdict.allowsProceeding()).isTrue();
        assertThat(only(verdict, "model.auc.vs_champion.non_inferiority").message()).contains("no champion");
    }

    @Test
    void theVerdictSerializesToJsonWithObservedValueThresholdAndSentence() {
        Holdout h = Holdout.of(200, 9);
        Verdict verdict = gate().metric("auc").atLeast(0.7).build()
                .evaluate(ModelComparison.binary(h.labels(), h.strong(), h.weak()));
        Verdict back = Json.read(Json.write(verdict), Verdict.class);
        assertThat(back).isEqualTo(verdict);
        assertThat(Json.write(verdict)).contains("\"observed\":").contains("\"threshold\":0.7")
                .contains("at least 0.7000 is required");
    }

    @Test
    void theBuilderRefusesNonsenseAtOnce() {
        assertThatThrownBy(() -> ModelGate.builder().metric("acc")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown metric 'acc'");
        assertThatThrownBy(() -> ModelGate.builder().metric("auc").nonInferiority(0.01))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("againstChampion()");
        assertThatThrownBy(() -> ModelGate.builder().metric("auc").againstChampion().nonInferiority(-0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-0.1");
        assertThatThrownBy(() -> ModelGate.builder().metric("auc").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no threshold");
        assertThatThrownBy(() -> ModelGate.builder().atLeast(0.5)).hasMessageContaining("Call metric(...)");
        assertThatThrownBy(() -> ModelComparison.binary(new int[] {0, 1}, new double[] {0.1, 0.2},
                new double[] {0.3, Double.NaN})).hasMessageContaining("champion at row 1");
    }
}
