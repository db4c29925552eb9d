package io.github.mlhighway.lifecycle.core.data.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.data.DoubleColumn;
import io.github.mlhighway.lifecycle.core.data.StringColumn;
import io.github.mlhighway.lifecycle.core.data.Table;
import io.github.mlhighway.lifecycle.core.data.profile.DatasetProfile;
import io.github.mlhighway.lifecycle.core.data.profile.Profiles;
import io.github.mlhighway.lifecycle.gate.Outcome;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Seattle against New York, 2012–2015 (NOAA via vega-datasets): the drift report names wind and temp_min. */
class WeatherDriftTest {

    record Day(String location, String date, double precipitation, double temp_max, double temp_min, double wind,
            String weather) {
    }

    static List<Day> weather() throws IOException {
        List<Day> days = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                WeatherDriftTest.class.getResourceAsStream("/data/weather.csv"), StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.split(",", -1);
                days.add(new Day(f[0], f[1], Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                        Double.parseDouble(f[4]), Double.parseDouble(f[5]), f[6]));
            }
        }
        return days;
    }

    static Table table(List<Day> days, String location) {
        List<Day> some = days.stream().filter(d -> d.location().equals(location)).toList();
        return Table.of(location,
                DoubleColumn.of("precipitation", some.stream().mapToDouble(Day::precipitation).toArray()),
                DoubleColumn.of("temp_max", some.stream().mapToDouble(Day::temp_max).toArray()),
                DoubleColumn.of("temp_min", some.stream().mapToDouble(Day::temp_min).toArray()),
                DoubleColumn.of("wind", some.stream().mapToDouble(Day::wind).toArray()),
                StringColumn.of("weather", some.stream().map(Day::weather).toArray(String[]::new)));
    }

    @Test
    void profilesOfSeattleAndNewYorkShowDriftInWindAndMinimumTemperature() throws IOException {
        List<Day> days = weather();
        DatasetProfile seattle = Profiles.ofRecords(days.stream().filter(d -> d.location().equals("Seattle"))
                .toList()).merge(DatasetProfile.fromJson(Profiles.ofRecords(List.<Day>of(), Day.class).toJson()));
        DatasetProfile newYork = Profiles.ofRecords(days.stream().filter(d -> d.location().equals("New York"))
                .toList());

        DriftReport report = Drift.between(seattle, newYork);
        System.out.println(report.describe());

        assertThat(report.driftedColumnNames()).contains("wind", "temp_min");
        assertThat(report.column("wind").test()).isEqualTo("wasserstein");
        assertThat(report.column("wind").fromSketches()).isTrue();
        assertThat(report.column("location").status()).isEqualTo(DriftStatus.DRIFTED);
        assertThat(report.toVerdict(Instant.EPOCH).outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void tablesOfSeattleAndNewYorkShowTheSameDriftFromRawValues() throws IOException {
        List<Day> days = weather();

        DriftReport report = Drift.between(table(days, "Seattle"), table(days, "New York"));
        System.out.println(report.describe());

        assertThat(report.driftedColumnNames()).contains("wind", "temp_min");
        assertThat(report.column("wind").fromSketches()).isFalse();
        assertThat(report.drifted()).isTrue();
    }
}
