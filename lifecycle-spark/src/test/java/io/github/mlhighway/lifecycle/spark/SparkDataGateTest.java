package io.github.mlhighway.lifecycle.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.data.quality.Constraints;
import io.github.mlhighway.lifecycle.core.data.quality.DataGate;
import io.github.mlhighway.lifecycle.core.data.quality.RowConstraint;
import io.github.mlhighway.lifecycle.core.data.schema.ColumnSchema;
import io.github.mlhighway.lifecycle.core.data.schema.Schema;
import io.github.mlhighway.lifecycle.core.data.ColumnType;
import io.github.mlhighway.lifecycle.gate.Finding;
import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.gate.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SparkDataGateTest {

    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = LocalSpark.start();
    }

    @AfterAll
    static void stopSpark() {
        LocalSpark.stop(spark);
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Double wind = i % 10 == 0 ? null : i % 7 == 0 ? 99.0 : 3.0 + i % 5;
            rows.add(RowFactory.create(wind, (long) i, i % 6, i % 9 == 0 ? "hail" : "rain", i % 2 == 0, null));
        }
        return rows;
    }

    @Test
    void quarantineReturnsTheFailingRowsWithTheChecksTheyFailed() {
        DataGate gate = DataGate.builder("weather").expect(Constraints.range("wind", 0, 20).mostly(0.8),
                Constraints.allowedValues("weather", "rain", "sun")).build();
        List<Row> rows = rows();
        Dataset<Row> data = LocalSpark.dataset(spark, rows, SparkProfileProperties.SCHEMA, 3);

        List<Row> quarantined = SparkDataGate.of(gate).quarantine(data).collectAsList();

        List<Long> expected = new ArrayList<>();
        for (Row row : rows) {
            boolean badWind = !row.isNullAt(0) && row.getDouble(0) > 20;
            boolean badWeather = row.getString(3).equals("hail");
            if (badWind || badWeather) {
                expected.add(row.getLong(1));
            }
        }
        assertThat(quarantined).extracting(r -> r.getLong(1)).containsExactlyElementsOf(expected);
        Row both = quarantined.stream().filter(r -> r.getLong(1) == 63).findFirst().orElseThrow();
        assertThat(both.getList(both.fieldIndex(SparkDataGate.FAILED_CHECKS)))
                .containsExactly("range(wind)", "allowed_values(weather)");
        Row one = quarantined.stream().filter(r -> r.getLong(1) == 7).findFirst().orElseThrow();
        assertThat(one.getList(one.size() - 1)).containsExactly("range(wind)");
    }

    @Test
    void theVerdictOnAnEmptyDatasetIsInconclusiveAsInProcess() {
        DataGate gate = SparkDataGateProperties.gate();
        Dataset<Row> empty = LocalSpark.dataset(spark, List.of(), SparkProfileProperties.SCHEMA, 2);

        SparkGateResult result = SparkDataGate.of(gate).evaluate(empty, "weather");

        assertThat(result.verdict()).isEqualTo(gate.evaluate(LocalSpark.table("weather",
                SparkProfileProperties.SCHEMA, List.of())));
        assertThat(result.verdict().outcome()).isEqualTo(Outcome.FAIL); // rowCountAtLeast(10) fails on no rows
        assertThat(result.profile().rowCount()).isZero();
    }

    @Test
    void anAllNullColumnIsInconclusiveAsInProcess() {
        DataGate gate = DataGate.builder("weather").clock(SparkDataGateProperties.CLOCK)
                .expect(Constraints.range("observed", 0, 1e15)).build();
        Dataset<Row> data = LocalSpark.dataset(spark, rows(), SparkProfileProperties.SCHEMA, 2);

        Verdict verdict = SparkDataGate.of(gate).evaluate(data, "weather").verdict();

        assertThat(verdict.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(verdict).isEqualTo(gate.evaluate(LocalSpark.table("weather", SparkProfileProperties.SCHEMA,
                rows())));
        assertThat(verdict.findings().get(0).message()).isEqualTo("Column 'observed' has no non-null values (all"
                + " 100 rows are null), so range(observed) cannot be judged");
    }

    @Test
    void aMissingColumnOrAWrongTypeFailsWithTheInProcessSentence() {
        RowConstraint missing = Constraints.completeness("pressure");
        RowConstraint wrongType = Constraints.range("weather", 0, 1);
        DataGate gate = DataGate.builder("weather").clock(SparkDataGateProperties.CLOCK).expect(missing, wrongType)
                .build();
        Dataset<Row> data = LocalSpark.dataset(spark, rows(), SparkProfileProperties.SCHEMA, 2);

        Verdict verdict = SparkDataGate.of(gate).evaluate(data, "weather").verdict();

        assertThat(verdict).isEqualTo(gate.evaluate(LocalSpark.table("weather", SparkProfileProperties.SCHEMA,
                rows())));
        assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void constraintsThatNeedTheWholeColumnAndSchemasAreInconclusiveNotPassed() {
        DataGate gate = DataGate.builder("weather").clock(SparkDataGateProperties.CLOCK)
                .schema(Schema.of(ColumnSchema.of("wind", ColumnType.DOUBLE)))
                .expect(Constraints.uniqueness("visits"), Constraints.meanBetween("wind", 0, 10),
                        Constraints.completeness("weather"))
                .build();
        Dataset<Row> data = LocalSpark.dataset(spark, rows(), SparkProfileProperties.SCHEMA, 2);

        Verdict verdict = SparkDataGate.of(gate).evaluate(data, "weather").verdict();

        assertThat(verdict.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(verdict.findings()).extracting(Finding::check, Finding::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("schema", Outcome.INCONCLUSIVE),
                org.assertj.core.groups.Tuple.tuple("uniqueness(visits)", Outcome.INCONCLUSIVE),
                org.assertj.core.groups.Tuple.tuple("mean(wind)", Outcome.INCONCLUSIVE),
                org.assertj.core.groups.Tuple.tuple("completeness(weather)", Outcome.PASS));
        assertThat(verdict.findings().get(1).message()).contains("not evaluated on Spark");
    }
}
