package io.github.mlhighway.lifecycle.core.data.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.data.DoubleColumn;
import io.github.mlhighway.lifecycle.core.data.Table;
import io.github.mlhighway.lifecycle.core.data.profile.ProfileOptions;
import io.github.mlhighway.lifecycle.core.data.profile.Profiles;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Statistics computed from profiles (sketches) state how far they can be from the raw statistic, and a decision
 * inside that bound is INCONCLUSIVE instead of flipped (issue 17: PSI from profiles moved from 0.092 to 0.102 and
 * flipped the 0.1 decision; Wasserstein/std on lognormal data was off by up to 0.028).
 */
class SketchErrorBoundTest {

    private static final DriftOptions PSI = DriftOptions.builder().test("x", DriftTest.PSI).build();

    private static Table normal(int n, double shift, long seed) {
        Random random = new Random(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextGaussian() + shift;
        }
        return Table.of("t", DoubleColumn.of("x", values));
    }

    private static Table lognormal(int n, double scale, long seed) {
        Random random = new Random(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = scale * Math.exp(random.nextGaussian());
        }
        return Table.of("t", DoubleColumn.of("x", values));
    }

    /** The sketch statistic is within its bound of the raw one, and the decision is the raw one or undecided. */
    private static boolean agrees(ColumnDrift raw, ColumnDrift sketched) {
        assertThat(sketched.fromSketches()).isTrue();
        assertThat(sketched.errorBound()).isPositive();
        assertThat(Math.abs(sketched.effect() - raw.effect())).as(sketched.message())
                .isLessThanOrEqualTo(sketched.errorBound());
        assertThat(sketched.status()).as(sketched.message()).isIn(raw.status(), DriftStatus.INCONCLUSIVE);
        assertThat(sketched.message()).contains("± " + ColumnDriftEvaluator.format(sketched.errorBound()));
        return sketched.status() == raw.status();
    }

    @Test
    void psiFromProfilesNearTheThresholdNeverContradictsTheRawDecision() {
        Table reference = normal(20_000, 0, 1);
        int decided = 0;
        for (int k = 0; k <= 24; k++) {
            Table current = normal(20_000, 0.2 + 0.01 * k, 100 + k);
            ColumnDrift raw = Drift.between(reference, current, PSI).column("x");
            ColumnDrift sketched = Drift.between(Profiles.of(reference), Profiles.of(current), PSI).column("x");
            decided += agrees(raw, sketched) ? 1 : 0;
        }
        assertThat(decided).as("the default sketches decide away from the threshold").isGreaterThan(10);
    }

    @Test
    void wassersteinFromProfilesOfLognormalDataNeverContradictsTheRawDecision() {
        Table reference = lognormal(20_000, 1, 1);
        int decided = 0;
        for (int k = 0; k <= 24; k++) {
            Table current = lognormal(20_000, 1.0 + 0.02 * k, 100 + k);
            ColumnDrift raw = Drift.between(reference, current).column("x");
            ColumnDrift sketched = Drift.between(Profiles.of(reference), Profiles.of(current)).column("x");
            assertThat(raw.test()).isEqualTo("wasserstein");
            decided += agrees(raw, sketched) ? 1 : 0;
        }
        assertThat(decided).isGreaterThan(10);
    }

    @Test
    void withACoarseSketchAPsiJustOverTheThresholdIsUndecidedInsteadOfFlipped() {
        ProfileOptions coarse = ProfileOptions.builder().kllK(400).build();
        Table reference = normal(20_000, 0, 1);
        Table current = normal(20_000, 0.305, 111);

        ColumnDrift raw = Drift.between(reference, current, PSI).column("x");
        DriftReport fromProfiles = Drift.between(Profiles.of(reference, coarse), Profiles.of(current, coarse), PSI);
        ColumnDrift sketched = fromProfiles.column("x");

        assertThat(raw.effect()).isLessThan(0.1);
        assertThat(raw.status()).isEqualTo(DriftStatus.NO_DRIFT);
        // KLL compaction is random: from run to run this sketch's PSI lands either side of 0.1 (0.092 to 0.102 in
        // the issue), so without the bound the decision flipped; its guaranteed bound covers the threshold
        assertThat(sketched.errorBound()).isGreaterThan(Math.abs(sketched.effect() - 0.1));
        assertThat(sketched.status()).isEqualTo(DriftStatus.INCONCLUSIVE);
        assertThat(sketched.message()).contains("undecided within the error bound");
        assertThat(fromProfiles.status()).isEqualTo(DriftStatus.INCONCLUSIVE);
    }

    @Test
    void ksFromProfilesStatesTheRankErrorAsItsBound() {
        Table reference = normal(20_000, 0, 1);
        Table current = normal(20_000, 0.05, 2);
        DriftOptions ks = DriftOptions.builder().test("x", DriftTest.KS).build();

        ColumnDrift raw = Drift.between(reference, current, ks).column("x");
        ColumnDrift sketched = Drift.between(Profiles.of(reference), Profiles.of(current), ks).column("x");

        agrees(raw, sketched);
        assertThat(Drift.between(reference, current, ks).column("x").errorBound()).isZero();
    }
}
