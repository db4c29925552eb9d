package io.github.mlhighway.lifecycle.core.data.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.data.DoubleColumn;
import io.github.mlhighway.lifecycle.core.data.Table;
import io.github.mlhighway.lifecycle.core.data.profile.Profiles;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Statistics computed from profiles (sketches) state how far they can be from the raw statistic, and a decision
 * inside that bound is INCONCLUSIVE instead of flipped.
 */
class SketchErrorBoundTest {
    static final io.github.mlhighway.lifecycle.core.data.profile.ProfileOptions O =
            io.github.mlhighway.lifecycle.core.data.profile.ProfileOptions.builder().kllK(Integer.getInteger("k", 400)).build();

    private static Table normal(String name, int n, double shift, long seed) {
        Random random = new Random(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextGaussian() + shift;
        }
        return Table.of(name, DoubleColumn.of("x", values));
    }

    private static Table lognormal(String name, int n, double scale, long seed) {
        Random random = new Random(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = scale * Math.exp(random.nextGaussian());
        }
        return Table.of(name, DoubleColumn.of("x", values));
    }

    @Test
    void psiFromProfilesNearTheThresholdNeverContradictsTheRawDecision() {
        DriftOptions psi = DriftOptions.builder().test("x", DriftTest.PSI).build();
        Table reference = normal("reference", 20_000, 0, 1);
        for (int k = 0; k <= 20; k++) {
            double shift = 0.25 + 0.005 * k;
            Table current = normal("current", 20_000, shift, 100 + k);
            ColumnDrift raw = Drift.between(reference, current, psi).column("x");
            ColumnDrift sketched = Drift.between(Profiles.of(reference, O), Profiles.of(current, O), psi).column("x");
            System.out.printf("shift %.3f raw %.4f %s sketch %.4f ± %.4f %s%n", shift, raw.effect(), raw.status(),
                    sketched.effect(), sketched.errorBound(), sketched.status());
        }
    }

    @Test
    void wassersteinFromProfilesOfLognormalData() {
        Table reference = lognormal("reference", 20_000, 1, 1);
        for (int k = 0; k <= 20; k++) {
            double scale = 1.05 + 0.01 * k;
            Table current = lognormal("current", 20_000, scale, 100 + k);
            ColumnDrift raw = Drift.between(reference, current).column("x");
            ColumnDrift sketched = Drift.between(Profiles.of(reference, O), Profiles.of(current, O)).column("x");
            System.out.printf("scale %.3f raw %.4f %s sketch %.4f ± %.4f %s%n", scale, raw.effect(), raw.status(),
                    sketched.effect(), sketched.errorBound(), sketched.status());
        }
    }
}
