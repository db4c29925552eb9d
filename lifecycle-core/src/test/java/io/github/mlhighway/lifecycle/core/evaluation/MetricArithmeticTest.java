package io.github.mlhighway.lifecycle.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The arithmetic of the threshold and ranking metrics on tables where each count differs from the others, values
 * computed by hand; the reasons of undefined scores; the input checks and the bounds of the builder's settings.
 */
class MetricArithmeticTest {

    private static final double TOL = 1e-12;

    private static int[] ones(int n) {
        int[] w = new int[n];
        Arrays.fill(w, 1);
        return w;
    }

    @Test
    void precisionRecallAndF1WhenTruePositivesEqualTheFalseOnes() {
        // At 0.5: TP = 2 (0.9, 0.8), FN = 2 (0.3, 0.2), FP = 2 (0.7, 0.6), TN = 1 (0.1).
        BinaryData d = BinaryData.of(new int[] {1, 1, 1, 1, 0, 0, 0},
                new double[] {0.9, 0.8, 0.3, 0.2, 0.7, 0.6, 0.1});
        int[] w = ones(7);
        assertThat(BinaryMetrics.precision(d, w, 0.5).value()).isCloseTo(2.0 / 4, within(TOL));
        assertThat(BinaryMetrics.recall(d, w, 0.5).value()).isCloseTo(2.0 / 4, within(TOL));
        assertThat(BinaryMetrics.f1(d, w, 0.5).value()).isCloseTo(4.0 / 8, within(TOL));
        assertThat(BinaryMetrics.accuracy(d, w, 0.5).value()).isCloseTo(3.0 / 7, within(TOL));
    }

    @Test
    void recallDividesByEveryPositiveLabel() {
        // At 0.5: TP = 3, FN = 1, FP = 0: recall 3/4, precision 1, F1 = 6 / (6 + 0 + 1).
        BinaryData d = BinaryData.of(new int[] {1, 1, 1, 1, 0}, new double[] {0.9, 0.8, 0.7, 0.2, 0.1});
        int[] w = ones(5);
        assertThat(BinaryMetrics.recall(d, w, 0.5).value()).isCloseTo(3.0 / 4, within(TOL));
        assertThat(BinaryMetrics.precision(d, w, 0.5).value()).isCloseTo(1.0, within(TOL));
        assertThat(BinaryMetrics.f1(d, w, 0.5).value()).isCloseTo(6.0 / 7, within(TOL));
    }

    @Test
    void averagePrecisionWithMoreNegativesThanPositives() {
        // Descending: 0.8 (pos) P = 1, R = 1/2; 0.4, 0.35 (neg); 0.2 (pos) P = 2/4, R = 1; 0.1 (neg).
        // AP = 1/2 * 1 + 1/2 * 1/2 = 0.75, as sklearn.metrics.average_precision_score gives.
        BinaryData d = BinaryData.of(new int[] {0, 0, 0, 1, 1}, new double[] {0.1, 0.4, 0.35, 0.8, 0.2});
        assertThat(BinaryMetrics.averagePrecision(d, ones(5)).value()).isCloseTo(0.75, within(TOL));
    }

    @Test
    void averagePrecisionSaysWhyItIsUndefined() {
        BinaryData negatives = BinaryData.of(new int[] {0, 0}, new double[] {0.3, 0.6});
        assertThat(BinaryMetrics.averagePrecision(negatives, ones(2)).reason()).isEqualTo("no positive labels");
        BinaryData mixed = BinaryData.of(new int[] {0, 1}, new double[] {0.3, 0.6});
        assertThat(BinaryMetrics.averagePrecision(mixed, new int[] {0, 0}).reason()).isEqualTo("no rows");
    }

    @Test
    void aucSaysWhichClassIsMissing() {
        BinaryData positives = BinaryData.of(new int[] {1, 1}, new double[] {0.3, 0.6});
        assertThat(BinaryMetrics.rocAuc(positives, ones(2)).reason())
                .isEqualTo("needs both classes, got only positives");
        BinaryData negatives = BinaryData.of(new int[] {0, 0}, new double[] {0.3, 0.6});
        assertThat(BinaryMetrics.rocAuc(negatives, ones(2)).reason())
                .isEqualTo("needs both classes, got only negatives");
        assertThat(BinaryMetrics.rocAuc(negatives, new int[] {0, 0}).reason()).isEqualTo("no rows");
    }

    @Test
    void arraysOfDifferentLengthsAreRejected() {
        assertThatThrownBy(() -> BinaryData.of(new int[] {0, 1}, new double[] {0.5}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("labels has 2 rows but probabilities has 1");
        BinaryData d = BinaryData.of(new int[] {0, 1}, new double[] {0.2, 0.5});
        assertThatThrownBy(() -> d.withProbabilities(new double[] {0.5, 0.5, 0.5}, "champion"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("labels has 2 rows but champion has 3");
        assertThatThrownBy(() -> RegressionData.of(new double[] {1, 2}, new double[] {1}, "challenger"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("actual has 2 rows but challenger has 1");
        RegressionData r = RegressionData.of(new double[] {1, 2}, new double[] {1, 2}, "challenger");
        assertThatThrownBy(() -> r.withPredictions(new double[] {1}, "champion"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("actual has 2 rows but champion has 1");
        assertThatThrownBy(() -> SliceKeys.of(new String[] {"a"}, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("slice keys has 1 rows but the data has 2");
    }

    @Test
    void thresholdAcceptsBothEndsAndConfidenceNeither() {
        assertThat(Evaluator.binary().threshold(0).threshold(1)).isNotNull();
        assertThatThrownBy(() -> Evaluator.binary().threshold(-0.01)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Evaluator.binary().threshold(1.01)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Evaluator.binary().confidence(0.01).confidence(0.99)).isNotNull();
        assertThatThrownBy(() -> Evaluator.binary().confidence(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Evaluator.binary().confidence(1)).isInstanceOf(IllegalArgumentException.class);
    }
}
