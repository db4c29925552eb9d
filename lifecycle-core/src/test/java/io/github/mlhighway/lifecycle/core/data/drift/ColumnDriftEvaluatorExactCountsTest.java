package io.github.mlhighway.lifecycle.core.data.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.mlhighway.lifecycle.core.data.DoubleColumn;
import io.github.mlhighway.lifecycle.core.data.StringColumn;
import io.github.mlhighway.lifecycle.core.data.Table;
import io.github.mlhighway.lifecycle.core.data.profile.Profiles;
import org.junit.jupiter.api.Test;

/**
 * Exact inputs say so: from raw values, or from profiles whose categories are all counted exactly, a column is not
 * "from sketches", has an error bound of 0 and no note about approximation, pooling or widening; and the
 * Wasserstein distance is divided by the reference's population standard deviation.
 */
class ColumnDriftEvaluatorExactCountsTest {

    private static String[] twoValues(int n, int bs) {
        String[] values = new String[n];
        for (int i = 0; i < n; i++) {
            values[i] = i < bs ? "b" : "a";
        }
        return values;
    }

    private static String[] threeValues(int n, int shift) {
        String[] values = new String[n];
        for (int i = 0; i < n; i++) {
            values[i] = String.valueOf((char) ('a' + (i + (i < shift ? 1 : 0)) % 3));
        }
        return values;
    }

    @Test
    void exactCategoriesAreNotApproximated() {
        Table reference = Table.of("r", StringColumn.of("bin", twoValues(200, 100)),
                StringColumn.of("tri", threeValues(200, 0)));
        Table current = Table.of("c", StringColumn.of("bin", twoValues(200, 120)),
                StringColumn.of("tri", threeValues(200, 60)));
        for (DriftReport report : new DriftReport[] {Drift.between(reference, current),
                Drift.between(Profiles.of(reference), Profiles.of(current))}) {
            ColumnDrift bin = report.column("bin");
            assertThat(bin.test()).isEqualTo("z_test");
            assertThat(bin.fromSketches()).isFalse();
            assertThat(bin.errorBound()).isEqualTo(0.0);
            assertThat(bin.message()).contains("; proportion of 'b'").doesNotContain("approximated")
                    .doesNotContain("no error bound");
            ColumnDrift tri = report.column("tri");
            assertThat(tri.test()).isEqualTo("chi_squared");
            assertThat(tri.fromSketches()).isFalse();
            assertThat(tri.errorBound()).isEqualTo(0.0);
            assertThat(tri.message()).doesNotContain("approximated").doesNotContain("no error bound")
                    .doesNotContain("pooled").endsWith(").");
        }
    }

    @Test
    void rawKsIsNotWidened() {
        double[] reference = new double[50];
        double[] current = new double[50];
        for (int i = 0; i < 50; i++) {
            reference[i] = i + 1;
            current[i] = i + 1.5;
        }
        ColumnDrift ks = Drift.between(Table.of("r", DoubleColumn.of("x", reference)),
                Table.of("c", DoubleColumn.of("x", current))).column("x");
        assertThat(ks.test()).isEqualTo("ks");
        assertThat(ks.message()).doesNotContain("widened");
        assertThat(ks.fromSketches()).isFalse();
    }

    @Test
    void wassersteinIsInReferenceStandardDeviations() {
        // 1..50 against 1.5..50.5: every quantile is 0.5 apart, W = 0.5; the population standard deviation of
        // 1..50 is sqrt((50^2 - 1) / 12) = sqrt(208.25)
        double[] reference = new double[50];
        double[] current = new double[50];
        for (int i = 0; i < 50; i++) {
            reference[i] = i + 1;
            current[i] = i + 1.5;
        }
        ColumnDrift w = Drift.between(Table.of("r", DoubleColumn.of("x", reference)),
                Table.of("c", DoubleColumn.of("x", current)),
                DriftOptions.builder().test("x", DriftTest.WASSERSTEIN).build()).column("x");
        assertThat(w.test()).isEqualTo("wasserstein");
        assertThat(w.effect()).isCloseTo(0.5 / Math.sqrt(208.25), within(1e-12));
        assertThat(w.errorBound()).isEqualTo(0.0);
    }
}
