package io.github.mlhighway.lifecycle.core.data.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The decision rule with each number exactly on its bar: an adjusted p-value equal to alpha, an effect equal to the
 * threshold, a threshold exactly one sketch error bound from the effect, a drifted share equal to the drift share,
 * and the messages that say which side each fell on. Measurements are built by hand, so every number is exact.
 */
class DriftDeciderBoundariesTest {

    private static final DriftOptions NO_CORRECTION = DriftOptions.builder().correction(Correction.NONE).build();

    private static ColumnDriftEvaluator.Measurement ks(String column, double effect, double p, double bound) {
        return new ColumnDriftEvaluator.Measurement(column, DriftTest.KS, effect, p, effect, "ks", p, bound != 0,
                "", bound);
    }

    private static DriftReport decide(DriftOptions options, Object... results) {
        return new DriftDecider(options).decide(new ArrayList<>(List.of(results)));
    }

    private static ColumnDrift only(DriftOptions options, ColumnDriftEvaluator.Measurement m) {
        DriftReport report = decide(options, m);
        assertThat(report.columns()).hasSize(1);
        return report.columns().get(0);
    }

    @Test
    void anAdjustedPValueEqualToAlphaIsNotSignificant() {
        ColumnDrift atAlpha = only(NO_CORRECTION, ks("a", 0.2, 0.05, 0));
        assertThat(atAlpha.status()).isEqualTo(DriftStatus.NO_DRIFT);
        assertThat(atAlpha.message()).isEqualTo(
                "Column 'a' did not drift: ks_statistic 0.2000 >= 0.1000, ks p-value 0.0500 (adjusted 0.0500 >= "
                + "0.0500).");
        ColumnDrift below = only(NO_CORRECTION, ks("a", 0.2, Math.nextDown(0.05), 0));
        assertThat(below.status()).isEqualTo(DriftStatus.DRIFTED);
        assertThat(below.message()).isEqualTo(
                "Column 'a' drifted: ks_statistic 0.2000 >= 0.1000, ks p-value 0.0500 (adjusted 0.0500 < 0.0500).");
    }

    @Test
    void anEffectEqualToTheThresholdIsLargeEnough() {
        ColumnDrift at = only(NO_CORRECTION, ks("a", 0.1, 0.01, 0));
        assertThat(at.status()).isEqualTo(DriftStatus.DRIFTED);
        assertThat(at.drifted()).isTrue();
        assertThat(at.message()).isEqualTo(
                "Column 'a' drifted: ks_statistic 0.1000 >= 0.1000, ks p-value 0.0100 (adjusted 0.0100 < 0.0500).");
        // every number of the measurement reaches the column
        assertThat(at.column()).isEqualTo("a");
        assertThat(at.test()).isEqualTo("ks");
        assertThat(at.statistic()).isEqualTo(0.1);
        assertThat(at.pValue()).isEqualTo(0.01);
        assertThat(at.effect()).isEqualTo(0.1);
        assertThat(at.effectMeasure()).isEqualTo("ks_statistic");
        assertThat(at.threshold()).isEqualTo(0.1);
        assertThat(at.alpha()).isEqualTo(0.05);
        assertThat(at.significanceTest()).isEqualTo("ks");
        assertThat(at.significancePValue()).isEqualTo(0.01);
        assertThat(at.adjustedPValue()).isEqualTo(0.01);
        assertThat(at.fromSketches()).isFalse();
        assertThat(at.errorBound()).isEqualTo(0.0);
        assertThat(at.nonFiniteShare()).isEqualTo(0.0);
        assertThat(at.broken()).isFalse();

        ColumnDrift below = only(NO_CORRECTION, ks("a", Math.nextDown(0.1), 0.01, 0));
        assertThat(below.status()).isEqualTo(DriftStatus.NO_DRIFT);
        assertThat(below.drifted()).isFalse();
        assertThat(below.message()).isEqualTo(
                "Column 'a' did not drift: ks_statistic 0.1000 < 0.1000, ks p-value 0.0100 (adjusted 0.0100 < "
                + "0.0500).");
    }

    @Test
    void aThresholdExactlyOneErrorBoundAwayIsUndecided() {
        // 0.375, 0.25, 0.125 and 0.0625 are exact binary fractions: 0.375 - 0.25 = 0.25 - 0.125 = 0.125 exactly
        DriftOptions options = DriftOptions.builder().correction(Correction.NONE).threshold(DriftTest.KS, 0.25)
                .build();
        ColumnDrift above = only(options, ks("a", 0.375, 0.01, 0.125));
        assertThat(above.status()).isEqualTo(DriftStatus.INCONCLUSIVE);
        assertThat(above.errorBound()).isEqualTo(0.125);
        assertThat(above.fromSketches()).isTrue();
        assertThat(above.message()).isEqualTo(
                "Column 'a' is undecided within the error bound of its sketches: ks_statistic 0.3750 ± 0.1250 "
                + "(sketch error bound) around 0.2500, ks p-value 0.0100 (adjusted 0.0100 < 0.0500).");
        ColumnDrift belowThreshold = only(options, ks("a", 0.125, 0.01, 0.125));
        assertThat(belowThreshold.status()).isEqualTo(DriftStatus.INCONCLUSIVE);
        assertThat(belowThreshold.message()).contains("0.1250 ± 0.1250 (sketch error bound) around 0.2500");

        ColumnDrift clearlyAbove = only(options, ks("a", 0.5, 0.01, 0.125));
        assertThat(clearlyAbove.status()).isEqualTo(DriftStatus.DRIFTED);
        assertThat(clearlyAbove.message()).isEqualTo(
                "Column 'a' drifted: ks_statistic 0.5000 ± 0.1250 (sketch error bound) >= 0.2500, ks p-value 0.0100 "
                + "(adjusted 0.0100 < 0.0500).");
        ColumnDrift clearlyBelow = only(options, ks("a", 0.0625, 0.01, 0.125));
        assertThat(clearlyBelow.status()).isEqualTo(DriftStatus.NO_DRIFT);
        assertThat(clearlyBelow.message()).startsWith(
                "Column 'a' did not drift: ks_statistic 0.0625 ± 0.1250 (sketch error bound) < 0.2500,");

        // not significant: no drift, however close the effect is to the threshold
        ColumnDrift notSignificant = only(options, ks("a", 0.375, 0.5, 0.125));
        assertThat(notSignificant.status()).isEqualTo(DriftStatus.NO_DRIFT);
        assertThat(notSignificant.message()).isEqualTo(
                "Column 'a' did not drift: ks_statistic 0.3750 ± 0.1250 (sketch error bound) >= 0.2500, ks p-value "
                + "0.5000 (adjusted 0.5000 >= 0.0500).");
    }

    @Test
    void withoutAnErrorBoundAnEffectOnTheThresholdDecides() {
        DriftOptions options = DriftOptions.builder().correction(Correction.NONE).threshold(DriftTest.KS, 0.25)
                .build();
        ColumnDrift raw = only(options, ks("a", 0.25, 0.01, 0));
        assertThat(raw.status()).isEqualTo(DriftStatus.DRIFTED);
        assertThat(raw.errorBound()).isEqualTo(0.0);
        assertThat(raw.message()).isEqualTo(
                "Column 'a' drifted: ks_statistic 0.2500 >= 0.2500, ks p-value 0.0100 (adjusted 0.0100 < 0.0500).");
        ColumnDrift unknown = only(options, ks("a", 0.25, 0.01, Double.NaN));
        assertThat(unknown.status()).isEqualTo(DriftStatus.DRIFTED);
        assertThat(unknown.errorBound()).isNull();
        assertThat(unknown.message()).isEqualTo(
                "Column 'a' drifted: ks_statistic 0.2500 (from sketches, error bound unknown) >= 0.2500, ks p-value "
                + "0.0100 (adjusted 0.0100 < 0.0500).");
        DriftReport report = decide(options, ks("a", 0.125, 0.01, Double.NaN));
        // an unknown bound is no bound: the column is tested, not counted as uncertain
        assertThat(report.status()).isEqualTo(DriftStatus.NO_DRIFT);
        assertThat(report.testedColumns()).isEqualTo(1);
        assertThat(report.message()).isEqualTo(
                "No data set drift: 0 of 1 tested columns drifted (share 0.0000 < 0.5000, none correction at alpha "
                + "0.0500).");
    }

    @Test
    void aBrokenColumnDriftsWhateverItsNumbersAndMakesTheDataSetDrift() {
        ColumnDriftEvaluator.Measurement broken = ks("a", 0.0, 0.9, 0).withHealth(0.25, "non-finite share rose");
        DriftReport report = decide(NO_CORRECTION, broken, ks("b", 0.0, 0.9, 0), ks("c", 0.0, 0.9, 0));
        ColumnDrift a = report.columns().get(0);
        assertThat(a.status()).isEqualTo(DriftStatus.DRIFTED);
        assertThat(a.broken()).isTrue();
        assertThat(a.nonFiniteShare()).isEqualTo(0.25);
        assertThat(a.message()).isEqualTo(
                "Column 'a' broke: non-finite share rose; ks_statistic 0.0000 < 0.1000, ks p-value 0.9000 (adjusted "
                + "0.9000 >= 0.0500).");
        assertThat(report.columns().get(1).broken()).isFalse();
        assertThat(report.status()).isEqualTo(DriftStatus.DRIFTED);
        assertThat(report.driftedColumns()).isEqualTo(1);
        assertThat(report.testedColumns()).isEqualTo(3);
        assertThat(report.message()).isEqualTo(
                "Data set drifted: 1 of 3 tested columns drifted (share 0.3333 < 0.5000, none correction at alpha "
                + "0.0500); broken column(s), which make the data set drift: 'a'.");

        DriftReport two = decide(NO_CORRECTION, broken, ColumnDrift.broken("b", "missing", null),
                ks("c", 0.0, 0.9, 0), ks("d", 0.0, 0.9, 0), ks("e", 0.0, 0.9, 0));
        assertThat(two.status()).isEqualTo(DriftStatus.DRIFTED);
        assertThat(two.message()).endsWith("; broken column(s), which make the data set drift: 'a', 'b'.");
    }

    @Test
    void aPsiAtTheMajorShiftIsCalledMajor() {
        ColumnDriftEvaluator.Measurement major = new ColumnDriftEvaluator.Measurement("a", DriftTest.PSI, 0.25, null,
                0.25, "ks", 0.01, false, "", 0);
        ColumnDrift column = only(NO_CORRECTION, major);
        assertThat(column.pValue()).isNull();
        assertThat(column.test()).isEqualTo("psi");
        assertThat(column.message()).isEqualTo(
                "Column 'a' drifted: psi 0.2500 >= 0.1000 (a major PSI shift), ks p-value 0.0100 (adjusted 0.0100 < "
                + "0.0500).");
        ColumnDriftEvaluator.Measurement minor = new ColumnDriftEvaluator.Measurement("a", DriftTest.PSI,
                Math.nextDown(0.25), null, Math.nextDown(0.25), "ks", 0.01, false, "", 0);
        assertThat(only(NO_CORRECTION, minor).message()).doesNotContain("major");
        // a KS statistic of 0.25 is no PSI
        assertThat(only(NO_CORRECTION, ks("a", 0.25, 0.01, 0)).message()).doesNotContain("major");
    }

    @Test
    void aNoteEndsTheMessage() {
        ColumnDriftEvaluator.Measurement noted = new ColumnDriftEvaluator.Measurement("a", DriftTest.KS, 0.2, 0.01,
                0.2, "ks", 0.01, false, "3 values dropped", 0);
        assertThat(only(NO_CORRECTION, noted).message()).isEqualTo(
                "Column 'a' drifted: ks_statistic 0.2000 >= 0.1000, ks p-value 0.0100 (adjusted 0.0100 < 0.0500); "
                + "3 values dropped.");
    }

    @Test
    void nothingTestedIsInconclusive() {
        DriftReport empty = decide(NO_CORRECTION);
        assertThat(empty.status()).isEqualTo(DriftStatus.INCONCLUSIVE);
        assertThat(empty.columns()).isEmpty();
        assertThat(empty.testedColumns()).isZero();
        assertThat(empty.driftedColumns()).isZero();
        assertThat(empty.driftedShare()).isZero();
        assertThat(empty.message()).isEqualTo("No columns to compare.");

        ColumnDrift untestable = ColumnDrift.inconclusive("a", "Column 'a' has no values.");
        DriftReport none = decide(NO_CORRECTION, untestable);
        assertThat(none.status()).isEqualTo(DriftStatus.INCONCLUSIVE);
        assertThat(none.columns()).containsExactly(untestable);
        assertThat(none.testedColumns()).isZero();
        assertThat(none.driftedShare()).isZero();
        assertThat(none.message()).isEqualTo("No column could be tested; see each column.");
    }

    @Test
    void aSharedEqualToTheDriftShareDrifts() {
        DriftReport half = decide(NO_CORRECTION, ks("a", 0.2, 0.01, 0), ks("b", 0.0, 0.9, 0));
        assertThat(half.status()).isEqualTo(DriftStatus.DRIFTED);
        assertThat(half.testedColumns()).isEqualTo(2);
        assertThat(half.driftedColumns()).isEqualTo(1);
        assertThat(half.driftedShare()).isEqualTo(0.5);
        assertThat(half.driftShare()).isEqualTo(0.5);
        assertThat(half.correction()).isEqualTo(Correction.NONE);
        assertThat(half.alpha()).isEqualTo(0.05);
        assertThat(half.message()).isEqualTo(
                "Data set drifted: 1 of 2 tested columns drifted (share 0.5000 >= 0.5000, none correction at alpha "
                + "0.0500).");

        DriftReport third = decide(NO_CORRECTION, ks("a", 0.2, 0.01, 0), ks("b", 0.0, 0.9, 0), ks("c", 0.0, 0.9, 0));
        assertThat(third.status()).isEqualTo(DriftStatus.NO_DRIFT);
        assertThat(third.driftedShare()).isEqualTo(1.0 / 3);
        assertThat(third.message()).isEqualTo(
                "No data set drift: 1 of 3 tested columns drifted (share 0.3333 < 0.5000, none correction at alpha "
                + "0.0500).");
    }

    @Test
    void undecidedColumnsThatCouldReachTheShareLeaveTheDataSetUndecided() {
        DriftOptions options = DriftOptions.builder().correction(Correction.NONE).threshold(DriftTest.KS, 0.25)
                .build();
        ColumnDriftEvaluator.Measurement undecided = ks("u", 0.375, 0.01, 0.125);
        ColumnDriftEvaluator.Measurement quiet = ks("q", 0.0, 0.9, 0);
        ColumnDriftEvaluator.Measurement drifted = ks("d", 0.5, 0.01, 0);

        DriftReport reaches = decide(options, undecided, quiet);
        assertThat(reaches.status()).isEqualTo(DriftStatus.INCONCLUSIVE);
        assertThat(reaches.testedColumns()).isEqualTo(2);
        assertThat(reaches.driftedColumns()).isZero();
        assertThat(reaches.message()).isEqualTo(
                "Data set drift undecided: 0 of 2 tested columns drifted (share 0.0000 < 0.5000, none correction at "
                + "alpha 0.0500); 1 column(s) within the error bound of their sketches, enough to reach the share.");

        // one drifted and one undecided of four: 1/4 < 1/2, but (1 + 1)/4 reaches it exactly
        DriftReport together = decide(options, drifted, undecided, quiet, ks("q2", 0.0, 0.9, 0));
        assertThat(together.status()).isEqualTo(DriftStatus.INCONCLUSIVE);
        assertThat(together.driftedShare()).isEqualTo(0.25);
        assertThat(together.message()).isEqualTo(
                "Data set drift undecided: 1 of 4 tested columns drifted (share 0.2500 < 0.5000, none correction at "
                + "alpha 0.0500); 1 column(s) within the error bound of their sketches, enough to reach the share.");

        DriftReport short1 = decide(options, undecided, quiet, ks("q2", 0.0, 0.9, 0));
        assertThat(short1.status()).isEqualTo(DriftStatus.NO_DRIFT);
        assertThat(short1.message()).isEqualTo(
                "No data set drift: 0 of 3 tested columns drifted (share 0.0000 < 0.5000, none correction at alpha "
                + "0.0500); 1 column(s) within the error bound of their sketches.");

        // drifted by share already: the undecided column is reported, but not as reaching the share
        DriftReport byShare = decide(options, drifted, undecided);
        assertThat(byShare.status()).isEqualTo(DriftStatus.DRIFTED);
        assertThat(byShare.message()).isEqualTo(
                "Data set drifted: 1 of 2 tested columns drifted (share 0.5000 >= 0.5000, none correction at alpha "
                + "0.0500); 1 column(s) within the error bound of their sketches.");
    }

    @Test
    void untestableColumnsAreCountedApartAndKeepTheirPlace() {
        ColumnDrift untestable = ColumnDrift.inconclusive("b", "Column 'b' is missing from the reference.");
        DriftReport report = decide(NO_CORRECTION, ks("a", 0.2, 0.01, 0), untestable);
        assertThat(report.columns()).extracting(ColumnDrift::column).containsExactly("a", "b");
        assertThat(report.columns().get(1)).isSameAs(untestable);
        assertThat(report.testedColumns()).isEqualTo(1);
        assertThat(report.driftedColumns()).isEqualTo(1);
        assertThat(report.driftedShare()).isEqualTo(1.0);
        assertThat(report.status()).isEqualTo(DriftStatus.DRIFTED);
        assertThat(report.message()).isEqualTo(
                "Data set drifted: 1 of 1 tested columns drifted (share 1.0000 >= 0.5000, none correction at alpha "
                + "0.0500); 1 column(s) inconclusive.");
    }

    @Test
    void theCorrectionAdjustsOnlyTheMeasuredColumnsInTheirOrder() {
        ColumnDrift untestable = ColumnDrift.inconclusive("b", "Column 'b' has no values.");
        ColumnDriftEvaluator.Measurement a = ks("a", 0.2, 0.04, 0);
        ColumnDriftEvaluator.Measurement c = ks("c", 0.2, 0.01, 0);

        // Bonferroni over the two measured columns: 0.04 * 2 = 0.08, 0.01 * 2 = 0.02
        DriftReport bonferroni = decide(DriftOptions.builder().correction(Correction.BONFERRONI).build(), a,
                untestable, c);
        assertThat(bonferroni.columns().get(0).adjustedPValue()).isEqualTo(0.08);
        assertThat(bonferroni.columns().get(0).status()).isEqualTo(DriftStatus.NO_DRIFT);
        assertThat(bonferroni.columns().get(2).adjustedPValue()).isEqualTo(0.02);
        assertThat(bonferroni.columns().get(2).status()).isEqualTo(DriftStatus.DRIFTED);
        assertThat(bonferroni.correction()).isEqualTo(Correction.BONFERRONI);
        assertThat(bonferroni.message()).isEqualTo(
                "Data set drifted: 1 of 2 tested columns drifted (share 0.5000 >= 0.5000, bonferroni correction at "
                + "alpha 0.0500); 1 column(s) inconclusive.");

        // Benjamini-Hochberg: 0.04 is rank 2 of 2 (0.04 * 2 / 2 = 0.04), 0.01 rank 1 (0.01 * 2 / 1 = 0.02)
        DriftReport bh = decide(DriftOptions.defaults(), a, untestable, c);
        assertThat(bh.columns().get(0).adjustedPValue()).isEqualTo(0.04);
        assertThat(bh.columns().get(0).status()).isEqualTo(DriftStatus.DRIFTED);
        assertThat(bh.columns().get(2).adjustedPValue()).isEqualTo(0.02);
        assertThat(bh.message()).isEqualTo(
                "Data set drifted: 2 of 2 tested columns drifted (share 1.0000 >= 0.5000, benjamini-hochberg "
                + "correction at alpha 0.0500); 1 column(s) inconclusive.");
    }

    @Test
    void alphaAndTheDriftShareComeFromTheOptions() {
        DriftOptions options = DriftOptions.builder().correction(Correction.NONE).alpha(0.25).driftShare(1.0)
                .build();
        DriftReport report = decide(options, ks("a", 0.2, 0.2, 0), ks("b", 0.2, 0.25, 0));
        assertThat(report.columns().get(0).status()).isEqualTo(DriftStatus.DRIFTED);
        assertThat(report.columns().get(0).alpha()).isEqualTo(0.25);
        assertThat(report.columns().get(0).message()).endsWith("(adjusted 0.2000 < 0.2500).");
        assertThat(report.columns().get(1).status()).isEqualTo(DriftStatus.NO_DRIFT);
        assertThat(report.alpha()).isEqualTo(0.25);
        assertThat(report.driftShare()).isEqualTo(1.0);
        assertThat(report.status()).isEqualTo(DriftStatus.NO_DRIFT);
        assertThat(report.message()).isEqualTo(
                "No data set drift: 1 of 2 tested columns drifted (share 0.5000 < 1.0000, none correction at alpha "
                + "0.2500).");
    }
}
