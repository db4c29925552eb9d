package io.github.mlhighway.lifecycle.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.data.drift.Drift;
import io.github.mlhighway.lifecycle.core.data.drift.DriftReport;
import io.github.mlhighway.lifecycle.core.data.profile.DatasetProfile;
import io.github.mlhighway.lifecycle.core.data.quality.Constraints;
import io.github.mlhighway.lifecycle.core.data.quality.DataGate;
import io.github.mlhighway.lifecycle.gate.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README section "Profiling on Spark", kept compiling and running; paste from {@link #example}. */
class ReadmeSparkExampleTest {

    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = LocalSpark.start();
    }

    @AfterAll
    static void stopSpark() {
        LocalSpark.stop(spark);
    }

    @Test
    void theReadmeExampleRuns(@TempDir Path dir) throws Exception {
        Dataset<Row> flights = spark.sql("SELECT CAST(id % 97 - 10 AS INT) AS delay, CAST(100 + id % 2400 AS INT)"
                + " AS distance, CAST((id % 24) AS DOUBLE) AS time, IF(id % 2 = 0, 'SEA', 'JFK') AS origin,"
                + " TIMESTAMP'2024-03-01 00:00:00' + make_interval(0, 0, 0, 0, CAST(id % 72 AS INT)) AS departure"
                + " FROM range(2000)");
        DatasetProfile reference = SparkProfiler.profileOf(flights.where("origin = 'SEA'"));

        DriftReport drift = example(flights, reference, dir);

        assertThat(drift.columns()).isNotEmpty();
        assertThat(Files.readString(dir.resolve("flights.profile.json"))).startsWith("{\"formatVersion\":1,");
    }

    static DriftReport example(Dataset<Row> flights, DatasetProfile reference, Path dir) throws Exception {
        // --- README "Profiling on Spark" ---
        // One scan, every column: the same DatasetProfile as Profiles.of on the same rows.
        DatasetProfile profile = SparkProfiler.profileOf(flights);
        Files.writeString(dir.resolve("flights.profile.json"), profile.toJson());   // `lifecycle data drift` reads it

        // One profile per origin and day, in one job.
        List<SegmentProfile> daily = SparkProfiler.builder()
                .segmentBy("origin").window("departure", Duration.ofDays(1)).build()
                .profileSegments(flights);

        // The same DataGate as in process, judged in the profile's scan; failing rows quarantined, not fatal.
        DataGate gate = DataGate.builder("flights")
                .expect(Constraints.range("distance", 0, 5_000), Constraints.min("delay", -60).mostly(0.99))
                .build();
        SparkGateResult result = SparkDataGate.of(gate).evaluate(flights, "flights");
        Dataset<Row> quarantined = SparkDataGate.of(gate).quarantine(flights);   // + lifecycle_failed_checks

        // Drift on the driver, from profiles: against a reference computed anywhere (Spark or in process).
        DriftReport drift = Drift.between(reference, profile);
        // --- end ---
        assertThat(daily).hasSize(6);
        assertThat(result.verdict().outcome()).isEqualTo(Outcome.PASS);
        assertThat(quarantined.count()).isZero();
        return drift;
    }
}
