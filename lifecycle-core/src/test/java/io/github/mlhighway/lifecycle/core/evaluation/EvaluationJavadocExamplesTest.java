package io.github.mlhighway.lifecycle.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.JavadocExamples;
import io.github.mlhighway.lifecycle.core.evaluation.gate.ModelComparison;
import io.github.mlhighway.lifecycle.core.evaluation.gate.ModelGate;
import io.github.mlhighway.lifecycle.evaluation.Evaluation;
import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.gate.Verdict;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The examples of the evaluation and model-gate javadoc, run on a seeded synthetic evaluation set where the
 * challenger separates the classes a little better than the champion; one check per example keeps the copies equal.
 */
class EvaluationJavadocExamplesTest {

    private static final int ROWS = 2_000;

    private final int[] labels = new int[ROWS];
    private final double[] championP = new double[ROWS];
    private final double[] challengerP = new double[ROWS];
    private final String[] region = new String[ROWS];

    EvaluationJavadocExamplesTest() {
        Random random = new Random(7);
        for (int row = 0; row < ROWS; row++) {
            labels[row] = random.nextDouble() < 0.4 ? 1 : 0;
            double noise = random.nextGaussian();
            championP[row] = sigmoid(1.5 * (labels[row] - 0.5) * 2 + noise);
            challengerP[row] = sigmoid(1.7 * (labels[row] - 0.5) * 2 + noise);
            region[row] = row % 2 == 0 ? "north" : "south";
        }
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    @Test
    void thePackageExampleMeasuresTheAuc() {
        double[] probabilities = challengerP;
        String[] regionPerRow = region;

        // --- javadoc: evaluation ---
        Evaluation e = Evaluator.binary().seed(42).build()
            .evaluate(BinaryData.of(labels, probabilities), regionPerRow);
        double auc = e.metric("auc").orElseThrow().value();
        // --- javadoc: end ---

        assertThat(auc).isBetween(0.8, 1.0);
        assertThat(e.metric("north", "auc")).isPresent();
        assertThat(e.metric("auc").orElseThrow().interval().low()).isLessThan(auc);
    }

    @Test
    void theEvaluatorExampleEvaluatesPerSlice() {
        double[] probabilities = championP;
        String[] slicePerRow = region;

        // --- javadoc: Evaluator ---
        Evaluator evaluator = Evaluator.binary().threshold(0.5).resamples(1000).confidence(0.95).seed(42).build();
        Evaluation evaluation = evaluator.evaluate(BinaryData.of(labels, probabilities), slicePerRow);
        // --- javadoc: end ---

        assertThat(evaluation.slices()).containsOnlyKeys("north", "south");
        assertThat(evaluation.metric("accuracy").orElseThrow().interval().level()).isEqualTo(0.95);
        assertThat(evaluation.metric("accuracy").orElseThrow().interval().resamples()).isEqualTo(1000);
    }

    @Test
    void theModelGateExamplePassesABetterChallenger() {
        // --- javadoc: ModelGate ---
        ModelGate gate = ModelGate.builder()
            .metric("auc").atLeast(0.70).againstChampion().nonInferiority(0.01).confidence(0.95)
            .build();
        Verdict verdict = gate.evaluate(ModelComparison.binary(labels, challengerP, championP));
        // --- javadoc: end ---

        assertThat(verdict.outcome()).as(verdict.describe()).isEqualTo(Outcome.PASS);
        assertThat(gate.evaluate(ModelComparison.binary(labels, championP, challengerP)).outcome())
                .isEqualTo(Outcome.PASS); // the champion is within the 0.01 margin of the challenger, too
    }

    @Test
    void theGatePackageExampleJudgesEverySlice() {
        // --- javadoc: gate ---
        ModelGate gate = ModelGate.builder()
            .metric("auc").atLeast(0.70).againstChampion().nonInferiority(0.01).confidence(0.95)
            .metric("log_loss").againstChampion().relativeNonInferiority(0.05)
            .perSlice(50)
            .build();
        Verdict verdict = gate.evaluate(ModelComparison.binary(labels, challengerP, championP).withSlices(region));
        // --- javadoc: end ---

        assertThat(verdict.outcome()).as(verdict.describe()).isEqualTo(Outcome.PASS);
        assertThat(verdict.describe()).contains("north").contains("south").contains("log_loss");
    }

    @Test
    void theEvaluationPackageJavadocShowsTheCodeRunHere() {
        JavadocExamples.assertShown(JavadocExamples.packageInfo("io.github.mlhighway.lifecycle.core.evaluation"), 1,
                EvaluationJavadocExamplesTest.class, "evaluation");
    }

    @Test
    void theEvaluatorJavadocShowsTheCodeRunHere() {
        JavadocExamples.assertShown(Evaluator.class, EvaluationJavadocExamplesTest.class);
    }

    @Test
    void theModelGateJavadocShowsTheCodeRunHere() {
        JavadocExamples.assertShown(ModelGate.class, EvaluationJavadocExamplesTest.class);
    }

    @Test
    void theGatePackageJavadocShowsTheCodeRunHere() {
        JavadocExamples.assertShown(JavadocExamples.packageInfo("io.github.mlhighway.lifecycle.core.evaluation.gate"),
                1, EvaluationJavadocExamplesTest.class, "gate");
    }
}
