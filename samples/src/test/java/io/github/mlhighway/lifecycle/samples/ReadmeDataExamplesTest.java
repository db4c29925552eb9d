package io.github.mlhighway.lifecycle.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.data.Table;
import io.github.mlhighway.lifecycle.core.data.anomaly.AnomalyResult;
import io.github.mlhighway.lifecycle.core.data.anomaly.MetricAnomalyDetector;
import io.github.mlhighway.lifecycle.core.data.csv.CsvTables;
import io.github.mlhighway.lifecycle.core.data.drift.Drift;
import io.github.mlhighway.lifecycle.core.data.drift.DriftReport;
import io.github.mlhighway.lifecycle.core.data.profile.DatasetProfile;
import io.github.mlhighway.lifecycle.core.data.profile.Profiles;
import io.github.mlhighway.lifecycle.core.data.quality.Constraints;
import io.github.mlhighway.lifecycle.core.data.quality.DataGate;
import io.github.mlhighway.lifecycle.core.data.schema.Schema;
import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.gate.Verdict;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data-reliability code shown in README.md, on the real weather data. Paste changes back into the README. */
class ReadmeDataExamplesTest {

    /** A host application's own type: profiled without building a table. */
    record Reading(String location, double wind, double tempMin) {
    }

    @Test
    void theDataTourRuns(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("weather.csv");
        try (InputStream in = ReadmeDataExamplesTest.class.getResourceAsStream("/data/weather.csv")) {
            Files.copy(in, file);
        }
        TestClock clock = TestClock.create();

        // --- README: data ---
        Table weather = CsvTables.read(file);                      // types inferred; errors name line and column
        Table seattle = weather.where("location", "Seattle"::equals).drop("location", "date");
        Table newYork = weather.where("location", "New York"::equals).drop("location", "date");

        DataGate inputGate = DataGate.builder("weather-input")
                .schema(Schema.infer(seattle))                     // editable, JSON round-trip
                .expect(Constraints.completeness("wind").mostly(0.99),
                        Constraints.range("wind", 0, 40),
                        Constraints.quantileBetween("temp_min", 0.5, -10, 25))
                .clock(clock)
                .build();
        Verdict quality = inputGate.evaluate(newYork);                 // a Gate<Table>

        DatasetProfile reference = Profiles.of(seattle);           // mergeable sketches; reference.toJson()
        DriftReport drift = Drift.between(reference, Profiles.of(newYork));
        System.out.println(drift.describe());                      // one row per column, then the decision
        Verdict driftVerdict = drift.toVerdict(clock);
        // --- README: end ---

        // --- README: records ---
        List<Reading> readings = List.of(new Reading("Seattle", 4.7, 5.0), new Reading("Seattle", 3.1, 2.8));
        DatasetProfile live = Profiles.ofRecords(readings);         // the app's own objects, no table
        // --- README: end ---

        // --- README: anomaly ---
        MetricAnomalyDetector dailyRows = MetricAnomalyDetector.builder("daily_rows")
                .sigmas(3).warmUp(7).maxRelativeChange(0.5).build();
        AnomalyResult today = dailyRows.observe(weather.rowCount(), clock.instant());
        // --- README: end ---

        assertThat(quality.outcome()).isEqualTo(Outcome.PASS);
        assertThat(drift.drifted()).isTrue();
        assertThat(drift.driftedColumnNames()).contains("wind", "temp_min");
        assertThat(driftVerdict.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(live.rowCount()).isEqualTo(2);
        assertThat(live.column("wind").moments().orElseThrow().mean()).isCloseTo(3.9, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(today.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
    }
}
