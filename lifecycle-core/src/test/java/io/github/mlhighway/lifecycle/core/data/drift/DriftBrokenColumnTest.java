package io.github.mlhighway.lifecycle.core.data.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.data.DoubleColumn;
import io.github.mlhighway.lifecycle.core.data.StringColumn;
import io.github.mlhighway.lifecycle.core.data.Table;
import io.github.mlhighway.lifecycle.core.data.csv.CsvOptions;
import io.github.mlhighway.lifecycle.core.data.csv.CsvTables;
import io.github.mlhighway.lifecycle.core.data.profile.Profiles;
import io.github.mlhighway.lifecycle.gate.Outcome;
import java.io.StringReader;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A column that was comparable in the reference and is not in the current data is a problem of the data set,
 * never a silent "no drift" (issue 17): all NaN, all null, turned to text, renamed, or half infinite.
 */
class DriftBrokenColumnTest {

    private static double[] gaussian(int n, double shift, long seed) {
        Random random = new Random(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextGaussian() + shift;
        }
        return values;
    }

    /** Two stable columns and the column under test; only that one breaks. */
    private static Table table(String name, DoubleColumn... extra) {
        DoubleColumn[] columns = new DoubleColumn[extra.length + 2];
        columns[0] = DoubleColumn.of("stable1", gaussian(300, 0, 1));
        columns[1] = DoubleColumn.of("stable2", gaussian(300, 0, 2));
        System.arraycopy(extra, 0, columns, 2, extra.length);
        return Table.of(name, columns);
    }

    private static void assertBroken(DriftReport report, String column, String why) {
        assertThat(report.column(column).broken()).as(report.describe()).isTrue();
        assertThat(report.column(column).message()).contains(why);
        assertThat(report.status()).isEqualTo(DriftStatus.DRIFTED);
        assertThat(report.message()).startsWith("Data set drifted").contains("'" + column + "'");
        assertThat(report.toVerdict(Instant.EPOCH).outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void aColumnThatTurnsAllNanBreaksTheDataSetFromTablesAndFromProfiles() {
        double[] nan = new double[300];
        Arrays.fill(nan, Double.NaN);
        Table reference = table("r", DoubleColumn.of("x", gaussian(300, 0, 3)));
        Table current = table("c", DoubleColumn.of("x", nan));

        assertBroken(Drift.between(reference, current), "x", "all 300 current values are NaN or infinite");
        assertBroken(Drift.between(Profiles.of(reference), Profiles.of(current)), "x", "NaN or infinite");
    }

    @Test
    void aColumnThatTurnsAllNullBreaksTheDataSet() {
        DoubleColumn.Builder nulls = DoubleColumn.builder("x");
        for (int i = 0; i < 300; i++) {
            nulls.addNull();
        }
        Table reference = table("r", DoubleColumn.of("x", gaussian(300, 0, 3)));
        Table current = table("c", nulls.build());

        assertBroken(Drift.between(reference, current), "x", "every current value is null");
        assertBroken(Drift.between(Profiles.of(reference), Profiles.of(current)), "x", "every current value is null");
    }

    @Test
    void anAllNullColumnReadFromCsvIsTextButStillBreaks() {
        Table reference = CsvTables.read(new StringReader("a,x\n1,1.5\n2,2.5\n3,3.5\n"), "r.csv", CsvOptions.defaults());
        Table current = CsvTables.read(new StringReader("a,x\n1,\n2,\n3,\n"), "c.csv", CsvOptions.defaults());

        DriftReport report = Drift.between(reference, current);

        assertThat(report.column("x").broken()).isTrue();
        assertThat(report.status()).isEqualTo(DriftStatus.DRIFTED);
    }

    @Test
    void aNumericColumnTurnedToTextBreaksTheDataSet() {
        Table reference = Table.of("r", DoubleColumn.of("stable", gaussian(300, 0, 1)),
                DoubleColumn.of("x", gaussian(300, 0, 3)));
        String[] text = new String[300];
        Arrays.fill(text, "n/a");
        text[0] = "12.5 kg";
        Table current = Table.of("c", DoubleColumn.of("stable", gaussian(300, 0, 1)), StringColumn.of("x", text));

        assertBroken(Drift.between(reference, current), "x", "DOUBLE in the reference but STRING in the current");
    }

    @Test
    void aRenamedColumnBreaksTheDataSet() {
        Table reference = table("r", DoubleColumn.of("x", gaussian(300, 0, 3)));
        Table current = table("c", DoubleColumn.of("x_renamed", gaussian(300, 0, 3)));

        DriftReport report = Drift.between(reference, current);

        assertBroken(report, "x", "in the reference but not in the current data");
        assertThat(report.column("x_renamed").status()).isEqualTo(DriftStatus.INCONCLUSIVE);
    }

    @Test
    void halfInfiniteValuesBreakTheColumnAndTheShareIsReported() {
        double[] half = gaussian(300, 0, 3);
        for (int i = 0; i < half.length; i += 2) {
            half[i] = Double.POSITIVE_INFINITY;
        }
        Table reference = table("r", DoubleColumn.of("x", gaussian(300, 0, 3)));
        Table current = table("c", DoubleColumn.of("x", half));

        for (DriftReport report : new DriftReport[] {Drift.between(reference, current),
            Drift.between(Profiles.of(reference), Profiles.of(current))}) {
            assertBroken(report, "x", "50.0% of its current values are NaN or infinite");
            assertThat(report.column("x").nonFiniteShare()).isEqualTo(0.5);
            assertThat(report.column("x").test()).as("the finite half is still tested").isNotNull();
            assertThat(report.describe()).contains("BROKEN").contains("50.0%");
        }
    }

    @Test
    void theNonFiniteGateCanBeLoosened() {
        double[] some = gaussian(300, 0, 3);
        for (int i = 0; i < 15; i++) {
            some[i * 20] = Double.NaN;
        }
        Table reference = table("r", DoubleColumn.of("x", gaussian(300, 0, 3)));
        Table current = table("c", DoubleColumn.of("x", some));

        DriftReport strict = Drift.between(reference, current);
        DriftReport loose = Drift.between(reference, current, DriftOptions.builder()
                .maxNonFiniteShareIncrease(0.10).build());

        assertThat(strict.column("x").broken()).isTrue();
        assertThat(loose.column("x").broken()).isFalse();
        assertThat(loose.column("x").nonFiniteShare()).isEqualTo(0.05);
        assertThat(loose.status()).isEqualTo(DriftStatus.NO_DRIFT);
    }

    @Test
    void oneLowercaseNanCellNoLongerHidesAThreeStandardDeviationShift() {
        StringBuilder reference = new StringBuilder("x\n");
        StringBuilder current = new StringBuilder("x\n");
        double[] base = gaussian(200, 0, 5);
        double[] shifted = gaussian(200, 3, 6);
        for (int i = 0; i < 200; i++) {
            reference.append(base[i]).append('\n');
            current.append(i == 100 ? "nan" : Double.toString(shifted[i])).append('\n');
        }
        Table ref = CsvTables.read(new StringReader(reference.toString()), "r.csv", CsvOptions.defaults());
        Table cur = CsvTables.read(new StringReader(current.toString()), "c.csv", CsvOptions.defaults());

        DriftReport report = Drift.between(ref, cur);

        assertThat(cur.column("x").type().isNumeric()).isTrue();
        assertThat(report.column("x").drifted()).isTrue();
        assertThat(report.column("x").broken()).isFalse();
        assertThat(report.column("x").nonFiniteShare()).isEqualTo(0.005);
    }

    @Test
    void aColumnWithoutValuesInTheReferenceStaysMerelyInconclusive() {
        double[] nan = new double[300];
        Arrays.fill(nan, Double.NaN);
        Table reference = table("r", DoubleColumn.of("x", nan));
        Table current = table("c", DoubleColumn.of("x", gaussian(300, 0, 3)));

        DriftReport report = Drift.between(reference, current);

        assertThat(report.column("x").status()).isEqualTo(DriftStatus.INCONCLUSIVE);
        assertThat(report.column("x").broken()).isFalse();
        assertThat(report.status()).isEqualTo(DriftStatus.NO_DRIFT);
    }
}
