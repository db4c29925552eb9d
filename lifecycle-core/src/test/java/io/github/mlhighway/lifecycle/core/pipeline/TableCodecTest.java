package io.github.mlhighway.lifecycle.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.core.data.BooleanColumn;
import io.github.mlhighway.lifecycle.core.data.Column;
import io.github.mlhighway.lifecycle.core.data.DoubleColumn;
import io.github.mlhighway.lifecycle.core.data.LongColumn;
import io.github.mlhighway.lifecycle.core.data.StringColumn;
import io.github.mlhighway.lifecycle.core.data.Table;
import io.github.mlhighway.lifecycle.core.data.TimestampColumn;
import io.github.mlhighway.lifecycle.pipeline.Codec;
import io.github.mlhighway.lifecycle.pipeline.Stage;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Tables are checkpointed as versioned JSON columns and read back value for value, nulls and NaN included. */
class TableCodecTest {

    private final Codec<Table> codec = Codecs.table();

    private static Table everyType() {
        return Table.of("weather",
                DoubleColumn.builder("temp").add(1.5).addNull().add(Double.NaN).add(Double.POSITIVE_INFINITY)
                        .add(Double.NEGATIVE_INFINITY).add(-0.0).add(0.1 + 0.2).add(Double.MIN_VALUE).build(),
                LongColumn.builder("count").add(Long.MAX_VALUE).add(Long.MIN_VALUE).addNull().add(0).add(-1)
                        .add(7).add(42).add(1L << 53 + 1).build(),
                BooleanColumn.builder("rain").add(true).add(false).addNull().add(true).add(true).add(false)
                        .addNull().add(false).build(),
                StringColumn.builder("city").add("Seattle").addNull().add("").add("NaN").add("null")
                        .add("Zürich \"quoted\"").add("a,b\nc").add("Tōkyō").build(),
                TimestampColumn.builder("day").add(0).add(1_700_000_000_000L).addNull().add(-86_400_000L)
                        .add(1).add(2).add(3).add(Long.MAX_VALUE).build());
    }

    private static void assertSameValues(Table actual, Table expected) {
        assertThat(actual.name()).isEqualTo(expected.name());
        assertThat(actual.rowCount()).isEqualTo(expected.rowCount());
        assertThat(actual.columnNames()).isEqualTo(expected.columnNames());
        for (Column column : expected.columns()) {
            Column read = actual.column(column.name());
            assertThat(read.type()).isEqualTo(column.type());
            for (int row = 0; row < column.size(); row++) {
                assertThat(read.isNull(row)).as("%s[%d] null", column.name(), row).isEqualTo(column.isNull(row));
                if (column instanceof DoubleColumn doubles && !column.isNull(row)) {
                    assertThat(Double.doubleToRawLongBits(((DoubleColumn) read).getDouble(row)))
                            .as("%s[%d] bits", column.name(), row)
                            .isEqualTo(Double.doubleToRawLongBits(doubles.getDouble(row)));
                } else {
                    assertThat(read.get(row)).as("%s[%d]", column.name(), row).isEqualTo(column.get(row));
                }
            }
        }
    }

    @Test
    void everyColumnTypeNullsNaNAndInfinitiesSurviveARoundTrip() throws Exception {
        Table table = everyType();

        byte[] bytes = codec.encode(table);
        Table read = codec.decode(bytes);

        assertSameValues(read, table);
        assertThat(codec.encode(read)).as("deterministic: decoded and encoded again, the same bytes")
                .isEqualTo(bytes);
        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .startsWith("{\"format\":\"lifecycle.table\",\"version\":1,\"name\":\"weather\",\"rows\":8,")
                .contains("{\"name\":\"temp\",\"type\":\"DOUBLE\",\"values\":[1.5,null,\"NaN\",\"Infinity\","
                        + "\"-Infinity\",-0.0,");
    }

    @Test
    void anEmptyTableAndATableWithoutRowsRoundTrip() throws Exception {
        Table noColumns = Table.of("empty");
        Table noRows = Table.of("no-rows", DoubleColumn.of("x"), StringColumn.of("y"));

        assertSameValues(codec.decode(codec.encode(noColumns)), noColumns);
        assertSameValues(codec.decode(codec.encode(noRows)), noRows);
    }

    @Test
    void aNewerVersionOrAnotherFormatIsRefused() {
        assertThatThrownBy(() -> codec.decode(("{\"format\":\"lifecycle.table\",\"version\":2,\"name\":\"t\","
                + "\"rows\":0,\"columns\":[]}").getBytes(StandardCharsets.UTF_8)))
                .hasMessage("Table document 't' has version 2; this codec reads version 1 only");
        assertThatThrownBy(() -> codec.decode("{\"rows\":[]}".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("Not a table document: format is '', expected 'lifecycle.table'");
        assertThatThrownBy(() -> codec.decode(("{\"format\":\"lifecycle.table\",\"version\":1,\"name\":\"t\","
                + "\"rows\":1,\"columns\":[{\"name\":\"n\",\"type\":\"LONG\",\"values\":[1.5]}]}")
                .getBytes(StandardCharsets.UTF_8)))
                .hasMessage("Column 'n' of table 't' holds 1.5 where a whole number was expected");
    }

    @Test
    void aPipelineCheckpointsATableStageWithoutBeingToldHowAndResumesFromIt() {
        PipelineFixture fixture = new PipelineFixture();
        AtomicBoolean failOnce = new AtomicBoolean(true);
        Pipeline<String, Integer> pipeline = Pipeline.start("tables", String.class)
                .then("load", Table.class, Stage.of(path -> everyType()))
                .then("count", Integer.class, (table, context) -> {
                    if (failOnce.getAndSet(false)) {
                        throw new IllegalStateException("interrupted");
                    }
                    assertSameValues(table, everyType());
                    return table.column("temp").nullCount();
                })
                .build();

        fixture.runner().run(pipeline, "r1", "weather.csv");
        RunResult<Integer> resumed = fixture.runner().run(pipeline, "r1", "weather.csv");

        assertThat(resumed.outputOrThrow()).isEqualTo(1);
        assertThat(resumed.record().stage("load").orElseThrow().codec()).isEqualTo("table-v1");
    }
}
