package io.github.mlhighway.lifecycle.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.data.Column;
import io.github.mlhighway.lifecycle.core.data.DoubleColumn;
import io.github.mlhighway.lifecycle.core.data.StringColumn;
import io.github.mlhighway.lifecycle.core.data.Table;
import io.github.mlhighway.lifecycle.core.pipeline.Codecs;
import io.github.mlhighway.lifecycle.pipeline.Codec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;

/** The built-in codecs keep the Codec contract. */
class BuiltInCodecContractTest {

    /** A record of the kind stages pass on. */
    record Forecast(String city, double probability, List<Integer> hours, Map<String, String> labels) {
    }

    static final List<Forecast> FORECASTS = List.of(
            new Forecast("zürich", 0.3, List.of(1, 2, 3), Map.of("b", "2", "a", "1", "c", "3")),
            new Forecast("", -0.0, List.of(), Map.of()),
            new Forecast("東京 \"quoted\" \\ \n", Double.MIN_VALUE, List.of(Integer.MAX_VALUE), Map.of("k", "")),
            new Forecast("zürich", 0.30000000000000004, List.of(1, 2, 3), Map.of("a", "1")));

    @Nested
    class JsonRecords extends CodecContract<Forecast> {
        @Override
        protected Codec<Forecast> newCodec() {
            return Codecs.json(Forecast.class);
        }

        @Override
        protected List<Forecast> samples() {
            return FORECASTS;
        }

        @Override
        protected List<byte[]> undecodable() {
            return List.of("{\"city\":".getBytes(StandardCharsets.UTF_8), "[1,2]".getBytes(StandardCharsets.UTF_8),
                    new byte[] {(byte) 0xff, 0x00});
        }
    }

    @Nested
    class Utf8Text extends CodecContract<String> {
        @Override
        protected Codec<String> newCodec() {
            return Codecs.utf8();
        }

        @Override
        protected List<String> samples() {
            return List.of("", "rain", "Zürich 東京 \ud83c\udf27", "line\nbreak\u0000nul");
        }
    }

    @Nested
    class Bytes extends CodecContract<byte[]> {
        @Override
        protected Codec<byte[]> newCodec() {
            return Codecs.bytes();
        }

        @Override
        protected List<byte[]> samples() {
            return List.of(new byte[0], new byte[] {0}, new byte[] {(byte) 0xff, 1, 2}, new byte[4096]);
        }
    }

    @Nested
    class Tables extends CodecContract<Table> {
        @Override
        protected Codec<Table> newCodec() {
            return Codecs.table();
        }

        @Override
        protected List<Table> samples() {
            return List.of(Table.of("empty"),
                    Table.of("weather", DoubleColumn.of("rain", 0.1, Double.NaN, Double.NEGATIVE_INFINITY, -0.0),
                            StringColumn.of("city", "zürich", "", "東京", "x")),
                    Table.of("weather", DoubleColumn.of("rain", 0.1, 0.2)));
        }

        @Override
        protected void assertEquivalent(Table decoded, Table original) {
            assertThat(decoded.name()).isEqualTo(original.name());
            assertThat(decoded.columnNames()).isEqualTo(original.columnNames());
            assertThat(decoded.rowCount()).isEqualTo(original.rowCount());
            for (Column column : original.columns()) {
                Column copy = decoded.column(column.name());
                assertThat(copy.type()).isEqualTo(column.type());
                for (int row = 0; row < column.size(); row++) {
                    assertThat(copy.get(row)).as("%s row %d", column.name(), row).isEqualTo(column.get(row));
                }
            }
        }
    }
}
