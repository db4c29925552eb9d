package io.github.mlhighway.lifecycle.core.data.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.core.data.ColumnType;
import io.github.mlhighway.lifecycle.core.data.DoubleColumn;
import io.github.mlhighway.lifecycle.core.data.LongColumn;
import io.github.mlhighway.lifecycle.core.data.StringColumn;
import io.github.mlhighway.lifecycle.core.data.Table;
import io.github.mlhighway.lifecycle.core.data.TimestampColumn;
import io.github.mlhighway.lifecycle.core.data.schema.ColumnSchema;
import io.github.mlhighway.lifecycle.core.data.schema.Schema;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTablesTest {

    private static Table csv(String text) {
        return CsvTables.read(new StringReader(text), "test.csv", CsvOptions.defaults());
    }

    private static Table csv(String text, CsvOptions options) {
        return CsvTables.read(new StringReader(text), "test.csv", options);
    }

    static Path weatherFile() {
        try {
            return Path.of(CsvTablesTest.class.getResource("/data/weather.csv").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aByteOrderMarkBeforeTheHeaderIsNotPartOfTheFirstColumnName(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("excel.csv");
        java.nio.file.Files.writeString(file, "\uFEFFa,b\n1,x\n");

        Table table = CsvTables.read(file);

        assertThat(table.columnNames()).containsExactly("a", "b");
        assertThat(csv("\uFEFFa\n1\n").columnNames()).containsExactly("a");
    }

    @Test
    void theWeatherFileReadsWithInferredTypes() {
        Table weather = CsvTables.read(weatherFile());

        assertThat(weather.name()).isEqualTo("weather.csv");
        assertThat(weather.rowCount()).isEqualTo(2922);
        assertThat(weather.columnNames())
                .containsExactly("location", "date", "precipitation", "temp_max", "temp_min", "wind", "weather");
        assertThat(weather.columns()).extracting(c -> c.type()).containsExactly(ColumnType.STRING,
                ColumnType.TIMESTAMP, ColumnType.DOUBLE, ColumnType.DOUBLE, ColumnType.DOUBLE, ColumnType.DOUBLE,
                ColumnType.STRING);
        assertThat(weather.column("date").get(0)).isEqualTo(Instant.parse("2012-01-01T00:00:00Z"));
        assertThat(((DoubleColumn) weather.column("wind")).getDouble(0)).isEqualTo(4.7);
        assertThat(weather.where("location", "New York"::equals).rowCount()).isEqualTo(1461);
    }

    @Test
    void aFileAndAReaderGiveTheSameTable() throws Exception {
        Table fromFile = CsvTables.read(weatherFile());
        Table fromReader;
        try (var reader = Files.newBufferedReader(weatherFile())) {
            fromReader = CsvTables.read(reader, "weather.csv", CsvOptions.defaults());
        }

        assertThat(fromReader.columns()).extracting(c -> c.type())
                .containsExactlyElementsOf(fromFile.columns().stream().map(c -> c.type()).toList());
        for (String name : fromFile.columnNames()) {
            for (int row = 0; row < fromFile.rowCount(); row += 97) {
                assertThat(fromReader.column(name).get(row)).isEqualTo(fromFile.column(name).get(row));
            }
        }
    }

    @Test
    void typesAreInferredNarrowestFirst() {
        Table table = csv("""
                id,score,flag,when,label
                1,0.5,true,2012-01-01T10:00:00Z,a
                2,NaN,FALSE,2012-01-02,b
                3,-Infinity,true,2012-01-03T00:00:00+01:00,7
                4,Infinity,false,2012-01-04T12:30:00,c
                """);

        assertThat(table.columns()).extracting(c -> c.type()).containsExactly(ColumnType.LONG, ColumnType.DOUBLE,
                ColumnType.BOOLEAN, ColumnType.TIMESTAMP, ColumnType.STRING);
        assertThat(((DoubleColumn) table.column("score")).nonNullValues())
                .containsExactly(0.5, Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        assertThat(((TimestampColumn) table.column("when")).nonNullValues()).containsExactly(
                Instant.parse("2012-01-01T10:00:00Z").toEpochMilli(),
                Instant.parse("2012-01-02T00:00:00Z").toEpochMilli(),
                Instant.parse("2012-01-02T23:00:00Z").toEpochMilli(),
                Instant.parse("2012-01-04T12:30:00Z").toEpochMilli());
        assertThat(((StringColumn) table.column("label")).getString(2)).isEqualTo("7");
    }

    @Test
    void textThatOnlyLooksNumericStaysText() {
        Table table = csv("""
                code,amount
                007,1d
                08,0x10
                """);

        assertThat(table.column("code").type()).isEqualTo(ColumnType.LONG);
        assertThat(table.column("amount").type()).isEqualTo(ColumnType.STRING);
        assertThat(table.column("amount").get(0)).isEqualTo("1d");
    }

    @Test
    void emptyCellsAndNullTokensAreNulls() {
        Table table = csv("""
                a,b,c
                1,,x
                NA,2.5,null
                3,4,
                """);

        assertThat(table.column("a").type()).isEqualTo(ColumnType.LONG);
        assertThat(table.column("a").isNull(1)).isTrue();
        assertThat(table.column("b").type()).isEqualTo(ColumnType.DOUBLE);
        assertThat(table.column("b").nullCount()).isEqualTo(1);
        assertThat(table.column("c").nullCount()).isEqualTo(2);
    }

    @Test
    void nullTokensSeparatorAndTrimmingAreConfigurable() {
        CsvOptions options = CsvOptions.builder().separator(';').nullTokens("-").trimValues(true).build();

        Table table = csv("a ; b\n 1 ; - \n2;x\n", options);

        assertThat(table.columnNames()).containsExactly("a", "b");
        assertThat(((LongColumn) table.column("a")).nonNullValues()).containsExactly(1, 2);
        assertThat(table.column("b").get(0)).isNull();
        assertThat(table.column("b").get(1)).isEqualTo("x");
    }

    @Test
    void aColumnWithoutAnyValueIsStringAndAHeaderOnlyFileHasNoRows() {
        Table table = csv("a,b\n1,\n2,\n");
        Table headerOnly = csv("a,b\n");

        assertThat(table.column("b").type()).isEqualTo(ColumnType.STRING);
        assertThat(table.column("b").nullCount()).isEqualTo(2);
        assertThat(headerOnly.rowCount()).isZero();
        assertThat(headerOnly.columnNames()).containsExactly("a", "b");
    }

    @Test
    void quotedFieldsMayHoldSeparatorsAndLineBreaks() {
        Table table = csv("name,note\n\"Smith, J\",\"two\nlines\"\nDoe,plain\n");

        assertThat(table.rowCount()).isEqualTo(2);
        assertThat(table.column("name").get(0)).isEqualTo("Smith, J");
        assertThat(table.column("note").get(0)).isEqualTo("two\nlines");
    }

    @Test
    void blankLinesAreSkippedWhenThereAreSeveralColumns() {
        assertThat(csv("a,b\n1,2\n\n3,4\n").rowCount()).isEqualTo(2);
        assertThat(csv("a\n1\n\n3\n").column("a").nullCount()).isEqualTo(1);
    }

    @Test
    void aSchemaDecidesTheTypes() {
        Schema schema = Schema.of(ColumnSchema.of("a", ColumnType.DOUBLE), ColumnSchema.of("b", ColumnType.STRING));

        Table table = csv("a,b,c\n1,2,3\n", CsvOptions.builder().schema(schema).build());

        assertThat(table.columns()).extracting(c -> c.type())
                .containsExactly(ColumnType.DOUBLE, ColumnType.STRING, ColumnType.LONG);
    }

    @Test
    void aValueThatDoesNotFitTheSchemaNamesSourceLineAndColumn() {
        Schema schema = Schema.of(ColumnSchema.of("wind", ColumnType.DOUBLE));

        assertThatThrownBy(() -> csv("day,wind\n1,4.5\n2,calm\n", CsvOptions.builder().schema(schema).build()))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("test.csv, line 3, column 'wind': 'calm' is not a DOUBLE (a decimal number, NaN,"
                        + " Infinity or -Infinity)")
                .satisfies(e -> {
                    CsvFormatException error = (CsvFormatException) e;
                    assertThat(error.line()).isEqualTo(3);
                    assertThat(error.column()).isEqualTo("wind");
                    assertThat(error.source()).isEqualTo("test.csv");
                });
    }

    @Test
    void aLineWithTheWrongNumberOfFieldsIsNamed() {
        assertThatThrownBy(() -> csv("a,b\n1,2\n3,4,5\n")).isInstanceOf(CsvFormatException.class)
                .hasMessage("test.csv, line 3: the line has 3 fields but the header has 2");
        assertThatThrownBy(() -> csv("a,b\n1,2\n3\n")).hasMessageContaining("line 3: the line has 1 fields");
    }

    @Test
    void anUnbalancedQuoteIsNamedWithTheLineWhereTheRecordStarts() {
        assertThatThrownBy(() -> csv("a,b\n1,2\n3,\"4\n5,6\n")).isInstanceOf(CsvFormatException.class)
                .hasMessageStartingWith("test.csv, line 3: malformed CSV record: Missing closing quote");
        assertThatThrownBy(() -> csv("a,b\n1,\"2\"x\n")).isInstanceOf(CsvFormatException.class)
                .hasMessageStartingWith("test.csv, line 2: malformed CSV record: Unexpected character");
    }

    @Test
    void headerMistakesAreNamed() {
        assertThatThrownBy(() -> csv("")).isInstanceOf(CsvFormatException.class)
                .hasMessage("test.csv: the file is empty: a header row is required");
        assertThatThrownBy(() -> csv("a,,c\n1,2,3\n"))
                .hasMessage("test.csv, line 1: the header of column 2 is empty");
        assertThatThrownBy(() -> csv("a,b,a\n1,2,3\n"))
                .hasMessage("test.csv, line 1, column 'a': the header repeats the name of column 1 in column 3");
        assertThatThrownBy(() -> csv("a," + "b".repeat(300) + "\n1,2\n"))
                .hasMessageStartingWith("test.csv, line 1: the header of column 2 is not a valid column name");
    }

    @Test
    void aFileIsReadTheSameWayAndErrorsNameTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "x,y\n1,2\n1,2,3\n");
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "");

        assertThatThrownBy(() -> CsvTables.read(file)).hasMessageStartingWith("bad.csv, line 3:");
        assertThatThrownBy(() -> CsvTables.read(empty)).hasMessageStartingWith("empty.csv: the file is empty");
        assertThatThrownBy(() -> CsvTables.read(dir.resolve("missing.csv")))
                .hasMessageContaining("missing.csv");
    }

    @Test
    void aBadSeparatorIsRejectedAtOnce() {
        assertThatThrownBy(() -> CsvOptions.builder().separator('"')).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("separator");
    }
}
