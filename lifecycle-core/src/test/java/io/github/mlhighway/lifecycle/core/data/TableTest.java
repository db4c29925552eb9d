package io.github.mlhighway.lifecycle.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TableTest {

    private final Table weather = Table.of("weather",
            StringColumn.of("location", "Seattle", "New York", null, "Seattle"),
            DoubleColumn.builder("wind").add(4.7).addNull().add(Double.NaN).add(2.0).build(),
            LongColumn.of("day", 1, 2, 3, 4),
            BooleanColumn.of("rain", true, false, false, true),
            TimestampColumn.of("date", 0L, 86_400_000L, 172_800_000L, 259_200_000L));

    @Test
    void columnsKeepTheirValuesNullsAndTypes() {
        DoubleColumn wind = (DoubleColumn) weather.column("wind");

        assertThat(weather.rowCount()).isEqualTo(4);
        assertThat(weather.columnNames()).containsExactly("location", "wind", "day", "rain", "date");
        assertThat(wind.nullCount()).isEqualTo(1);
        assertThat(wind.get(1)).isNull();
        assertThat(wind.nonNullValues()).containsExactly(4.7, Double.NaN, 2.0);
        assertThat(weather.column("location").nullCount()).isEqualTo(1);
        assertThat(weather.column("date").get(1)).isEqualTo(Instant.parse("1970-01-02T00:00:00Z"));
        assertThat(weather.column("rain").type()).isEqualTo(ColumnType.BOOLEAN);
    }

    @Test
    void whereKeepsTheMatchingRowsOfEveryColumn() {
        Table seattle = weather.where("location", "Seattle"::equals);

        assertThat(seattle.rowCount()).isEqualTo(2);
        assertThat(((LongColumn) seattle.column("day")).getLong(1)).isEqualTo(4);
        assertThat(seattle.column("wind").isNull(0)).isFalse();
    }

    @Test
    void selectAndDropShapeTheColumns() {
        assertThat(weather.select("wind", "day").columnNames()).containsExactly("wind", "day");
        assertThat(weather.drop("location", "nope").columnNames()).containsExactly("wind", "day", "rain", "date");
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> weather.column("temp")).hasMessageContaining("no column 'temp'")
                .hasMessageContaining("[location, wind, day, rain, date]");
        assertThatThrownBy(() -> Table.of("t", DoubleColumn.of("a", 1), DoubleColumn.of("b", 1, 2)))
                .hasMessageContaining("'b' has 2 rows");
        assertThatThrownBy(() -> Table.of("t", DoubleColumn.of("a", 1), LongColumn.of("a", 1)))
                .hasMessageContaining("two columns named 'a'");
        assertThatThrownBy(() -> weather.column("day").isNull(4)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("'day'");
        assertThatThrownBy(() -> DoubleColumn.of(" ", 1.0)).hasMessageContaining("Invalid column name");
    }

    @Test
    void anEmptyTableHasNoRows() {
        assertThat(Table.of("empty").rowCount()).isZero();
        assertThat(weather.filter(row -> false).rowCount()).isZero();
    }
}
