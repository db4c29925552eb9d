package io.github.mlhighway.lifecycle.core.evaluation.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.core.evaluation.BinaryData;
import io.github.mlhighway.lifecycle.core.evaluation.RegressionData;
import io.github.mlhighway.lifecycle.evaluation.Task;
import org.junit.jupiter.api.Test;

/** A comparison written as JSON reads back with the same task, rows, values, champion and slices. */
class ModelComparisonJsonTest {

    @Test
    void aBinaryComparisonWithChampionAndSlicesReadsBackExactly() {
        int[] labels = {1, 0, 0, 1, 1};
        double[] challenger = {0.1 + 0.2, 0.0, Double.MIN_VALUE, 1.0, 0.7};
        double[] champion = {0.4, 0.6, 0.5, 0.9, 1e-300};
        ModelComparison written = ModelComparison.binary(labels, challenger, champion)
                .withSlices(new String[] {"north", "south", "north", "east", "south"});

        ModelComparison read = ModelComparison.fromJson(written.toJson());

        assertThat(read.task()).isEqualTo(Task.BINARY_CLASSIFICATION);
        assertThat(read.rows()).isEqualTo(5);
        BinaryData readChallenger = (BinaryData) read.challenger();
        BinaryData readChampion = (BinaryData) read.champion().orElseThrow();
        for (int row = 0; row < 5; row++) {
            assertThat(readChallenger.positive(row)).as("label of row %d", row).isEqualTo(labels[row] == 1);
            assertThat(readChallenger.probability(row)).as("challenger row %d", row).isEqualTo(challenger[row]);
            assertThat(readChampion.probability(row)).as("champion row %d", row).isEqualTo(champion[row]);
        }
        assertThat(read.slices().orElseThrow().masks()).containsOnlyKeys("north", "south", "east");
        assertThat(read.slices().orElseThrow().masks().get("north")).containsExactly(1, 0, 1, 0, 0);
        assertThat(read.slices().orElseThrow().masks().get("south")).containsExactly(0, 1, 0, 0, 1);
        assertThat(read.slices().orElseThrow().masks().get("east")).containsExactly(0, 0, 0, 1, 0);
        assertThat(read.toJson()).isEqualTo(written.toJson());
    }

    @Test
    void aRegressionWithoutChampionOrSlicesReadsBackWithoutThem() {
        double[] actual = {1.5, -2.25, 0.0, 3.0e12};
        double[] predicted = {1.4, -2.0, -0.0, 2.9e12};
        ModelComparison written = ModelComparison.regression(actual, predicted);

        String json = written.toJson();
        ModelComparison read = ModelComparison.fromJson(json);

        assertThat(json).doesNotContain("champion", "slices", "labels");
        assertThat(read.task()).isEqualTo(Task.REGRESSION);
        assertThat(read.champion()).isEmpty();
        assertThat(read.slices()).isEmpty();
        RegressionData data = (RegressionData) read.challenger();
        for (int row = 0; row < actual.length; row++) {
            assertThat(data.actual(row)).as("actual row %d", row).isEqualTo(actual[row]);
            assertThat(data.predicted(row)).as("predicted row %d", row).isEqualTo(predicted[row]);
        }
    }

    @Test
    void aRegressionWithAChampionKeepsIt() {
        ModelComparison read = ModelComparison.fromJson(ModelComparison.regression(
                new double[] {1, 2, 3}, new double[] {1, 2, 4}, new double[] {0, 2, 3}).toJson());

        RegressionData champion = (RegressionData) read.champion().orElseThrow();
        assertThat(champion.predicted(0)).isEqualTo(0.0);
        assertThat(champion.predicted(2)).isEqualTo(3.0);
    }

    @Test
    void jsonThatIsNotAComparisonIsRefusedNamingWhatIsMissing() {
        assertThatThrownBy(() -> ModelComparison.fromJson("{\"challenger\":[0.5]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'task' and 'challenger'");
        assertThatThrownBy(() -> ModelComparison.fromJson("{\"task\":\"BINARY_CLASSIFICATION\",\"challenger\":[0.5]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without 'labels'");
        assertThatThrownBy(() -> ModelComparison.fromJson("{\"task\":\"REGRESSION\",\"challenger\":[0.5]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without 'actuals'");
        assertThatThrownBy(() -> ModelComparison.fromJson("not json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Not a model comparison");
    }
}
