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

    @Test
    void aColumnThatTurnsAllNanIsBrokenAndTheDataSetDriftsWithExitOne() throws IOException {
        Path reference = directory.resolve("reference.csv");
        Path current = directory.resolve("current.csv");
        StringBuilder ref = new StringBuilder("a,b\n");
        StringBuilder cur = new StringBuilder("a,b\n");
        for (int i = 0; i < 100; i++) {
            ref.append(i).append(',').append(i * 0.5).append('\n');
            cur.append(i).append(",nan\n");
        }
        Files.writeString(reference, ref);
        Files.writeString(current, cur);

        CommandRun run = CommandRun.of("data", "drift", "-r", reference.toString(), "-c", current.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("BROKEN").contains("all 100 current values are NaN or infinite")
                .contains("Data set drifted").doesNotContain("No data set drift");
        assertThat(run.err()).contains("broken column(s): b");
    }

    @Test
    void invalidUtf8SaysTheFileAndTheLineNotInputLength() throws IOException {
        Path broken = directory.resolve("latin1.csv");
        Files.write(broken, "a,b\n1,ok\n2,caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Path cut = directory.resolve("cut.csv");
        Files.write(cut, new byte[] {'a', '\n', '1', '\n', '2', '\n', 'x', (byte) 0xC3});

        CommandRun latin1 = CommandRun.of("data", "profile", broken.toString());
        CommandRun truncated = CommandRun.of("data", "profile", cut.toString());

        assertThat(latin1.exitCode()).isEqualTo(2);
        assertThat(latin1.err()).contains("latin1.csv, line 3").contains("invalid UTF-8").contains("0xE9")
                .doesNotContain("Input length");
        assertThat(truncated.exitCode()).isEqualTo(2);
        assertThat(truncated.err()).contains("cut.csv, line 4").contains("ends inside a multi-byte character");
    }

    @Test
    void aBadProfileSaysWhetherTheReferenceOrTheCurrentOneIsBad() throws IOException {
        Path good = directory.resolve("good.json");
        CommandRun.of("data", "profile", weather.toString(), "-o", good.toString());
        Path bad = directory.resolve("bad.json");
        Files.writeString(bad, "{\"formatVersion\": 1, \"rowCount\": 3, \"columns\": [");
        Path notUtf8 = directory.resolve("latin1.json");
        Files.write(notUtf8, new byte[] {'{', '\n', '"', (byte) 0xE9, '"', '}'});

        CommandRun badCurrent = CommandRun.of("data", "drift", "-r", good.toString(), "-c", bad.toString());
        CommandRun badReference = CommandRun.of("data", "drift", "-r", notUtf8.toString(), "-c", good.toString());

        assertThat(badCurrent.exitCode()).isEqualTo(2);
        assertThat(badCurrent.err()).contains("current data (-c)").contains("bad.json").contains("not valid JSON");
        assertThat(badReference.exitCode()).isEqualTo(2);
        assertThat(badReference.err()).contains("reference (-r)").contains("latin1.json").contains("on line 2")
                .contains("invalid UTF-8");
    }

    @Test
    void aProfileOfAFileWithAHugeCellCanBeReadBackByDrift() throws IOException {
        Path huge = directory.resolve("huge.csv");
        StringBuilder text = new StringBuilder("id,note\n1,short\n2,");
        text.append("x".repeat(16_000_000)).append("\n3,short\n4,short\n5,short\n6,short\n");
        Files.writeString(huge, text);
        Path profile = directory.resolve("huge.json");

        CommandRun written = CommandRun.of("data", "profile", huge.toString(), "-o", profile.toString());
        CommandRun drift = CommandRun.of("data", "drift", "-r", profile.toString(), "-c", profile.toString());

        assertThat(written.exitCode()).as(written.err()).isZero();
        assertThat(Files.size(profile)).isLessThan(1_000_000);
        assertThat(Files.readString(profile)).contains("[truncated: 16000000 chars, sha256 ");
        assertThat(drift.exitCode()).as(drift.err()).isZero();
    }
}
