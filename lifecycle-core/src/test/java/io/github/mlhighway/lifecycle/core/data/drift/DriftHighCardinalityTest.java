package io.github.mlhighway.lifecycle.core.data.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.mlhighway.lifecycle.core.data.StringColumn;
import io.github.mlhighway.lifecycle.core.data.Table;
import io.github.mlhighway.lifecycle.core.data.profile.DatasetProfile;
import io.github.mlhighway.lifecycle.core.data.profile.Profiles;
import java.util.Random;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

/** Categorical drift on sparse and high-cardinality columns, and KS with ties. */
class DriftHighCardinalityTest {

    private static Table ids(String name, int n, java.util.function.IntFunction<String> id) {
        String[] values = new String[n];
        for (int i = 0; i < n; i++) {
            values[i] = id.apply(i);
        }
        return Table.of(name, StringColumn.of("id", values));
    }

    @Test
    void idsFromTheSameHighCardinalityPoolInProfilesNeverDrift() {
        Random random = new Random(1);
        int n = 200_000;
        Table reference = ids("r", n, i -> "id" + random.nextInt(n));
        Table current = ids("c", n, i -> "id" + random.nextInt(n));

        ColumnDrift column = Drift.between(Profiles.of(reference), Profiles.of(current)).column("id");

        assertThat(column.status()).isNotEqualTo(DriftStatus.DRIFTED);
        assertThat(column.status()).isEqualTo(DriftStatus.INCONCLUSIVE);
        assertThat(column.message()).contains("high-cardinality");
    }

    @Test
    void disjointHighCardinalityPoolsAreNeverASilentNoDrift() {
        int n = 20_000;
        Table reference = ids("r", n, i -> "u" + i);
        Table current = ids("c", n, i -> "v" + i);

        for (DriftReport report : new DriftReport[] {Drift.between(reference, current),
            Drift.between(Profiles.of(reference), Profiles.of(current))}) {
            ColumnDrift column = report.column("id");
            assertThat(column.status()).isNotEqualTo(DriftStatus.NO_DRIFT);
            assertThat(column.message()).isNotBlank();
            if (column.status() == DriftStatus.INCONCLUSIVE) {
                assertThat(column.message()).contains("high-cardinality");
            }
        }
    }

    @Test
    void aThousandReferenceIdsAgainstAThousandOtherIdsIsNotNoDrift() {
        // The review's case: χ² ≈ N with N − 1 df gave p ≈ 0.5 and a silent NO_DRIFT.
        ColumnDrift column = Drift.between(ids("r", 1000, i -> "u" + i), ids("c", 1000, i -> "v" + i))
                .column("id");

        assertThat(column.status()).isEqualTo(DriftStatus.INCONCLUSIVE);
        assertThat(column.message()).contains("high-cardinality").contains("distinct values in 1000 rows");
    }

    @Test
    void frequentCategoriesWithALongTailAreStillTestedFromProfiles() {
        // 70% of rows in 3 heavy categories, 30% in 60,000 one-off ids: the heavy hitters are reliable.
        Random random = new Random(7);
        int n = 200_000;
        String[] heavy = {"a", "b", "c"};
        Table reference = ids("r", n, i -> random.nextDouble() < 0.7 ? heavy[random.nextInt(3)] : "r" + i);
        Table current = ids("c", n, i -> random.nextDouble() < 0.7 ? heavy[random.nextInt(3)] : "c" + i);
        Table shifted = ids("s", n, i -> random.nextDouble() < 0.7 ? (random.nextDouble() < 0.8 ? "a" : "b")
                : "s" + i);

        DatasetProfile ref = Profiles.of(reference);
        ColumnDrift same = Drift.between(ref, Profiles.of(current)).column("id");
        ColumnDrift moved = Drift.between(ref, Profiles.of(shifted)).column("id");

        assertThat(same.status()).as(same.message()).isEqualTo(DriftStatus.NO_DRIFT);
        assertThat(moved.status()).as(moved.message()).isEqualTo(DriftStatus.DRIFTED);
    }

    @Test
    void chiSquaredOnATwoByKTableWithZeroCellsPoolsSparseCategories() {
        // Reference {a: 30, b: 30, c: 0, d: 2}, current {a: 30, b: 10, c: 20, d: 0}. Column totals 60, 40, 20, 2;
        // N = 122, rows 62 and 60. Expected for d = 2·60/122 < 5, so d is pooled into "other", which stays below 5
        // and is merged into the smallest cell c: cells a = (30, 30), b = (30, 10), c+d = (2, 20).
        // By hand: E = 62·60/122 = 30.4918, 60·60/122 = 29.5082, 62·40/122 = 20.3279, 60·40/122 = 19.6721,
        // 62·22/122 = 11.1803, 60·22/122 = 10.8197; χ² = Σ (O − E)²/E = 0.00793 + 0.00820 + 4.60206 + 4.75546
        // + 7.53810 + 7.78937 = 24.70112 with 2 df, whose p-value is exp(−χ²/2) = 4.33e-6 (closed form for 2 df).
        ChiSquaredTest.Result result = ChiSquaredTest.homogeneity(new long[] {30, 30, 0, 2},
                new long[] {30, 10, 20, 0});

        assertThat(result.degreesOfFreedom()).isEqualTo(2);
        assertThat(result.pooledCategories()).isEqualTo(2);
        assertThat(result.statistic()).isCloseTo(24.70112, within(1e-4));
        assertThat(result.pValue()).isCloseTo(4.3273e-6, within(1e-9));
        // With no sparse cells nothing is pooled: a zero cell with a large column total is kept.
        ChiSquaredTest.Result kept = ChiSquaredTest.homogeneity(new long[] {30, 30, 0}, new long[] {30, 10, 20});
        assertThat(kept.pooledCategories()).isZero();
        assertThat(kept.degreesOfFreedom()).isEqualTo(2);
    }

    @Test
    void chiSquaredWithTooFewObservationsPerCategoryIsRefused() {
        long[] a = new long[1000];
        long[] b = new long[1000];
        for (int i = 0; i < 500; i++) {
            a[i] = 1;
            b[500 + i] = 1;
        }
        assertThatThrownBy(() -> ChiSquaredTest.homogeneity(a, b)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected count");
    }

    @Test
    void ksWithTiesUsesTheExactPValueOfTheReportedStatistic() {
        // Identical tied samples: D = 0, and P(D >= 0) = 1 exactly.
        double[] x = new double[60];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 6;
        }
        KsTest.Result identical = KsTest.exact(x, x.clone());
        assertThat(identical.statistic()).isZero();
        assertThat(identical.pValue()).isEqualTo(1.0);

        // Property: the p-value always belongs to the reported D (the review found D = 0.178, p = 0.023 where
        // exactP(0.178, 90, 90) = 0.116 because Commons Math jittered the ties before computing p).
        Random random = new Random(1);
        KolmogorovSmirnovTest reference = new KolmogorovSmirnovTest();
        for (int trial = 0; trial < 200; trial++) {
            double[] a = new double[90];
            double[] b = new double[90];
            for (int i = 0; i < 90; i++) {
                a[i] = random.nextInt(7);
                b[i] = random.nextInt(7);
            }
            KsTest.Result result = KsTest.exact(a, b);
            assertThat(result.statistic()).isEqualTo(reference.kolmogorovSmirnovStatistic(a, b));
            assertThat(result.pValue()).isCloseTo(reference.exactP(result.statistic(), 90, 90, false),
                    within(1e-12));
        }
    }
}
