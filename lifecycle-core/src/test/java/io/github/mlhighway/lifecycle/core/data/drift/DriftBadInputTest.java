package io.github.mlhighway.lifecycle.core.data.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.data.BooleanColumn;
import io.github.mlhighway.lifecycle.core.data.DoubleColumn;
import io.github.mlhighway.lifecycle.core.data.StringColumn;
import io.github.mlhighway.lifecycle.core.data.Table;
import io.github.mlhighway.lifecycle.core.data.profile.Profiles;
import io.github.mlhighway.lifecycle.core.json.Json;
import io.github.mlhighway.lifecycle.gate.Outcome;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DriftBadInputTest {

    @Test
    void valuesTooLargeForAFiniteVarianceMakeOnlyTheirColumnInconclusive() {
        Table reference = Table.of("ref", DoubleColumn.of("huge", 1e200, -1e200, 3, 4, 5, 6),
                DoubleColumn.of("fine", 1, 2, 3, 4, 5, 6));
        Table current = Table.of("cur", DoubleColumn.of("huge", 1e200, -1e200, 3, 4, 5, 7),
                DoubleColumn.of("fine", 1, 2, 3, 4, 5, 7));

        var fromTables = Drift.between(reference, current,
                DriftOptions.builder().smallReferenceRows(1).build()); // force Wasserstein/std
        var fromProfiles = Drift.between(Profiles.of(reference), Profiles.of(current),
                DriftOptions.builder().smallReferenceRows(1).build());

        for (var report : java.util.List.of(fromTables, fromProfiles)) {
            assertThat(report.column("huge").status()).isEqualTo(DriftStatus.INCONCLUSIVE);
            assertThat(report.column("huge").message()).contains("too large");
            assertThat(report.column("fine").status()).isNotEqualTo(DriftStatus.INCONCLUSIVE);
            assertThat(Json.write(report)).doesNotContain("NaN").doesNotContain("Infinity");
        }
        var profile = Profiles.of(reference).column("huge");
        assertThat(profile.momentsOverflow()).isTrue();
        assertThat(profile.moments()).isEmpty();
        assertThat(profile.quantile(0.5)).isPresent();
        assertThat(Profiles.of(reference).merge(Profiles.of(current)).column("huge").momentsOverflow()).isTrue();
    }

    @Test
    void aReferenceColumnMissingFromTheCurrentDataIsBrokenAndANewOneIsInconclusive() {
        Table reference = Table.of("r", DoubleColumn.of("a", 1, 2, 3), DoubleColumn.of("gone", 1, 2, 3));
        Table current = Table.of("c", DoubleColumn.of("a", 1, 2, 3), DoubleColumn.of("new", 1, 2, 3));

        DriftReport report = Drift.between(reference, current);

        assertThat(report.column("gone").broken()).isTrue();
        assertThat(report.column("gone").message()).contains("in the reference but not in the current data");
        assertThat(report.column("new").status()).isEqualTo(DriftStatus.INCONCLUSIVE);
        assertThat(report.column("new").message()).contains("only in the current data");
        assertThat(report.status()).isEqualTo(DriftStatus.DRIFTED);
    }

    @Test
    void aNumericColumnTurnedToTextIsBrokenAndFailsTheVerdict() {
        DriftReport report = Drift.between(Table.of("r", DoubleColumn.of("a", 1, 2)),
                Table.of("c", StringColumn.of("a", "x", "y")));

        assertThat(report.column("a").broken()).isTrue();
        assertThat(report.column("a").message()).contains("DOUBLE in the reference but STRING");
        assertThat(report.status()).isEqualTo(DriftStatus.DRIFTED);
        assertThat(report.toVerdict(Instant.EPOCH).outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void allNullNanOrEmptyColumnsAreInconclusiveNeverNaN() {
        Table reference = Table.of("r", DoubleColumn.of("nan", Double.NaN, Double.NaN),
                DoubleColumn.builder("nulls").addNull().addNull().build(), StringColumn.of("s", null, null));
        Table current = Table.of("c", DoubleColumn.of("nan", 1, 2), DoubleColumn.of("nulls", 1, 2),
                StringColumn.of("s", "a", "b"));

        for (DriftReport report : new DriftReport[] {Drift.between(reference, current),
            Drift.between(Profiles.of(reference), Profiles.of(current))}) {
            assertThat(report.columns()).allMatch(c -> c.status() == DriftStatus.INCONCLUSIVE);
            assertThat(report.column("nan").message()).contains("no finite values in the reference");
            assertThat(Json.write(report)).doesNotContain("NaN");
        }
    }

    @Test
    void emptyTablesGiveAnInconclusiveReport() {
        DriftReport report = Drift.between(Table.of("r"), Table.of("c"));

        assertThat(report.status()).isEqualTo(DriftStatus.INCONCLUSIVE);
        assertThat(report.message()).contains("No columns");
    }

    @Test
    void identicalDataDoesNotDriftAndAShiftedColumnDoes() {
        Random random = new Random(7);
        double[] a = new double[500];
        double[] b = new double[500];
        double[] c = new double[500];
        for (int i = 0; i < a.length; i++) {
            a[i] = random.nextGaussian();
            b[i] = random.nextGaussian();
            c[i] = random.nextGaussian() + 1;
        }
        Table reference = Table.of("r", DoubleColumn.of("x", a), DoubleColumn.of("y", a));
        Table current = Table.of("c", DoubleColumn.of("x", b), DoubleColumn.of("y", c));

        DriftReport report = Drift.between(reference, current);

        assertThat(report.column("x").test()).isEqualTo("ks");
        assertThat(report.column("x").drifted()).isFalse();
        assertThat(report.column("y").drifted()).isTrue();
        assertThat(report.column("y").message()).contains("drifted").contains("ks_statistic");
        assertThat(report.driftedShare()).isEqualTo(0.5);
        assertThat(report.drifted()).isTrue();
    }

    @Test
    void defaultSelectionFollowsTheDesign() {
        Random random = new Random(1);
        double[] small = random.doubles(200).toArray();
        double[] large = random.doubles(5_000).toArray();
        boolean[] flags = new boolean[200];
        String[] kinds = new String[200];
        double[] discrete = new double[200];
        for (int i = 0; i < 200; i++) {
            flags[i] = i % 3 == 0;
            kinds[i] = "k" + (i % 4);
            discrete[i] = i % 5;
        }
        Table smallTable = Table.of("s", DoubleColumn.of("num", small), BooleanColumn.of("flag", flags),
                StringColumn.of("kind", kinds), DoubleColumn.of("rating", discrete));

        DriftReport smallReport = Drift.between(smallTable, smallTable);
        DriftReport largeReport = Drift.between(Table.of("l", DoubleColumn.of("num", large)),
                Table.of("l", DoubleColumn.of("num", large)));

        assertThat(smallReport.column("num").test()).isEqualTo("ks");
        assertThat(smallReport.column("flag").test()).isEqualTo("z_test");
        assertThat(smallReport.column("kind").test()).isEqualTo("chi_squared");
        assertThat(smallReport.column("rating").test()).isEqualTo("chi_squared");
        assertThat(largeReport.column("num").test()).isEqualTo("wasserstein");
        assertThat(largeReport.column("num").threshold()).isEqualTo(0.1);
        assertThat(smallReport.drifted()).isFalse();
    }

    @Test
    void aForcedTestThatDoesNotFitIsInconclusive() {
        DriftReport report = Drift.between(Table.of("r", StringColumn.of("s", "a", "b")),
                Table.of("c", StringColumn.of("s", "a", "b")),
                DriftOptions.builder().test("s", DriftTest.KS).build());

        assertThat(report.column("s").message()).contains("needs a numeric column");
    }
}
