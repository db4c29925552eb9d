package io.github.mlhighway.lifecycle.testkit.assertions;

import static io.github.mlhighway.lifecycle.testkit.assertions.LifecycleAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.core.data.drift.ColumnDrift;
import io.github.mlhighway.lifecycle.core.data.drift.Correction;
import io.github.mlhighway.lifecycle.core.data.drift.DriftReport;
import io.github.mlhighway.lifecycle.core.data.drift.DriftStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriftReportAssertTest {

    private static ColumnDrift column(String name, double effect, DriftStatus status) {
        return new ColumnDrift(name, "wasserstein", effect, null, effect, "wasserstein_over_std", 0.1, 0.05, "ks",
                status == DriftStatus.DRIFTED ? 0.0001 : 0.4, status == DriftStatus.DRIFTED ? 0.0002 : 0.4, false,
                status, name + " " + status);
    }

    private static DriftReport report(boolean temperatureDrifted) {
        DriftStatus temperature = temperatureDrifted ? DriftStatus.DRIFTED : DriftStatus.NO_DRIFT;
        return new DriftReport(List.of(column("temperature", temperatureDrifted ? 0.31 : 0.02, temperature),
                column("humidity", 0.02, DriftStatus.NO_DRIFT),
                new ColumnDrift("station", null, null, null, null, null, null, null, null, null, null, false,
                        DriftStatus.INCONCLUSIVE, "no values in the current data")),
                2, temperatureDrifted ? 1 : 0, temperatureDrifted ? 0.5 : 0.0, 0.5, Correction.BENJAMINI_HOCHBERG,
                0.05, temperature, temperatureDrifted ? "1 of 2 tested columns drifted" : "no column drifted");
    }

    @Test
    void aDriftedReportNamesItsDriftedColumn() {
        assertThat(report(true)).drifted().columnDrifted("temperature").columnNotDrifted("humidity");
    }

    @Test
    void aQuietReportDidNotDrift() {
        assertThat(report(false)).notDrifted().columnNotDrifted("temperature");
    }

    @Test
    void expectingDriftFromAQuietReportShowsTheDriftTable() {
        assertThatThrownBy(() -> assertThat(report(false)).drifted())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected the data set to have drifted, but it was NO_DRIFT")
                .hasMessageContaining("column")
                .hasMessageContaining("effect")
                .hasMessageMatching("(?s).*temperature\\s+wasserstein.*NO_DRIFT.*")
                .hasMessageContaining("no column drifted");
    }

    @Test
    void aColumnThatDidNotDriftIsReportedWithTheTable() {
        assertThatThrownBy(() -> assertThat(report(true)).columnDrifted("humidity"))
                .hasMessageContaining("Expected column 'humidity' to have drifted, but it was NO_DRIFT")
                .hasMessageMatching("(?s).*temperature\\s+wasserstein.*DRIFTED.*");
    }

    @Test
    void aDriftedColumnFailsNotDrifted() {
        assertThatThrownBy(() -> assertThat(report(true)).columnNotDrifted("temperature"))
                .hasMessageContaining("Expected column 'temperature' not to have drifted, but it was DRIFTED");
    }

    @Test
    void anInconclusiveColumnIsNotEvidenceOfNoDrift() {
        assertThatThrownBy(() -> assertThat(report(false)).columnNotDrifted("station"))
                .hasMessageContaining("but it was INCONCLUSIVE (no values in the current data)");
    }

    @Test
    void anUnknownColumnIsReported() {
        assertThatThrownBy(() -> assertThat(report(true)).columnDrifted("pressure"))
                .hasMessageContaining("to have a column 'pressure', but it has none")
                .hasMessageContaining("humidity");
    }
}
