package io.github.mlhighway.lifecycle.core.data.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.mlhighway.lifecycle.core.data.DoubleColumn;
import io.github.mlhighway.lifecycle.core.data.StringColumn;
import io.github.mlhighway.lifecycle.core.data.Table;
import org.junit.jupiter.api.Test;

/**
 * The column evaluator at its edges: a non-finite share rising exactly by the allowed amount, shares printed below
 * a tenth of a percent, a reference exactly as large as {@link DriftOptions#smallReferenceRows()}, forced tests
 * that do not fit the column, and the reference-quantile bins.
 */
class ColumnDriftEvaluatorEdgesTest {

    /** 1, 2, ..., n with the first {@code nan} values replaced by NaN. */
    private static double[] ramp(int n, int nan, double shift) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = i < nan ? Double.NaN : i + 1 + shift;
        }
        return values;
    }

    private static ColumnDrift x(double[] reference, double[] current, DriftOptions options) {
        return Drift.between(Table.of("r", DoubleColumn.of("x", reference)),
                Table.of("c", DoubleColumn.of("x", current)), options).column("x");
    }

    @Test
    void aRiseOfExactlyTheAllowedShareIsNotBroken() {
        DriftOptions defaults = DriftOptions.defaults();
        // 1 of 100 current values NaN, none in the reference: a rise of exactly 0.01
        ColumnDrift atLimit = x(ramp(100, 0, 0), ramp(100, 1, 0), defaults);
        assertThat(atLimit.broken()).isFalse();
        assertThat(atLimit.nonFiniteShare()).isEqualTo(0.01);
        ColumnDrift over = x(ramp(100, 0, 0), ramp(100, 2, 0), defaults);
        assertThat(over.broken()).isTrue();
        assertThat(over.status()).isEqualTo(DriftStatus.DRIFTED);
        assertThat(over.message()).contains("broke: 2.0% of its current values are NaN or infinite (left out of the "
                + "test), 0.0% in the reference: a rise of 2.0% > 1.0%;");
        // 1% in the reference, 2% now: the rise is the difference, 0.02 - 0.01 = 0.01, not more
        ColumnDrift fromOne = x(ramp(100, 1, 0), ramp(100, 2, 0), defaults);
        assertThat(fromOne.broken()).isFalse();
        assertThat(fromOne.nonFiniteShare()).isEqualTo(0.02);
        ColumnDrift fromOneToThree = x(ramp(100, 1, 0), ramp(100, 3, 0), defaults);
        assertThat(fromOneToThree.broken()).isTrue();
        assertThat(fromOneToThree.message()).contains("3.0% of its current values are NaN or infinite (left out of "
                + "the test), 1.0% in the reference: a rise of 2.0% > 1.0%;");
    }

    @Test
    void sharesBelowATenthOfAPercentKeepThreeSignificantDigits() {
        DriftOptions strict = DriftOptions.builder().maxNonFiniteShareIncrease(0).build();
        ColumnDrift tiny = x(ramp(2000, 0, 0), ramp(2000, 1, 0), strict);
        assertThat(tiny.broken()).isTrue();
        assertThat(tiny.message()).contains("0.0500% of its current values are NaN or infinite (left out of the "
                + "test), 0.0% in the reference: a rise of 0.0500% > 0.0%;");
        ColumnDrift tenth = x(ramp(1000, 0, 0), ramp(1000, 1, 0), strict);
        assertThat(tenth.message()).contains("0.1% of its current values are NaN or infinite (left out of the "
                + "test), 0.0% in the reference: a rise of 0.1% > 0.0%;");
        assertThat(ColumnDriftEvaluator.percent(0.0)).isEqualTo("0.0%");
        assertThat(ColumnDriftEvaluator.percent(0.001)).isEqualTo("0.1%");
        assertThat(ColumnDriftEvaluator.percent(0.0005)).isEqualTo("0.0500%");
        assertThat(ColumnDriftEvaluator.percent(0.25)).isEqualTo("25.0%");
    }

    @Test
    void numbersBelowAThousandthKeepThreeSignificantDigits() {
        assertThat(ColumnDriftEvaluator.format(0.0)).isEqualTo("0.0000");
        assertThat(ColumnDriftEvaluator.format(0.001)).isEqualTo("0.0010");
        assertThat(ColumnDriftEvaluator.format(Math.nextDown(0.001))).isEqualTo("0.00100");
        assertThat(ColumnDriftEvaluator.format(-0.0005)).isEqualTo("-0.000500");
        assertThat(ColumnDriftEvaluator.format(0.12345)).isEqualTo("0.1235");
    }

    @Test
    void aReferenceExactlyAsLargeAsTheSmallLimitIsTested() {
        double[] reference = ramp(50, 0, 0);
        double[] current = ramp(50, 0, 0.5);
        assertThat(x(reference, current, DriftOptions.builder().smallReferenceRows(50).build()).test())
                .isEqualTo("ks");
        assertThat(x(reference, current, DriftOptions.builder().smallReferenceRows(49).build()).test())
                .isEqualTo("wasserstein");
    }

    @Test
    void forcedTestsThatDoNotFitTheColumnAreInconclusive() {
        String[] abc = new String[60];
        for (int i = 0; i < abc.length; i++) {
            abc[i] = String.valueOf((char) ('a' + i % 3));
        }
        Table reference = Table.of("r", StringColumn.of("s", abc), DoubleColumn.of("x", ramp(60, 0, 0)));
        Table current = Table.of("c", StringColumn.of("s", abc), DoubleColumn.of("x", ramp(60, 0, 0.25)));

        DriftReport zOnThree = Drift.between(reference, current,
                DriftOptions.builder().test("s", DriftTest.Z_TEST).test("x", DriftTest.Z_TEST).build());
        assertThat(zOnThree.column("s").status()).isEqualTo(DriftStatus.INCONCLUSIVE);
        assertThat(zOnThree.column("s").message()).isEqualTo(
                "Column 's' has 3 distinct values; z_test needs a binary column");
        assertThat(zOnThree.column("x").message()).isEqualTo(
                "Column 'x' has many distinct values; z_test needs a binary column");

        DriftReport chiOnContinuous = Drift.between(reference, current,
                DriftOptions.builder().test("x", DriftTest.CHI_SQUARED).test("s", DriftTest.KS).build());
        assertThat(chiOnContinuous.column("x").status()).isEqualTo(DriftStatus.INCONCLUSIVE);
        assertThat(chiOnContinuous.column("x").message()).isEqualTo("Column 'x' has too many distinct values for "
                + "chi_squared; use ks, wasserstein, psi, jensen_shannon or hellinger");
        assertThat(chiOnContinuous.column("s").status()).isEqualTo(DriftStatus.INCONCLUSIVE);
        assertThat(chiOnContinuous.column("s").message()).endsWith("; ks needs a numeric column");
    }

    @Test
    void aForcedKsOnASmallNumericDomainComparesTheValuesNotTheCategories() {
        // three distinct values: by default a categorical column, but KS was asked for
        double[] reference = {1, 1, 1, 2, 2, 2, 3, 3, 3, 3};
        double[] current = {1, 2, 2, 3, 3, 3, 3, 3, 3, 3};
        ColumnDrift chosen = x(reference, current, DriftOptions.defaults());
        assertThat(chosen.test()).isIn("chi_squared", "ks");
        ColumnDrift forced = x(reference, current, DriftOptions.builder().test("x", DriftTest.KS).build());
        assertThat(forced.test()).isEqualTo("ks");
        assertThat(forced.status()).isNotEqualTo(DriftStatus.INCONCLUSIVE);
        // the CDFs differ most at 2: 6/10 against 3/10
        assertThat(forced.statistic()).isCloseTo(0.3, within(1e-12));
    }

    @Test
    void binsAreCutAtTheReferenceQuantiles() {
        // two bins cut at the reference median 50: the reference is half and half, the current (51..150) all in
        // the upper bin, so PSI = (1e-4 - 0.5) ln(1e-4 / 0.5) + (1 - 0.5) ln(1 / 0.5) with the empty bin floored
        DriftOptions twoBins = DriftOptions.builder().bins(2).test("x", DriftTest.PSI).build();
        ColumnDrift psi = x(ramp(100, 0, 0), ramp(100, 0, 50), twoBins);
        assertThat(psi.test()).isEqualTo("psi");
        assertThat(psi.effect()).isCloseTo((1e-4 - 0.5) * Math.log(1e-4 / 0.5) + 0.5 * Math.log(2), within(1e-12));
        assertThat(psi.effect()).isCloseTo(4.60431846666895, within(1e-12));
    }
}
