package io.github.mlhighway.lifecycle.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.mlhighway.lifecycle.core.json.Json;
import io.github.mlhighway.lifecycle.evaluation.Evaluation;
import io.github.mlhighway.lifecycle.evaluation.MetricValue;
import org.junit.jupiter.api.Test;

/** Every metric matches a value computed by hand from its textbook or scikit-learn definition. */
class EvaluationMetricsTest {

    private static final double TOL = 1e-12;

    // Positives score 0.4, 0.8, 0.9; negatives 0.1, 0.4, 0.8: two ties across classes.
    private static final int[] TIED_LABELS = {0, 0, 1, 1, 0, 1};
    private static final double[] TIED_SCORES = {0.1, 0.4, 0.4, 0.8, 0.8, 0.9};

    private static Evaluation evaluate(int[] labels, double[] p) {
        return Evaluator.binary().resamples(0).build().evaluate(BinaryData.of(labels, p));
    }

    private static double value(Evaluation e, String metric) {
        return e.metric(metric).map(MetricValue::value).orElseThrow(() -> new AssertionError(metric + " missing: "
                + e.overall().undefined().get(metric)));
    }

    @Test
    void aucCountsTiedPairsAsOneHalf() {
        // Pairs (pos, neg): 0.4 beats 0.1, ties 0.4 -> 1.5; 0.8 beats 0.1, 0.4, ties 0.8 -> 2.5; 0.9 beats all -> 3.
        // (1.5 + 2.5 + 3) / 9 = 7/9, which is also sklearn.metrics.roc_auc_score on these arrays.
        assertThat(value(evaluate(TIED_LABELS, TIED_SCORES), "auc")).isCloseTo(7.0 / 9, within(TOL));
    }

    @Test
    void averagePrecisionMatchesTheScikitLearnDocumentationExample() {
        // sklearn.metrics.average_precision_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == 0.8333...
        assertThat(value(evaluate(new int[] {0, 0, 1, 1}, new double[] {0.1, 0.4, 0.35, 0.8}), "pr_auc"))
                .isCloseTo(0.8333333333333333, within(TOL));
    }

    @Test
    void averagePrecisionLetsTiedRowsEnterTogether() {
        // Thresholds 0.9: P=1, R=1/3; 0.8 (one pos, one neg): P=2/3, R=2/3; 0.4 (one pos, one neg): P=3/5, R=1.
        // AP = 1/3 * 1 + 1/3 * 2/3 + 1/3 * 3/5 = 34/45.
        assertThat(value(evaluate(TIED_LABELS, TIED_SCORES), "pr_auc")).isCloseTo(34.0 / 45, within(TOL));
    }

    @Test
    void thresholdMetricsPredictPositiveAtOrAboveTheThreshold() {
        // At 0.4 the predicted positives are rows 1..5: TP = 3, FP = 2, FN = 0, TN = 1.
        Evaluation e = Evaluator.binary().threshold(0.4).resamples(0).build()
                .evaluate(BinaryData.of(TIED_LABELS, TIED_SCORES));
        assertThat(value(e, "accuracy")).isCloseTo(4.0 / 6, within(TOL));
        assertThat(value(e, "precision")).isCloseTo(3.0 / 5, within(TOL));
        assertThat(value(e, "recall")).isCloseTo(1.0, within(TOL));
        assertThat(value(e, "f1")).isCloseTo(6.0 / 8, within(TOL));
    }

    @Test
    void expectedCalibrationErrorWeighsEachBinByItsRows() {
        // bin [0, .1): p .05, y 0 -> |0 - .05|; bin [.1, .2): p .15 twice, y 0 and 1 -> |1 - .3|;
        // bin [.9, 1]: p .95 four times, y 1, 1, 1, 0 -> |3 - 3.8|. ECE = (.05 + .7 + .8) / 7.
        Evaluation e = evaluate(new int[] {0, 0, 1, 1, 1, 1, 0},
                new double[] {0.05, 0.15, 0.15, 0.95, 0.95, 0.95, 0.95});
        assertThat(value(e, "ece")).isCloseTo(1.55 / 7, within(1e-12));
    }

    @Test
    void logLossAndBrierFollowTheirDefinitionsAndClipCertainMistakes() {
        Evaluation e = evaluate(new int[] {1, 0}, new double[] {0.8, 0.3});
        assertThat(value(e, "log_loss")).isCloseTo(0.2899092476264711, within(TOL)); // (-ln .8 - ln .7) / 2
        assertThat(value(e, "brier")).isCloseTo(0.065, within(TOL)); // (.2^2 + .3^2) / 2
        // A label 1 predicted with p = 0 costs -ln(1e-15) instead of infinity.
        assertThat(value(evaluate(new int[] {1}, new double[] {0.0}), "log_loss"))
                .isCloseTo(34.538776394910684, within(1e-9));
    }

    @Test
    void regressionMetricsMatchTheScikitLearnDocumentationExample() {
        // y_true = [3, -0.5, 2, 7], y_pred = [2.5, 0.0, 2, 8] from the sklearn docs; one extra row with actual 0
        // that only MAPE leaves out (and counts).
        double[] actual = {3, -0.5, 2, 7};
        double[] predicted = {2.5, 0.0, 2, 8};
        Evaluation e = Evaluator.regression().resamples(0).build().evaluate(RegressionData.of(actual, predicted));
        assertThat(value(e, "mae")).isCloseTo(0.5, within(TOL));
        assertThat(value(e, "rmse")).isCloseTo(0.6123724356957945, within(TOL));
        assertThat(value(e, "r2")).isCloseTo(0.9486081370449679, within(TOL));
        assertThat(value(e, "mape")).isCloseTo(0.3273809523809524, within(TOL));

        Evaluation withZero = Evaluator.regression().resamples(0).build()
                .evaluate(RegressionData.of(new double[] {3, -0.5, 2, 7, 0}, new double[] {2.5, 0.0, 2, 8, 1}));
        MetricValue mape = withZero.metric("mape").orElseThrow();
        assertThat(mape.value()).isCloseTo(0.3273809523809524, within(TOL));
        assertThat(mape.n()).isEqualTo(4);
        assertThat(mape.excluded()).isEqualTo(1);
        assertThat(mape.note()).contains("1 rows excluded");
    }

    @Test
    void anUndefinedMetricIsAbsentWithItsReasonAndNeverNaN() {
        Evaluation e = Evaluator.binary().resamples(50).build()
                .evaluate(BinaryData.of(new int[] {1, 1, 1}, new double[] {0.2, 0.6, 0.9}));
        assertThat(e.metric("auc")).isEmpty();
        assertThat(e.overall().undefined()).containsEntry("auc", "needs both classes, got only positives");
        assertThat(e.metric("recall")).isPresent();
        assertThat(Json.write(e)).doesNotContain("NaN");

        Evaluation constant = Evaluator.regression().resamples(0).build()
                .evaluate(RegressionData.of(new double[] {2, 2}, new double[] {1, 3}));
        assertThat(constant.overall().undefined()).containsKey("r2");
    }

    @Test
    void nanOrInfiniteInputIsRefusedNamingTheRow() {
        assertThatThrownBy(() -> BinaryData.of(new int[] {0, 1, 1}, new double[] {0.1, Double.NaN, 0.3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("probabilities at row 1");
        assertThatThrownBy(() -> RegressionData.of(new double[] {1, 2}, new double[] {1, Double.POSITIVE_INFINITY}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("predicted at row 1");
        assertThatThrownBy(() -> BinaryData.of(new int[] {0, 2}, new double[] {0.1, 0.2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("labels at row 1");
        assertThatThrownBy(() -> BinaryData.of(new int[] {0}, new double[] {1.5}))
                .hasMessageContaining("must be in [0, 1]");
    }

    @Test
    void slicesGetTheirOwnMetrics() {
        String[] region = {"north", "north", "south", "south", "south", "north"};
        Evaluation e = Evaluator.binary().resamples(0).build().evaluate(BinaryData.of(TIED_LABELS, TIED_SCORES),
                region);
        assertThat(e.slices()).containsOnlyKeys("north", "south");
        assertThat(e.slices().get("north").rows()).isEqualTo(3);
        // north: labels 0, 0, 1 with p .1, .4, .9 -> the positive outranks both negatives.
        assertThat(e.metric("north", "auc").orElseThrow().value()).isEqualTo(1.0);
        // south: labels 1, 1, 0 with p .4, .8, .8 -> pairs (.4 vs .8) = 0, (.8 vs .8) = 1/2.
        assertThat(e.metric("south", "auc").orElseThrow().value()).isCloseTo(0.25, within(TOL));
        assertThatThrownBy(() -> Evaluator.binary().build().evaluate(BinaryData.of(TIED_LABELS, TIED_SCORES),
                new String[] {"a", "b", null, "a", "a", "a"})).hasMessageContaining("row 2");
    }
}
