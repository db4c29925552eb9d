package io.github.mlhighway.lifecycle.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mlhighway.lifecycle.core.JavadocExamples;
import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.core.data.anomaly.AnomalyResult;
import io.github.mlhighway.lifecycle.core.data.anomaly.MetricAnomalyDetector;
import io.github.mlhighway.lifecycle.core.data.csv.CsvOptions;
import io.github.mlhighway.lifecycle.core.data.csv.CsvTables;
import io.github.mlhighway.lifecycle.core.data.drift.Drift;
import io.github.mlhighway.lifecycle.core.data.drift.DriftReport;
import io.github.mlhighway.lifecycle.core.data.profile.ColumnProfile;
import io.github.mlhighway.lifecycle.core.data.profile.ColumnProfiler;
import io.github.mlhighway.lifecycle.core.data.profile.DatasetProfile;
import io.github.mlhighway.lifecycle.core.data.profile.ProfileJson;
import io.github.mlhighway.lifecycle.core.data.profile.ProfileOptions;
import io.github.mlhighway.lifecycle.core.data.profile.Profiles;
import io.github.mlhighway.lifecycle.core.data.quality.Constraint;
import io.github.mlhighway.lifecycle.core.data.quality.Constraints;
import io.github.mlhighway.lifecycle.core.data.quality.DataGate;
import io.github.mlhighway.lifecycle.core.data.schema.Schema;
import io.github.mlhighway.lifecycle.core.data.schema.ValidationReport;
import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.gate.Verdict;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The examples of the data packages' javadoc, run on the real weather data; one check per example keeps the copies equal. */
class DataJavadocExamplesTest {

    private static final Path WEATHER_CSV = weatherCsv();
    private static final Table WEATHER = CsvTables.read(WEATHER_CSV);
    private static final Table SEATTLE = WEATHER.where("location", "Seattle"::equals).named("seattle");
    private static final Table NEW_YORK = WEATHER.where("location", "New York"::equals).named("new-york");

    private final SimClock clock = SimClock.atDefault();

    private static Path weatherCsv() {
        try {
            return Path.of(DataJavadocExamplesTest.class.getResource("/data/weather.csv").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Seattle's days with whether it rained the next day: a training table. */
    private static Table withRainTomorrow(Table days) {
        boolean[] rainTomorrow = new boolean[days.rowCount()];
        Column precipitation = days.column("precipitation");
        for (int row = 0; row + 1 < days.rowCount(); row++) {
            rainTomorrow[row] = ((Double) precipitation.get(row + 1)) > 0;
        }
        List<Column> columns = new ArrayList<>(days.columns());
        columns.add(BooleanColumn.of("rain_tomorrow", rainTomorrow));
        return Table.of(days.name(), columns);
    }

    @Test
    void theTableExampleKeepsTheRowsOfOneLocation() {
        // --- javadoc: Table ---
        Table table = Table.of("weather",
            StringColumn.of("location", "Seattle", "New York"),
            DoubleColumn.of("wind", 4.7, 3.9));
        Table seattle = table.where("location", "Seattle"::equals);
        // --- javadoc: end ---

        assertThat(seattle.rowCount()).isEqualTo(1);
        assertThat(seattle.column("wind").get(0)).isEqualTo(4.7);
    }

    @Test
    void theSchemaExampleAcceptsServingDataWithoutTheTrainingOnlyLabel() {
        Table trainingTable = withRainTomorrow(WEATHER);
        Table servingTable = NEW_YORK;

        // --- javadoc: Schema ---
        Schema schema = Schema.infer(trainingTable)
            .update("wind", c -> c.withRange(0, 40).withNullable(false))
            .update("rain_tomorrow", c -> c.inEnvironments(Schema.TRAINING));
        ValidationReport report = schema.validate(servingTable, Schema.SERVING);
        // --- javadoc: end ---

        assertThat(report.isValid()).as(report.describe()).isTrue();
        assertThat(schema.validate(servingTable, Schema.TRAINING).violationsOf("rain_tomorrow")).isNotEmpty();
    }

    @Test
    void theConstraintsExampleHoldsOnAYearOfWeather() {
        // --- javadoc: Constraints ---
        List<Constraint> weather = List.of(
            Constraints.completeness("wind").mostly(0.99),
            Constraints.range("temp_max", -30, 50),
            Constraints.allowedValues("weather", "drizzle", "rain", "snow", "sun", "fog"),
            Constraints.rowCountAtLeast(365),
            Constraints.quantileBetween("wind", 0.5, 1, 6));
        // --- javadoc: end ---

        Verdict verdict = DataGate.builder("weather").clock(clock).expect(weather.toArray(Constraint[]::new)).build()
                .evaluate(SEATTLE);
        assertThat(verdict.outcome()).as(verdict.describe()).isEqualTo(Outcome.PASS);
        assertThat(verdict.findings()).hasSize(5);
    }

    @Test
    void theDataGateExamplePassesTheWeatherAndFailsAStorm() {
        Schema schema = Schema.infer(withRainTomorrow(SEATTLE))
                .update("rain_tomorrow", c -> c.inEnvironments(Schema.TRAINING));
        Table table = withRainTomorrow(SEATTLE);

        // --- javadoc: DataGate ---
        DataGate gate = DataGate.builder("weather-input")
            .schema(schema, Schema.TRAINING)
            .expect(Constraints.completeness("wind").mostly(0.99))
            .expect(Constraints.range("temp_max", -30, 50))
            .build();
        Verdict verdict = gate.evaluate(table);
        // --- javadoc: end ---

        assertThat(verdict.outcome()).as(verdict.describe()).isEqualTo(Outcome.PASS);
        Table heatWave = Table.of("heat-wave", DoubleColumn.of("temp_max", 12.0, 55.0),
                DoubleColumn.of("wind", 4.0, 5.0));
        assertThat(DataGate.builder("weather-input").expect(Constraints.range("temp_max", -30, 50)).build()
                .evaluate(heatWave).outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void theProfilesExampleMergesRecordsWithATable() {
        Table newYorkTable = NEW_YORK;

        // --- javadoc: Profiles ---
        record Weather(String location, double precipitation, double wind) {}
        DatasetProfile seattle = Profiles.ofRecords(List.of(new Weather("Seattle", 0.0, 4.7),
            new Weather("Seattle", 10.9, 4.5)));
        DatasetProfile all = Profiles.merge(seattle, Profiles.of(newYorkTable));   // columns matched by name
        String json = all.toJson();
        // --- javadoc: end ---

        assertThat(all.rowCount()).isEqualTo(2 + 1461);
        assertThat(all.column("wind").count()).isEqualTo(2 + 1461);
        assertThat(all.column("temp_max").nullCount()).isEqualTo(2);
        assertThat(DatasetProfile.fromJson(json).rowCount()).isEqualTo(all.rowCount());
    }

    @Test
    void theColumnProfilerExampleSummarisesReadings() {
        double[] readings = {4.7, 4.5, 2.3, 4.7, 6.1};

        // --- javadoc: ColumnProfiler ---
        ColumnProfiler wind = ColumnProfiler.of("wind", ColumnType.DOUBLE, ProfileOptions.defaults());
        for (double w : readings) wind.addDouble(w);
        ColumnProfile profile = wind.profile();
        // --- javadoc: end ---

        assertThat(profile.count()).isEqualTo(5);
        assertThat(profile.moments().orElseThrow().max()).isEqualTo(6.1);
        assertThat(profile.quantile(0.5)).hasValue(4.7);
    }

    @Test
    void theMetricAnomalyDetectorExampleFlagsAHalvedFeedAfterItsWarmUp() {
        Table table = SEATTLE.rows(java.util.stream.IntStream.range(0, 365).toArray());

        // --- javadoc: MetricAnomalyDetector ---
        MetricAnomalyDetector rows = MetricAnomalyDetector.builder("daily_rows")
            .sigmas(3).warmUp(7).maxRelativeChange(0.5).build();
        AnomalyResult result = rows.observe(table.rowCount(), clock.instant());
        Verdict verdict = result.toVerdict();   // FAIL when result.isAnomaly()
        // --- javadoc: end ---

        assertThat(result.isAnomaly()).isFalse();
        assertThat(verdict.outcome()).isNotEqualTo(Outcome.FAIL);
        for (int day = 1; day < 7; day++) {
            clock.advance(Duration.ofDays(1));
            assertThat(rows.observe(table.rowCount(), clock.instant()).isAnomaly()).isFalse();
        }
        clock.advance(Duration.ofDays(1));
        AnomalyResult halved = rows.observe(table.rowCount() / 2.0, clock.instant());
        assertThat(halved.isAnomaly()).isTrue();
        assertThat(halved.toVerdict().outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void theDriftExampleFindsTheColumnsItNamesBetweenSeattleAndNewYork() {
        Table seattle = SEATTLE.drop("location");   // a city's days, without the column that names the city
        Table newYork = NEW_YORK.drop("location");

        // --- javadoc: Drift ---
        DriftReport report = Drift.between(Profiles.of(seattle), Profiles.of(newYork));
        report.driftedColumnNames();          // [precipitation, temp_max, temp_min, wind, weather]
        Verdict verdict = report.toVerdict(clock);
        // --- javadoc: end ---

        assertThat(report.driftedColumnNames()).containsExactly("precipitation", "temp_max", "temp_min", "wind",
                "weather");
        assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(verdict.decidedAt()).isEqualTo(clock.instant());
    }

    @Test
    void theCsvTablesExampleReadsTheWeatherWithAndWithoutASchema() {
        Path weatherCsv = WEATHER_CSV;
        Schema schema = Schema.infer(WEATHER).update("wind", c -> c.withType(ColumnType.STRING));

        // --- javadoc: CsvTables ---
        Table weather = CsvTables.read(weatherCsv);
        Table typed = CsvTables.read(weatherCsv, CsvOptions.builder().schema(schema).build());
        // --- javadoc: end ---

        assertThat(weather.rowCount()).isEqualTo(2922);
        assertThat(weather.column("wind").type()).isEqualTo(ColumnType.DOUBLE);
        assertThat(typed.column("wind").type()).isEqualTo(ColumnType.STRING);
    }

    @Test
    void theProfileJsonExampleHasTheFieldsTheFormatWrites() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode written = mapper.readTree(ProfileJson.write(Profiles.of(SEATTLE.select("wind"))));
        JsonNode shown = mapper.readTree(JavadocExamples.example(JavadocExamples.source(ProfileJson.class), 1));

        assertThat(fields(shown)).isEqualTo(fields(written));
        JsonNode shownWind = shown.path("columns").path(0);
        JsonNode wind = written.path("columns").path(0);
        for (String scalar : List.of("name", "type", "count", "nullCount", "nanCount", "infiniteCount",
                "frequentItemsMapSize", "categoryCap", "smallDomainCap", "histogramBins")) {
            assertThat(shownWind.path(scalar)).as(scalar).isEqualTo(wind.path(scalar));
        }
        assertThat(shownWind.path("moments").path("max")).isEqualTo(wind.path("moments").path("max"));
        assertThat(shown.path("rowCount")).isEqualTo(written.path("rowCount"));
    }

    /** The field paths of a JSON tree (not the quantiles', whose ranks the example shortens). */
    private static TreeSet<String> fields(JsonNode node) {
        TreeSet<String> paths = new TreeSet<>();
        collect(node, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String path, TreeSet<String> paths) {
        if (node.isArray() && !node.isEmpty()) {
            collect(node.get(0), path + "[]", paths);
        } else if (node.isObject() && !path.endsWith("quantiles")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String child = path + "/" + field.getKey();
                paths.add(child);
                collect(field.getValue(), child, paths);
            }
        }
    }

    @ParameterizedTest(name = "the javadoc of {0} shows the code run here")
    @ValueSource(classes = {Table.class, Schema.class, Constraints.class, DataGate.class, Profiles.class,
            ColumnProfiler.class, MetricAnomalyDetector.class, Drift.class, CsvTables.class})
    void theJavadocShowsTheCodeRunHere(Class<?> documented) {
        JavadocExamples.assertShown(documented, DataJavadocExamplesTest.class);
    }
}
