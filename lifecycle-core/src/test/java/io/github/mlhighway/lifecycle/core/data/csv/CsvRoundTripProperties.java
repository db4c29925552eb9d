package io.github.mlhighway.lifecycle.core.data.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.data.ColumnType;
import io.github.mlhighway.lifecycle.core.data.DoubleColumn;
import io.github.mlhighway.lifecycle.core.data.LongColumn;
import io.github.mlhighway.lifecycle.core.data.Table;
import java.io.StringReader;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class CsvRoundTripProperties {

    @Property
    void longsAndDoublesWrittenAsTextReadBackExactly(@ForAll @Size(min = 1, max = 50) List<Long> longs,
            @ForAll @Size(min = 1, max = 50) List<Double> doubles) {
        int rows = Math.min(longs.size(), doubles.size());
        StringBuilder csv = new StringBuilder("n,x\n");
        for (int i = 0; i < rows; i++) {
            csv.append(longs.get(i)).append(',').append(doubles.get(i)).append('\n');
        }

        Table table = CsvTables.read(new StringReader(csv.toString()), "p.csv",
                CsvOptions.builder().columnType("x", ColumnType.DOUBLE).build());

        assertThat(table.column("n").type()).isEqualTo(ColumnType.LONG);
        assertThat(((LongColumn) table.column("n")).nonNullValues())
                .containsExactly(longs.subList(0, rows).stream().mapToLong(Long::longValue).toArray());
        assertThat(((DoubleColumn) table.column("x")).nonNullValues())
                .containsExactly(doubles.subList(0, rows).stream().mapToDouble(Double::doubleValue).toArray());
    }
}
