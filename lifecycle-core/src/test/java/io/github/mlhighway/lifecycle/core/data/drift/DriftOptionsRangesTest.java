package io.github.mlhighway.lifecycle.core.data.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The builder's documented ranges at their exact ends (the last value accepted and the first refused on each side),
 * the defaults, and the messages of the refusals.
 */
class DriftOptionsRangesTest {

    @Test
    void defaultsAreTheDocumentedConstants() {
        DriftOptions options = DriftOptions.defaults();
        assertThat(options.smallReferenceRows()).isEqualTo(1_000).isEqualTo(DriftOptions.DEFAULT_SMALL_REFERENCE_ROWS);
        assertThat(options.maxDiscreteValues()).isEqualTo(5).isEqualTo(DriftOptions.DEFAULT_MAX_DISCRETE_VALUES);
        assertThat(options.alpha()).isEqualTo(0.05).isEqualTo(DriftOptions.DEFAULT_ALPHA);
        assertThat(options.driftShare()).isEqualTo(0.5).isEqualTo(DriftOptions.DEFAULT_DRIFT_SHARE);
        assertThat(options.bins()).isEqualTo(30).isEqualTo(DriftOptions.DEFAULT_BINS);
        assertThat(options.maxNonFiniteShareIncrease()).isEqualTo(0.01)
                .isEqualTo(DriftOptions.DEFAULT_MAX_NON_FINITE_SHARE_INCREASE);
        assertThat(options.correction()).isEqualTo(Correction.BENJAMINI_HOCHBERG);
        for (DriftTest test : DriftTest.values()) {
            assertThat(options.threshold(test)).isEqualTo(test.defaultThreshold());
        }
        assertThat(options.threshold(DriftTest.Z_TEST)).isEqualTo(0.2);
        assertThat(options.testFor("any")).isEmpty();
        // a fresh builder starts from the same defaults
        DriftOptions built = DriftOptions.builder().build();
        assertThat(built.smallReferenceRows()).isEqualTo(1_000);
        assertThat(built.maxDiscreteValues()).isEqualTo(5);
        assertThat(built.alpha()).isEqualTo(0.05);
        assertThat(built.driftShare()).isEqualTo(0.5);
        assertThat(built.bins()).isEqualTo(30);
        assertThat(built.maxNonFiniteShareIncrease()).isEqualTo(0.01);
        assertThat(built.correction()).isEqualTo(Correction.BENJAMINI_HOCHBERG);
    }

    @Test
    void everySetterReturnsItsBuilderAndTheValueReachesTheOptions() {
        DriftOptions.Builder builder = DriftOptions.builder();
        assertThat(builder.smallReferenceRows(7)).isSameAs(builder);
        assertThat(builder.maxDiscreteValues(9)).isSameAs(builder);
        assertThat(builder.alpha(0.2)).isSameAs(builder);
        assertThat(builder.driftShare(0.75)).isSameAs(builder);
        assertThat(builder.bins(12)).isSameAs(builder);
        assertThat(builder.maxNonFiniteShareIncrease(0.3)).isSameAs(builder);
        assertThat(builder.correction(Correction.BONFERRONI)).isSameAs(builder);
        assertThat(builder.threshold(DriftTest.PSI, 0.4)).isSameAs(builder);
        assertThat(builder.test("age", DriftTest.WASSERSTEIN)).isSameAs(builder);
        DriftOptions options = builder.build();
        assertThat(options.smallReferenceRows()).isEqualTo(7);
        assertThat(options.maxDiscreteValues()).isEqualTo(9);
        assertThat(options.alpha()).isEqualTo(0.2);
        assertThat(options.driftShare()).isEqualTo(0.75);
        assertThat(options.bins()).isEqualTo(12);
        assertThat(options.maxNonFiniteShareIncrease()).isEqualTo(0.3);
        assertThat(options.correction()).isEqualTo(Correction.BONFERRONI);
        assertThat(options.threshold(DriftTest.PSI)).isEqualTo(0.4);
        assertThat(options.threshold(DriftTest.KS)).isEqualTo(0.1);
        assertThat(options.testFor("age")).contains(DriftTest.WASSERSTEIN);
        assertThat(options.testFor("height")).isEmpty();
        // later changes to the builder do not reach options already built
        builder.threshold(DriftTest.PSI, 0.9).test("age", DriftTest.KS).bins(3);
        assertThat(options.threshold(DriftTest.PSI)).isEqualTo(0.4);
        assertThat(options.testFor("age")).contains(DriftTest.WASSERSTEIN);
        assertThat(options.bins()).isEqualTo(12);
    }

    @Test
    void rowAndValueCountsStartAtZero() {
        assertThat(DriftOptions.builder().smallReferenceRows(0).build().smallReferenceRows()).isZero();
        assertThat(DriftOptions.builder().maxDiscreteValues(0).build().maxDiscreteValues()).isZero();
        assertThat(DriftOptions.builder().smallReferenceRows(Integer.MAX_VALUE).build().smallReferenceRows())
                .isEqualTo(Integer.MAX_VALUE);
        assertThatThrownBy(() -> DriftOptions.builder().smallReferenceRows(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("smallReferenceRows must be >= 0, was -1");
        assertThatThrownBy(() -> DriftOptions.builder().maxDiscreteValues(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxDiscreteValues must be >= 0, was -1");
    }

    @Test
    void alphaIsOpenAtBothEnds() {
        double justAboveZero = Math.nextUp(0.0);
        double justBelowOne = Math.nextDown(1.0);
        assertThat(DriftOptions.builder().alpha(justAboveZero).build().alpha()).isEqualTo(justAboveZero);
        assertThat(DriftOptions.builder().alpha(justBelowOne).build().alpha()).isEqualTo(justBelowOne);
        for (double refused : new double[] {0.0, -0.0, 1.0, -0.05, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> DriftOptions.builder().alpha(refused))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("alpha must be in (0, 1), was " + refused);
        }
    }

    @Test
    void driftShareIsOpenAtZeroAndClosedAtOne() {
        double justAboveZero = Math.nextUp(0.0);
        assertThat(DriftOptions.builder().driftShare(justAboveZero).build().driftShare()).isEqualTo(justAboveZero);
        assertThat(DriftOptions.builder().driftShare(1.0).build().driftShare()).isEqualTo(1.0);
        for (double refused : new double[] {0.0, -0.0, Math.nextUp(1.0), -0.5, Double.NaN}) {
            assertThatThrownBy(() -> DriftOptions.builder().driftShare(refused))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("driftShare must be in (0, 1], was " + refused);
        }
    }

    @Test
    void binsRunFromTwoToOneThousand() {
        assertThat(DriftOptions.builder().bins(2).build().bins()).isEqualTo(2);
        assertThat(DriftOptions.builder().bins(1000).build().bins()).isEqualTo(1000);
        for (int refused : new int[] {1, 1001, 0, -3}) {
            assertThatThrownBy(() -> DriftOptions.builder().bins(refused))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("bins must be in [2, 1000], was " + refused);
        }
    }

    @Test
    void nonFiniteShareIncreaseIsClosedAtBothEnds() {
        assertThat(DriftOptions.builder().maxNonFiniteShareIncrease(0.0).build().maxNonFiniteShareIncrease())
                .isZero();
        assertThat(DriftOptions.builder().maxNonFiniteShareIncrease(1.0).build().maxNonFiniteShareIncrease())
                .isEqualTo(1.0);
        for (double refused : new double[] {Math.nextDown(0.0), Math.nextUp(1.0), Double.NaN}) {
            assertThatThrownBy(() -> DriftOptions.builder().maxNonFiniteShareIncrease(refused))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("maxNonFiniteShareIncrease must be in [0, 1], was " + refused);
        }
    }

    @Test
    void thresholdsAreFiniteAndNonNegative() {
        assertThat(DriftOptions.builder().threshold(DriftTest.KS, 0.0).build().threshold(DriftTest.KS)).isZero();
        assertThat(DriftOptions.builder().threshold(DriftTest.KS, Double.MAX_VALUE).build().threshold(DriftTest.KS))
                .isEqualTo(Double.MAX_VALUE);
        for (double refused : new double[] {Math.nextDown(0.0), -1.0, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY}) {
            assertThatThrownBy(() -> DriftOptions.builder().threshold(DriftTest.HELLINGER, refused))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("threshold for hellinger must be finite and >= 0, was " + refused);
        }
        assertThatThrownBy(() -> DriftOptions.builder().threshold(null, 0.1))
                .isInstanceOf(NullPointerException.class).hasMessage("test");
    }

    @Test
    void nullsAreRefusedByName() {
        assertThatThrownBy(() -> DriftOptions.builder().correction(null))
                .isInstanceOf(NullPointerException.class).hasMessage("correction");
        assertThatThrownBy(() -> DriftOptions.builder().test(null, DriftTest.KS))
                .isInstanceOf(NullPointerException.class).hasMessage("column");
        assertThatThrownBy(() -> DriftOptions.builder().test("age", null))
                .isInstanceOf(NullPointerException.class).hasMessage("test");
    }
}
