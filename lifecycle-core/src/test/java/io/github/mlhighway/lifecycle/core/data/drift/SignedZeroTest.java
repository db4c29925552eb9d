package io.github.mlhighway.lifecycle.core.data.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.data.DoubleColumn;
import io.github.mlhighway.lifecycle.core.data.Table;
import io.github.mlhighway.lifecycle.core.data.profile.Profiles;
import org.junit.jupiter.api.Test;

/**
 * {@code -0.0} and {@code 0.0} are one value for every test (issue 17): a column half zeros, identical on both
 * sides but for the sign of its zeros, has D = 0 and p = 1, as SciPy's {@code ks_2samp} says (it compares with
 * {@code <}, for which the two zeros are equal).
 */
class SignedZeroTest {

    private static double[] halfZeros(double zero) {
        double[] values = new double[400];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 2 == 0 ? zero : i;
        }
        return values;
    }

    @Test
    void ksSeesNoDifferenceBetweenNegativeAndPositiveZero() {
        KsTest.Result result = KsTest.exact(halfZeros(-0.0), halfZeros(0.0));

        assertThat(result.statistic()).isZero();
        assertThat(result.pValue()).isEqualTo(1.0);
    }

    @Test
    void aColumnHalfZerosWithFlippedSignsDoesNotDriftFromTablesOrProfiles() {
        Table reference = Table.of("r", DoubleColumn.of("x", halfZeros(0.0)));
        Table current = Table.of("c", DoubleColumn.of("x", halfZeros(-0.0)));

        for (DriftReport report : new DriftReport[] {Drift.between(reference, current),
            Drift.between(Profiles.of(reference), Profiles.of(current))}) {
            assertThat(report.column("x").statistic()).as(report.describe()).isZero();
            assertThat(report.column("x").significancePValue()).isEqualTo(1.0);
            assertThat(report.status()).isEqualTo(DriftStatus.NO_DRIFT);
        }
    }

    @Test
    void wassersteinAndTheCallersArrayAreUntouched() {
        double[] negative = halfZeros(-0.0);

        KsTest.exact(negative, halfZeros(0.0));

        assertThat(Double.doubleToRawLongBits(negative[0])).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(Wasserstein.exact(negative, halfZeros(0.0))).isZero();
    }
}
