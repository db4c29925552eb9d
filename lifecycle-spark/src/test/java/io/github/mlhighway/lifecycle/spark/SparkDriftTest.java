package io.github.mlhighway.lifecycle.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.cli.LifecycleCommand;
import io.github.mlhighway.lifecycle.core.data.drift.Drift;
import io.github.mlhighway.lifecycle.core.data.drift.DriftReport;
import io.github.mlhighway.lifecycle.core.data.profile.DatasetProfile;
import io.github.mlhighway.lifecycle.core.data.profile.Profiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Drift runs on the driver, on profiles: two Spark profiles, or a Spark profile and an in-process one. */
class SparkDriftTest {

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
    void twoSparkProfilesShowTheWindShiftAndNothingElse() {
        DatasetProfile march = SparkProfiler.profileOf(LocalSpark.dataset(spark,
                SparkProfilerTest.weather(10, 5_000, 0), SparkProfilerTest.WEATHER, 3));
        DatasetProfile windier = SparkProfiler.profileOf(LocalSpark.dataset(spark,
                SparkProfilerTest.weather(11, 5_000, 1.5), SparkProfilerTest.WEATHER, 4));

        DriftReport report = Drift.between(march, windier);

        assertThat(report.driftedColumnNames()).contains("wind").doesNotContain("location", "station");
    }

    @Test
    void aSparkProfileDoesNotDriftFromTheInProcessProfileOfTheSameRows() {
        List<Row> rows = SparkProfilerTest.weather(12, 5_000, 0);
        DatasetProfile onSpark = SparkProfiler.profileOf(LocalSpark.dataset(spark, rows, SparkProfilerTest.WEATHER,
                3));
        DatasetProfile inProcess = Profiles.of(LocalSpark.table("weather", SparkProfilerTest.WEATHER, rows));

        DriftReport report = Drift.between(inProcess, onSpark);

        assertThat(report.drifted()).isFalse();
        assertThat(report.driftedColumnNames()).isEmpty();
    }

    @Test
    void lifecycleDataDriftReadsSparkProfileFiles(@TempDir Path dir) throws Exception {
        Path reference = dir.resolve("march.json");
        Path current = dir.resolve("windier.json");
        Files.writeString(reference, SparkProfiler.profileOf(LocalSpark.dataset(spark,
                SparkProfilerTest.weather(13, 3_000, 0), SparkProfilerTest.WEATHER, 2)).toJson());
        Files.writeString(current, SparkProfiler.profileOf(LocalSpark.dataset(spark,
                SparkProfilerTest.weather(14, 3_000, 2.0), SparkProfilerTest.WEATHER, 2)).toJson());
        StringWriter out = new StringWriter();
        CommandLine command = LifecycleCommand.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(new StringWriter(), true));

        int exit = command.execute("data", "drift", "--reference", reference.toString(), "--current",
                current.toString(), "--ignore", "station,observed", "--json");

        assertThat(exit).as(out.toString()).isEqualTo(1);   // 1: data set drift (wind: 1 of 2 tested columns)
        assertThat(out.toString()).contains("\"column\":\"wind\"").contains("\"status\":\"DRIFTED\"");
    }
}
