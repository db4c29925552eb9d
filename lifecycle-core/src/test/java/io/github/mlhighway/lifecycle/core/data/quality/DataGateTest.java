package io.github.mlhighway.lifecycle.core.data.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.core.data.ColumnType;
import io.github.mlhighway.lifecycle.core.data.DoubleColumn;
import io.github.mlhighway.lifecycle.core.data.Table;
import io.github.mlhighway.lifecycle.core.data.csv.CsvTables;
import io.github.mlhighway.lifecycle.core.data.schema.ColumnSchema;
import io.github.mlhighway.lifecycle.core.data.schema.Schema;
import io.github.mlhighway.lifecycle.core.json.Json;
import io.github.mlhighway.lifecycle.gate.Finding;
import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.gate.Verdict;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DataGateTest {

    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Table WEATHER = readWeather();

    private static Table readWeather() {
        try {
            return CsvTables.read(Path.of(DataGateTest.class.getResource("/data/weather.csv").toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DataGate.Builder weatherGate() {
        Schema schema = Schema.infer(WEATHER)
                .update("wind", c -> c.withRange(0, 40))
                .with(ColumnSchema.of("rain_tomorrow", ColumnType.BOOLEAN)
                        .inEnvironments(Schema.TRAINING));
        return DataGate.builder("weather-input").clock(CLOCK)
                .schema(schema, Schema.SERVING)
                .expect(Constraints.rowCountAtLeast(365))
                .expect(Constraints.completeness("wind").mostly(0.99))
                .expect(Constraints.range("temp_max", -30, 50))
                .expect(Constraints.allowedValues("weather", "drizzle", "rain", "snow", "sun", "fog"))
                .expect(Constraints.quantileBetween("wind", 0.5, 1, 6))
                .expect(Constraints.meanBetween("temp_min", 0, 20));
    }

    @Test
    void theRealWeatherDataPassesAReasonableGate() {
        Verdict verdict = weatherGate().build().evaluate(WEATHER);

        assertThat(verdict.outcome()).as(verdict.describe()).isEqualTo(Outcome.PASS);
        assertThat(verdict.gate()).isEqualTo("weather-input");
        assertThat(verdict.decidedAt()).isEqualTo(NOW);
        assertThat(verdict.findings()).extracting(Finding::check).containsExactly("schema", "row_count",
                "completeness(wind)", "range(temp_max)", "allowed_values(weather)", "quantile(wind, 0.5)",
                "mean(temp_min)");
    }

    @Test
    void aFailingConstraintFailsTheGateWithItsObservedValueAndThreshold() {
        Verdict verdict = weatherGate().expect(Constraints.max("wind", 8).mostly(0.99)).build().evaluate(WEATHER);

        assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
        Finding wind = verdict.findings().get(verdict.findings().size() - 1);
        assertThat(wind.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(wind.observed()).isLessThan(0.99);
        assertThat(wind.threshold()).isEqualTo(0.99);
        assertThat(wind.message()).contains("meet the requirement to be at most 8").contains("e.g. rows [");
    }

    @Test
    void aTableThatDoesNotMatchTheSchemaFails() {
        Table noWind = WEATHER.drop("wind");

        Verdict verdict = weatherGate().build().evaluate(noWind);

        assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(verdict.findings()).extracting(Finding::message).contains(
                "Column 'wind' (DOUBLE) is missing in environment SERVING",
                "Table 'weather.csv' has no column 'wind'; columns: [location, date, precipitation, temp_max,"
                        + " temp_min, weather]");
    }

    @Test
    void aColumnExpectedOnlyInTrainingFailsTheServingGate() {
        Schema schema = Schema.infer(WEATHER).update("wind", c -> c.inEnvironments(Schema.TRAINING));

        Verdict training = DataGate.builder("g").clock(CLOCK).schema(schema, Schema.TRAINING).build()
                .evaluate(WEATHER);
        Verdict serving = DataGate.builder("g").clock(CLOCK).schema(schema, Schema.SERVING).build()
                .evaluate(WEATHER);

        assertThat(training.outcome()).isEqualTo(Outcome.PASS);
        assertThat(serving.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(serving.findings()).singleElement().extracting(Finding::check)
                .isEqualTo("schema.unexpected_column(wind)");
    }

    @Test
    void anEmptyTableIsInconclusiveWithTheReasonUnlessTheRowCountIsRequired() {
        Table empty = WEATHER.filter(row -> false);
        DataGate statistics = DataGate.builder("stats").clock(CLOCK)
                .expect(Constraints.completeness("wind"), Constraints.meanBetween("wind", 0, 10)).build();

        Verdict verdict = statistics.evaluate(empty);

        assertThat(verdict.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(verdict.findings()).extracting(Finding::message).containsExactly(
                "Table 'weather.csv' has no rows, so completeness(wind) cannot be judged",
                "Table 'weather.csv' has no rows; its mean is undefined");
        assertThat(weatherGate().build().evaluate(empty).outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void anAllNullColumnIsInconclusiveForStatisticsAndNoFindingHoldsNan() {
        Table allNull = Table.of("t", DoubleColumn.builder("wind").addNull().addNull().addNull().build());
        DataGate gate = DataGate.builder("g").clock(CLOCK).expect(Constraints.meanBetween("wind", 0, 10),
                Constraints.quantileBetween("wind", 0.5, 0, 10), Constraints.range("wind", 0, 10)).build();

        Verdict verdict = gate.evaluate(allNull);

        assertThat(verdict.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(verdict.findings()).allSatisfy(f -> {
            assertThat(f.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
            assertThat(f.observed()).isNull();
            assertThat(f.message()).contains("all 3 rows are null");
        });
        assertThat(Json.write(verdict)).doesNotContain("NaN");
    }

    @Test
    void nanAndInfinityFailWithoutNanInTheVerdict() {
        Table odd = Table.of("odd", DoubleColumn.of("wind", 1, Double.NaN, Double.POSITIVE_INFINITY));
        DataGate gate = DataGate.builder("g").clock(CLOCK).expect(Constraints.range("wind", 0, 10),
                Constraints.meanBetween("wind", 0, 10), Constraints.quantileBetween("wind", 1.0, 0, 10)).build();

        Verdict verdict = gate.evaluate(odd);

        assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(verdict.findings()).allSatisfy(f -> assertThat(f.outcome()).isEqualTo(Outcome.FAIL));
        assertThat(Json.write(verdict)).doesNotContain("NaN\"").doesNotContain(":NaN").doesNotContain("Infinity,");
    }

    @Test
    void aPredicateThatThrowsIsAFailThatNamesTheException() {
        DataGate gate = DataGate.builder("g").clock(CLOCK)
                .expect(Constraints.satisfies("weather", "be short", v -> ((Double) v) < 3)).build();

        Verdict verdict = gate.evaluate(WEATHER);

        assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(verdict.findings().get(0).message()).startsWith("Constraint 'satisfies(weather)' could not be"
                + " evaluated on table 'weather.csv': java.lang.ClassCastException");
    }

    @Test
    void theBuilderNamesItsMistakes() {
        assertThatThrownBy(() -> DataGate.builder(" ")).hasMessage("DataGate name must not be blank");
        assertThatThrownBy(() -> DataGate.builder("g").build())
                .hasMessage("DataGate 'g' needs a schema or at least one constraint");
        assertThat(weatherGate().build().name()).isEqualTo("weather-input");
        assertThat(weatherGate().build().constraints()).hasSize(6);
    }

    @Test
    void theVerdictIsMachineReadable() {
        Verdict verdict = weatherGate().build().evaluate(WEATHER);

        assertThat(Json.read(Json.write(verdict), Verdict.class)).isEqualTo(verdict);
    }
}
