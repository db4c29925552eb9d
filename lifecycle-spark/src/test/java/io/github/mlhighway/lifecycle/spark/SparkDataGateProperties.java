package io.github.mlhighway.lifecycle.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.data.quality.Constraints;
import io.github.mlhighway.lifecycle.core.data.quality.DataGate;
import io.github.mlhighway.lifecycle.gate.Verdict;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** However Spark partitions the rows, the Spark gate's verdict is the in-process verdict on the same rows. */
class SparkDataGateProperties {

    static final Clock CLOCK = TestClock.at(Instant.parse("2026-06-01T00:00:00Z"));

    static DataGate gate() {
        Predicate<Object> even = (Predicate<Object> & Serializable) v -> ((Long) v) % 2 == 0;
        return DataGate.builder("weather-input").clock(CLOCK).expect(
                Constraints.completeness("wind").mostly(0.9),
                Constraints.range("wind", -10, 10).mostly(0.7),
                Constraints.allowedValues("weather", "rain", "sun", "fog", "snow"),
                Constraints.matches("weather", "[a-z]+"),
                Constraints.min("visits", 0).mostly(0.4),
                Constraints.satisfies("visits", "be even", even).mostly(0.3),
                Constraints.max("code", 5),
                Constraints.completeness("holiday"),
                Constraints.rowCountAtLeast(10)).build();
    }

    private static SparkSession spark;

    @BeforeContainer
    static void startSpark() {
        spark = LocalSpark.start();
    }

    @AfterContainer
    static void stopSpark() {
        LocalSpark.stop(spark);
    }

    @Property(tries = 8, shrinking = ShrinkingMode.OFF)
    void theSparkVerdictIsTheInProcessVerdictForAnyPartitioning(@ForAll("rows") List<Row> rows,
            @ForAll @IntRange(min = 1, max = 6) int partitions) {
        DataGate gate = gate();

        SparkGateResult result = SparkDataGate.of(gate).evaluate(LocalSpark.dataset(spark, rows,
                SparkProfileProperties.SCHEMA, partitions), "weather");

        Verdict local = gate.evaluate(LocalSpark.table("weather", SparkProfileProperties.SCHEMA, rows));
        assertThat(result.verdict()).isEqualTo(local);
        assertThat(result.profile().rowCount()).isEqualTo(rows.size());
    }

    @Provide
    Arbitrary<List<Row>> rows() {
        return new SparkProfileProperties().rows();
    }
}
