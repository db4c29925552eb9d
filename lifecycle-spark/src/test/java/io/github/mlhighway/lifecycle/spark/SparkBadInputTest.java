package io.github.mlhighway.lifecycle.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.core.data.ColumnType;
import io.github.mlhighway.lifecycle.core.data.profile.DatasetProfile;
import io.github.mlhighway.lifecycle.core.data.quality.Constraints;
import io.github.mlhighway.lifecycle.core.data.quality.DataGate;
import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.gate.Verdict;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Unsupported, nested and empty input gives a clear message or INCONCLUSIVE, never a bare Spark trace. */
class SparkBadInputTest {

    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = LocalSpark.start();
    }

    @AfterAll
    static void stopSpark() {
        LocalSpark.stop(spark);
    }

    private static Dataset<Row> nested() {
        return spark.sql("SELECT 1.5 AS wind, array('a', 'b') AS tags, named_struct('x', 1) AS point,"
                + " map('k', 1) AS attributes, X'01' AS payload, 'rain' AS weather");
    }

    @Test
    void nestedArrayMapAndBinaryColumnsAreNamedWithWhatToDo() {
        assertThatThrownBy(() -> SparkProfiler.profileOf(nested()))
                .isInstanceOf(SparkProfileException.class)
                .hasMessageContaining("'tags' (array<string>)")
                .hasMessageContaining("'point' (struct<x:int>)")
                .hasMessageContaining("'attributes' (map<string,int>)")
                .hasMessageContaining("'payload' (binary)")
                .hasMessageContaining("skipUnsupportedColumns()");
    }

    @Test
    void unsupportedColumnsCanBeLeftOut() {
        DatasetProfile profile = SparkProfiler.builder().skipUnsupportedColumns().build().profile(nested());

        assertThat(profile.columnNames()).containsExactly("wind", "weather");
        assertThat(profile.rowCount()).isEqualTo(1);
    }

    @Test
    void aGateOnANestedColumnFailsWithASentenceNotATrace() {
        DataGate gate = DataGate.builder("events").expect(Constraints.completeness("tags"),
                Constraints.completeness("weather")).build();

        Verdict verdict = SparkDataGate.of(gate).evaluate(nested(), "events").verdict();

        assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(verdict.findings().get(0).message()).startsWith("Column 'tags' is array<string>;");
        assertThat(verdict.findings().get(1).outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void anEmptyDatasetProfilesToZeroRowsWithEveryColumn() {
        Dataset<Row> empty = spark.sql("SELECT CAST(1.0 AS DOUBLE) AS wind, 'rain' AS weather WHERE 1 = 0");

        DatasetProfile profile = SparkProfiler.profileOf(empty);

        assertThat(profile.rowCount()).isZero();
        assertThat(profile.columnNames()).containsExactly("wind", "weather");
        assertThat(profile.column("wind").moments()).isEmpty();
        assertThat(profile.column("wind").quantile(0.5)).isEmpty();
    }

    @Test
    void allNullAndVoidColumnsProfileAsNullsAndGateAsInconclusive() {
        Dataset<Row> data = spark.sql("SELECT CAST(NULL AS DOUBLE) AS wind, NULL AS nothing, id FROM range(10)");

        DatasetProfile profile = SparkProfiler.profileOf(data);
        Verdict verdict = SparkDataGate.of(DataGate.builder("d").expect(Constraints.range("wind", 0, 1)).build())
                .evaluate(data, "d").verdict();

        assertThat(profile.column("wind").nullCount()).isEqualTo(10);
        assertThat(profile.column("nothing").type()).isEqualTo(ColumnType.STRING);
        assertThat(profile.column("nothing").nullCount()).isEqualTo(10);
        assertThat(verdict.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(verdict.findings().get(0).message()).contains("has no non-null values (all 10 rows are null)");
    }

    @Test
    void aMissingSegmentColumnIsNamed() {
        assertThatThrownBy(() -> SparkProfiler.builder().segmentBy("city").build().profileSegments(nested()))
                .isInstanceOf(SparkProfileException.class)
                .hasMessage("Segment column 'city' is not in the Dataset; columns: [wind, tags, point, attributes,"
                        + " payload, weather]");
    }

    @Test
    void aFailingJobSaysWhatWasComputed() {
        Dataset<Row> failing = spark.sql("SELECT CAST(id AS DOUBLE) AS wind FROM range(5)")
                .where("raise_error('the source went away') IS NULL");

        assertThatThrownBy(() -> SparkProfiler.profileOf(failing))
                .isInstanceOf(SparkProfileException.class)
                .hasMessageStartingWith("Computing the profile of a Dataset with columns [wind] failed in Spark:")
                .hasMessageContaining("the source went away");
        assertThat(List.of()).isEmpty();
    }
}
