package io.github.mlhighway.lifecycle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mlhighway.lifecycle.core.data.profile.DatasetProfile;
import io.github.mlhighway.lifecycle.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data commands on the real weather data: Seattle as the reference, New York as the current data. */
class DataCommandsTest {

    @TempDir
    Path directory;

    private Path weather;

    @BeforeEach
    void copyTheWeatherData() throws IOException {
        weather = directory.resolve("weather.csv");
        try (InputStream in = DataCommandsTest.class.getResourceAsStream("/data/weather.csv")) {
            Files.copy(in, weather);
        }
    }

    @Test
    void profilesOneCityIntoAJsonProfile() throws IOException {
        Path profile = directory.resolve("seattle.json");

        CommandRun run = CommandRun.of("data", "profile", weather.toString(), "--where", "location=Seattle",
                "-o", profile.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("profiled 1461 rows and 7 columns");
        DatasetProfile read = DatasetProfile.fromJson(Files.readString(profile));
        assertThat(read.rowCount()).isEqualTo(1461);
        assertThat(read.columnNames()).contains("wind", "temp_min", "weather");
    }

    @Test
    void driftBetweenTwoProfilesNamesWindAndMinimumTemperatureAndExitsOne() {
        Path seattle = directory.resolve("seattle.json");
        Path newYork = directory.resolve("new-york.json");
        CommandRun.of("data", "profile", weather.toString(), "-w", "location=Seattle", "-o", seattle.toString());
        CommandRun.of("data", "profile", weather.toString(), "-w", "location=New York", "-o", newYork.toString());

        CommandRun run = CommandRun.of("data", "drift", "-r", seattle.toString(), "-c", newYork.toString(),
                "--ignore", "location,date");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out().lines().filter(line -> line.startsWith("wind ") || line.startsWith("temp_min ")))
                .hasSize(2).allSatisfy(line -> assertThat(line).contains("DRIFTED"));
        assertThat(run.out()).contains("Data set drifted");
    }

    @Test
    void jsonOutputIsExactlyOneObjectWithOneEntryPerColumn() throws IOException {
        CommandRun run = CommandRun.of("data", "drift", "-r", weather.toString(), "-c", weather.toString(),
                "--reference-where", "location=Seattle", "--current-where", "location=New York",
                "-x", "location,date", "--json");

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode report = Json.mapper().readTree(run.out());
        assertThat(run.out().strip().lines()).hasSize(1);
        assertThat(report.get("drifted").asBoolean()).isTrue();
        assertThat(report.get("status").asText()).isEqualTo("DRIFTED");
        List<String> drifted = new ArrayList<>();
        for (JsonNode column : report.get("columns")) {
            assertThat(column.fieldNames()).toIterable().containsExactly("column", "test", "statistic", "pValue",
                    "effect", "threshold", "drifted", "status", "message", "errorBound", "nonFiniteShare", "broken");
            if (column.get("drifted").asBoolean()) {
                drifted.add(column.get("column").asText());
            }
        }
        assertThat(drifted).contains("wind", "temp_min");
    }

    @Test
    void theSameDataDoesNotDriftAndExitsZero() {
        CommandRun run = CommandRun.of("data", "drift", "-r", weather.toString(), "-c", weather.toString(),
                "--reference-where", "location=Seattle", "--current-where", "location=Seattle");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).doesNotContain("DRIFTED");
    }

    @Test
    void badInputExitsTwoWithAMessageThatSaysWhere() throws IOException {
        Path malformed = directory.resolve("bad.csv");
        Files.writeString(malformed, "a,b\n1,2\n3\n");

        CommandRun missing = CommandRun.of("data", "drift", "-r", weather.toString(), "-c",
                directory.resolve("nope.csv").toString());
        CommandRun broken = CommandRun.of("data", "profile", malformed.toString());
        CommandRun unknownColumn = CommandRun.of("data", "profile", weather.toString(), "--where", "city=Paris");

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.csv: no such file");
        assertThat(broken.exitCode()).isEqualTo(2);
        assertThat(broken.err()).contains("bad.csv, line 3");
        assertThat(unknownColumn.exitCode()).isEqualTo(2);
        assertThat(unknownColumn.err()).contains("no column 'city'");
    }

    @Test
    void nothingInCommonIsBadInput() throws IOException {
        Path other = directory.resolve("other.csv");
        Files.writeString(other, "x\n1\n2\n");

        CommandRun run = CommandRun.of("data", "drift", "-r", weather.toString(), "-c", other.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("nothing could be compared");
    }
}
