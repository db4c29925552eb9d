package io.github.mlhighway.lifecycle.core.data.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.core.data.BooleanColumn;
import io.github.mlhighway.lifecycle.core.data.ColumnType;
import io.github.mlhighway.lifecycle.core.data.DoubleColumn;
import io.github.mlhighway.lifecycle.core.data.LongColumn;
import io.github.mlhighway.lifecycle.core.data.StringColumn;
import io.github.mlhighway.lifecycle.core.data.Table;
import io.github.mlhighway.lifecycle.core.data.csv.CsvTables;
import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.gate.Verdict;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaTest {

    private static final Instant NOW = Instant.parse("2024-05-01T00:00:00Z");

    private static Table weather() {
        try {
            return CsvTables.read(Path.of(SchemaTest.class.getResource("/data/weather.csv").toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private final Table training = Table.of("training",
            StringColumn.of("location", "Seattle", "Seattle", "Seattle"),
            DoubleColumn.of("wind", 4.7, 4.5, 2.3),
            BooleanColumn.of("rain_tomorrow", true, false, true));

    @Test
    void aSchemaIsInferredFromTheWeatherData() {
        Schema schema = Schema.infer(weather());

        assertThat(schema.columns()).extracting(ColumnSchema::name)
                .containsExactly("location", "date", "precipitation", "temp_max", "temp_min", "wind", "weather");
        assertThat(schema.column("wind").orElseThrow().type()).isEqualTo(ColumnType.DOUBLE);
        assertThat(schema.column("wind").orElseThrow().nullable()).isFalse();
        assertThat(schema.column("weather").orElseThrow().allowedValues())
                .containsExactly("drizzle", "fog", "rain", "snow", "sun");
        assertThat(schema.column("date").orElseThrow().allowedValues()).isEmpty();
        assertThat(schema.validate(weather()).isValid()).isTrue();
    }

    @Test
    void stringColumnsWithManyValuesGetNoAllowedValues() {
        Table table = Table.of("t", StringColumn.of("id", "a", "b", "c"));

        assertThat(Schema.infer(table, 2).column("id").orElseThrow().allowedValues()).isEmpty();
        assertThat(Schema.infer(table, 3).column("id").orElseThrow().allowedValues()).containsExactly("a", "b", "c");
        assertThat(Schema.infer(table, 0).column("id").orElseThrow().allowedValues()).isEmpty();
    }

    @Test
    void theSchemaSurvivesAJsonRoundTripWithItsFormatVersion() {
        Schema schema = Schema.infer(weather())
                .update("wind", c -> c.withRange(0, 40))
                .update("temp_min", c -> c.withMin(-40.0).withNullable(true))
                .with(ColumnSchema.of("rain_tomorrow", ColumnType.BOOLEAN).inEnvironments(Schema.TRAINING));

        String json = schema.toJson();

        assertThat(json).contains("\"formatVersion\" : 1");
        assertThat(Schema.fromJson(json)).isEqualTo(schema);
    }

    @Test
    void unreadableSchemaDocumentsAreRejectedWithTheReason() {
        assertThatThrownBy(() -> Schema.fromJson("{\"formatVersion\":2,\"columns\":[]}"))
                .isInstanceOf(SchemaFormatException.class).hasMessageContaining("formatVersion 2 is not supported");
        assertThatThrownBy(() -> Schema.fromJson("{\"columns\":[]}")).hasMessageContaining("no formatVersion");
        assertThatThrownBy(() -> Schema.fromJson("not json")).isInstanceOf(SchemaFormatException.class);
        assertThatThrownBy(() -> Schema.fromJson("{\"formatVersion\":1,\"columns\":[{\"name\":\"a\",\"type\":"
                + "\"STRING\",\"min\":1}]}")).isInstanceOf(SchemaFormatException.class)
                .hasMessageContaining("min and max apply only to DOUBLE, LONG and TIMESTAMP");
    }

    @Test
    void theLabelIsRequiredInTrainingAndMustBeAbsentWhenServing() {
        Schema schema = Schema.infer(training)
                .update("rain_tomorrow", c -> c.inEnvironments(Schema.TRAINING));
        Table serving = training.drop("rain_tomorrow");

        assertThat(schema.validate(training, Schema.TRAINING).isValid()).isTrue();
        assertThat(schema.validate(serving, Schema.SERVING).isValid()).isTrue();
        assertThat(schema.validate(serving, Schema.TRAINING).violations()).singleElement()
                .satisfies(v -> {
                    assertThat(v.kind()).isEqualTo(ViolationKind.MISSING_COLUMN);
                    assertThat(v.message()).isEqualTo("Column 'rain_tomorrow' (BOOLEAN) is missing in environment"
                            + " TRAINING");
                });
        assertThat(schema.validate(training, Schema.SERVING).violations()).singleElement()
                .satisfies(v -> assertThat(v.kind()).isEqualTo(ViolationKind.UNEXPECTED_COLUMN));
    }

    @Test
    void violationsAreCountedPerColumnWithUpToFiveExampleRows() {
        Schema schema = Schema.of(
                ColumnSchema.of("wind", ColumnType.DOUBLE).withRange(0, 10).withNullable(false),
                ColumnSchema.of("weather", ColumnType.STRING).withAllowedValues(List.of("sun", "rain")));
        Table table = Table.of("batch",
                DoubleColumn.builder("wind").add(-1).add(11).addNull().add(Double.NaN).add(12).add(13).add(14)
                        .add(15).add(16).add(Double.POSITIVE_INFINITY).build(),
                StringColumn.of("weather", "sun", "hail", "sun", "rain", null, "snow", "sun", "sun", "sun", "sun"));

        ValidationReport report = schema.validate(table);

        assertThat(report.violationsOf("wind")).extracting(SchemaViolation::kind, SchemaViolation::count)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ViolationKind.NULL_VALUE, 1L),
                        org.assertj.core.groups.Tuple.tuple(ViolationKind.NOT_A_NUMBER, 1L),
                        org.assertj.core.groups.Tuple.tuple(ViolationKind.BELOW_MIN, 1L),
                        org.assertj.core.groups.Tuple.tuple(ViolationKind.ABOVE_MAX, 7L));
        SchemaViolation aboveMax = report.violationsOf("wind").get(3);
        assertThat(aboveMax.exampleRows()).containsExactly(1, 4, 5, 6, 7);
        assertThat(aboveMax.message()).isEqualTo("Column 'wind': 7 of 10 rows are above the max 10.0, e.g. 11.0,"
                + " 12.0, 13.0, 14.0, 15.0 (rows [1, 4, 5, 6, 7], ...)");
        assertThat(report.violationsOf("weather")).singleElement().satisfies(v -> {
            assertThat(v.kind()).isEqualTo(ViolationKind.NOT_ALLOWED);
            assertThat(v.count()).isEqualTo(2);
            assertThat(v.exampleRows()).containsExactly(1, 5);
            assertThat(v.message()).contains("e.g. hail, snow");
        });
    }

    @Test
    void aMismatchedTableIsReportedColumnByColumnAndBecomesAFailingVerdict() {
        Schema schema = Schema.infer(training);
        Table other = Table.of("other",
                LongColumn.of("location", 1, 2),
                DoubleColumn.of("wind", 1, 2),
                StringColumn.of("station", "a", "b"));

        ValidationReport report = schema.validate(other);
        Verdict verdict = report.toVerdict("schema-gate", NOW);

        assertThat(report.violations()).extracting(SchemaViolation::column, SchemaViolation::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("location", ViolationKind.WRONG_TYPE),
                org.assertj.core.groups.Tuple.tuple("rain_tomorrow", ViolationKind.MISSING_COLUMN),
                org.assertj.core.groups.Tuple.tuple("station", ViolationKind.UNEXPECTED_COLUMN));
        assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(verdict.findings()).extracting(f -> f.check()).containsExactly("schema.wrong_type(location)",
                "schema.missing_column(rain_tomorrow)", "schema.unexpected_column(station)");
        assertThat(verdict.findings().get(0).observed()).isEqualTo(2.0);
        assertThat(verdict.findings().get(0).threshold()).isEqualTo(0.0);
        assertThat(report.describe()).contains("Column 'location': 2 of 2 rows hold LONG values where the schema"
                + " expects STRING");
    }

    @Test
    void aLongColumnFitsADoubleSchemaAndAnAllNullColumnFitsAnyType() {
        Schema schema = Schema.of(ColumnSchema.of("wind", ColumnType.DOUBLE), ColumnSchema.of("x", ColumnType.LONG));
        Table table = Table.of("t", LongColumn.of("wind", 3, 4),
                StringColumn.of("x", (String) null, null));

        assertThat(schema.validate(table).isValid()).isTrue();
        assertThat(schema.validate(table).toVerdict("g", NOW).outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void anEmptyTableWithTheRightColumnsIsValid() {
        Table empty = training.filter(row -> false);

        assertThat(Schema.infer(training).validate(empty).isValid()).isTrue();
        assertThat(Schema.infer(empty).column("wind").orElseThrow().nullable()).isTrue();
    }

    @Test
    void editingReturnsNewSchemasAndChecksArguments() {
        Schema schema = Schema.infer(training);

        assertThat(schema.without("wind").columns()).hasSize(2);
        assertThat(schema.columns()).hasSize(3);
        assertThat(schema.with(ColumnSchema.of("wind", ColumnType.LONG)).columns()).extracting(ColumnSchema::name)
                .containsExactly("location", "wind", "rain_tomorrow");
        assertThatThrownBy(() -> schema.update("nope", c -> c)).hasMessageContaining("no column 'nope'");
        assertThatThrownBy(() -> ColumnSchema.of("w", ColumnType.DOUBLE).withRange(5, 1))
                .hasMessage("Column 'w': min 5.0 is greater than max 1.0");
        assertThatThrownBy(() -> ColumnSchema.of("w", ColumnType.DOUBLE).withMin(Double.NaN))
                .hasMessageContaining("must not be NaN");
        assertThatThrownBy(() -> Schema.of(ColumnSchema.of("a", ColumnType.LONG),
                ColumnSchema.of("a", ColumnType.LONG))).hasMessageContaining("two columns named 'a'");
        assertThat(ColumnSchema.of("w", ColumnType.DOUBLE).withRange(0, 1).withType(ColumnType.STRING).min())
                .isNull();
    }
}
