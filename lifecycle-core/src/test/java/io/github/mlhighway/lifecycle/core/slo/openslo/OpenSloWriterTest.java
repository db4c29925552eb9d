package io.github.mlhighway.lifecycle.core.slo.openslo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OpenSloWriterTest {

    private final OpenSloReader reader = new OpenSloReader();
    private final OpenSloWriter writer = new OpenSloWriter();

    @Test
    void everyFixtureReadsBackToAnEqualModelAfterWriting() {
        for (String fixture : List.of("checkout-refs.yaml", "latency-inline.yaml", "infeasible-alert.yaml")) {
            OpenSloFile read = OpenSloConverterTest.fixture(fixture);

            String written = writer.write(read.documents());

            assertThat(reader.read(written, "written").documents()).as(fixture).isEqualTo(read.documents());
        }
    }

    @Test
    void aModelBuiltInCodeWritesAsOpenSloYaml() {
        String yaml = writer.write(OpenSloConverterTest.minimalSlo());

        assertThat(yaml).startsWith("---\napiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: minimal\n")
                .contains("  timeWindow:\n  - duration: 30d\n    isRolling: true\n")
                .contains("query: \"sum(rate(ok[{{.window}}]))\"");
        assertThat(reader.read(yaml, "code").documents()).containsExactly(OpenSloConverterTest.minimalSlo());
    }

    @Test
    void aV1alphaDocumentKeepsItsTimeWindowsForm() {
        OpenSloFile alpha = reader.read("""
                apiVersion: openslo/v1alpha
                kind: SLO
                metadata:
                  name: alpha
                spec:
                  budgetingMethod: Occurrences
                  objectives:
                    - ratioMetrics:
                        good: {source: prometheus, queryType: promql, query: good}
                        total: {source: prometheus, queryType: promql, query: total}
                      target: 0.99
                  timeWindows:
                    - count: 7
                      unit: Day
                """, "alpha.yaml");

        String written = writer.write(alpha.documents());

        assertThat(written).contains("timeWindows:\n  - count: 7\n    unit: Day");
        assertThat(reader.read(written, "written").documents()).isEqualTo(alpha.documents());
    }
}
