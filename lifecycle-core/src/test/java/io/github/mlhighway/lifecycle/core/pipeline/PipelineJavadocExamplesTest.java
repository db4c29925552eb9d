package io.github.mlhighway.lifecycle.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mlhighway.lifecycle.core.JavadocExamples;
import io.github.mlhighway.lifecycle.core.data.DoubleColumn;
import io.github.mlhighway.lifecycle.core.data.StringColumn;
import io.github.mlhighway.lifecycle.core.data.Table;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The JSON shown in {@link TableCodec}'s javadoc is what the codec writes, and reads back. */
class PipelineJavadocExamplesTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final Table weather = Table.of("weather", DoubleColumn.of("temp", 1.5, Double.NaN),
            StringColumn.of("city", "Seattle", null));

    @Test
    void theTableCodecExampleIsWhatTheCodecWrites() throws IOException {
        String shown = JavadocExamples.example(JavadocExamples.source(TableCodec.class), 1);

        assertThat(mapper.readTree(new TableCodec().encode(weather))).isEqualTo(mapper.readTree(shown));
    }

    @Test
    void theTableCodecExampleReadsBackAsTheTable() throws IOException {
        String shown = JavadocExamples.example(JavadocExamples.source(TableCodec.class), 1);

        Table read = new TableCodec().decode(shown.getBytes(StandardCharsets.UTF_8));

        assertThat(read.name()).isEqualTo("weather");
        assertThat(read.column("temp").get(0)).isEqualTo(1.5);
        assertThat((Double) read.column("temp").get(1)).isNaN();
        assertThat(read.column("city").isNull(1)).isTrue();
    }
}
