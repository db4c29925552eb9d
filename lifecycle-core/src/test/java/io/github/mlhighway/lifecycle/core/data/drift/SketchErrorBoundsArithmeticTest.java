package io.github.mlhighway.lifecycle.core.data.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.DoublesSortedView;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;
import org.junit.jupiter.api.Test;

/**
 * {@link SketchErrorBounds} against numbers worked out from its documented definitions: the binned bound is the
 * largest distance between the stated divergence and the corner maximum or the tangent-plane minimum over the box
 * p ± dp, q ± dq (proportions clipped to [floor, 1]); the Wasserstein bound of a side is
 * ∫₀¹ Q̂(min(1, u + ε)) − Q̂(max(0, u − ε)) du on the sketch's step quantile function, here integrated numerically.
 */
class SketchErrorBoundsArithmeticTest {

    private static final double[] NONE = {0.0, 0.0};

    @Test
    void hellingerAroundEqualProportions() {
        // value 0; corners (0.4 or 0.6, 0.5) give (sqrt 0.5 - sqrt 0.4)^2 / 2 per bin at most, summed over the two
        // bins (sqrt 0.5 - sqrt 0.4)^2; the gradient is 0 at p = q, so the low end is 0: bound sqrt 0.5 - sqrt 0.4
        double bound = SketchErrorBounds.binned(DriftTest.HELLINGER, new double[] {0.5, 0.5},
                new double[] {0.5, 0.5}, new double[] {0.1, 0.1}, NONE);
        assertThat(bound).isCloseTo(Math.sqrt(0.5) - Math.sqrt(0.4), within(1e-15));
        assertThat(bound).isCloseTo(0.07465124915287169, within(1e-15));
    }

    @Test
    void hellingerOfSwappedProportions() {
        // value: 2 * (0.8 - 0.6)^2 / 2 = 0.04, distance 0.2; corners over (0.64 ± 0.04, 0.36 ± 0.01) and the swapped
        // bin sum to 0.05607739325432612, the tangent planes to 0.025416666666666688: the lower side is farther,
        // 0.2 - sqrt(0.025416666666666688)
        double bound = SketchErrorBounds.binned(DriftTest.HELLINGER, new double[] {0.64, 0.36},
                new double[] {0.36, 0.64}, new double[] {0.04, 0.04}, new double[] {0.01, 0.01});
        assertThat(bound).isCloseTo(0.2 - Math.sqrt(0.025416666666666688), within(1e-12));
        assertThat(bound).isCloseTo(0.0405739460857584, within(1e-12));
    }

    @Test
    void jensenShannon() {
        // divergence 0.033822075568605205, corners 0.055040509246490024, tangents 0.015173568325434234: the lower
        // side is farther
        double bound = SketchErrorBounds.binned(DriftTest.JENSEN_SHANNON, new double[] {0.5, 0.5},
                new double[] {0.25, 0.75}, new double[] {0.05, 0.05}, new double[] {0.02, 0.02});
        assertThat(bound).isCloseTo(0.06072675211779577, within(1e-12));
        assertThat(bound).isCloseTo(Math.sqrt(0.033822075568605205) - Math.sqrt(0.015173568325434234),
                within(1e-12));
    }

    @Test
    void jensenShannonWhereTheTangentPlaneDecides() {
        // proportions away from 1/2 (so that ln(2x / (x + y)) and ln(2x (x + y)) differ in size): divergence
        // 0.28343763551033835, corners 0.35694153606996454, tangent planes 0.1963681043402375; the lower side is
        // farther, so the gradient sets the bound: sqrt(0.2834...) - sqrt(0.1964...)
        double bound = SketchErrorBounds.binned(DriftTest.JENSEN_SHANNON, new double[] {0.3, 0.7},
                new double[] {0.97, 0.03}, new double[] {0.02, 0.02}, new double[] {0.05, 0.05});
        assertThat(bound).isCloseTo(Math.sqrt(0.28343763551033835) - Math.sqrt(0.1963681043402375), within(1e-12));
        assertThat(bound).isCloseTo(0.08925420435487763, within(1e-12));
    }

    @Test
    void jensenShannonWithAnEmptyReferenceBin() {
        // the empty bin has no gradient (its tangent bound is 0) and contributes 0 ln 0 = 0 for its empty side:
        // divergence 0.07488176162235434, corners 0.0864640022197603, tangents 0 (the empty bin's term 0.1 ln 2 / 2
        // is the largest part of the divergence), so the lower side is farther: sqrt(0.0748...) - 0
        double bound = SketchErrorBounds.binned(DriftTest.JENSEN_SHANNON, new double[] {0, 0.5, 0.5},
                new double[] {0.2, 0.4, 0.4}, new double[] {0, 0.05, 0.05}, new double[] {0.01, 0.01, 0.01});
        assertThat(bound).isCloseTo(0.2736453208486386, within(1e-12));
        assertThat(bound).isCloseTo(Math.sqrt(0.07488176162235434), within(1e-12));
    }

    @Test
    void psiIsNotASquareRoot() {
        // PSI 0.2746530721670274 = 0.25 ln 2 + 0.25 ln 1.5 ... (sum of (q - p) ln(q / p)); corners 0.4508742084437394,
        // tangents 0.12108354529359294: bound max(0.4509 - 0.2747, 0.2747 - 0.1211)
        double bound = SketchErrorBounds.binned(DriftTest.PSI, new double[] {0.5, 0.5}, new double[] {0.25, 0.75},
                new double[] {0.05, 0.05}, new double[] {0.02, 0.02});
        assertThat(bound).isCloseTo(0.4508742084437394 - 0.2746530721670274, within(1e-12));
        assertThat(bound).isCloseTo(0.176221136276712, within(1e-12));
    }

    @Test
    void psiFloorsAnEmptyBinAtOneInTenThousand() {
        // the empty reference bin counts as 1e-4: (0.2 - 1e-4) ln(0.2 / 1e-4) = 1.5187... of the PSI 1.5640491119253042
        double bound = SketchErrorBounds.binned(DriftTest.PSI, new double[] {0, 0.5, 0.5},
                new double[] {0.2, 0.4, 0.4}, new double[] {0, 0.05, 0.05}, new double[] {0.01, 0.01, 0.01});
        assertThat(bound).isCloseTo(1.715677374229951 - 1.5640491119253042, within(1e-12));
        assertThat(bound).isCloseTo(0.15162826230464677, within(1e-12));
    }

    @Test
    void psiClipsTheBoxToTheFloorAndOne() {
        // q ± 0.6 runs past both ends: the box is [1e-4, 1] for q, and p = 0.02 - 0.05 is floored at 1e-4; the
        // corner (1e-4, 1) alone gives (1 - 1e-4) ln(1e4) = 9.2094; every tangent bound is below 0
        double bound = SketchErrorBounds.binned(DriftTest.PSI, new double[] {0.02, 0.98}, new double[] {0.5, 0.5},
                new double[] {0.05, 0.05}, new double[] {0.6, 0.6});
        assertThat(bound).isCloseTo(18.41883867587797 - 1.8680737430931005, within(1e-11));
        assertThat(bound).isCloseTo(16.550764932784872, within(1e-11));
    }

    @Test
    void withoutErrorsThereIsNoBound() {
        double[] p = {0.2, 0.3, 0.5};
        double[] q = {0.3, 0.3, 0.4};
        double[] zero = {0, 0, 0};
        for (DriftTest test : new DriftTest[] {DriftTest.PSI, DriftTest.JENSEN_SHANNON, DriftTest.HELLINGER}) {
            assertThat(SketchErrorBounds.binned(test, p, q, zero, zero)).isCloseTo(0.0, within(1e-15));
        }
        assertThat(SketchErrorBounds.uniform(3, 0.25)).containsExactly(0.25, 0.25, 0.25);
        assertThat(SketchErrorBounds.uniform(0, 0.25)).isEmpty();
    }

    @Test
    void wassersteinOfExactSketchesIsTheDistanceWithoutBound() {
        // one unit apart at every rank
        double[] shifted = SketchErrorBounds.wasserstein(sketch(1, 2, 3, 4), sketch(2, 3, 4, 5));
        assertThat(shifted[0]).isCloseTo(1.0, within(1e-15));
        assertThat(shifted[1]).isZero();
        // {0, 1} against {0, 0, 3}: the quantile functions differ by 1 on (1/2, 2/3] and by 2 on (2/3, 1]:
        // 1/6 + 2/3 = 5/6, whichever side comes first
        assertThat(SketchErrorBounds.wasserstein(sketch(0, 1), sketch(0, 0, 3))[0]).isCloseTo(5.0 / 6,
                within(1e-15));
        assertThat(SketchErrorBounds.wasserstein(sketch(0, 0, 3), sketch(0, 1))[0]).isCloseTo(5.0 / 6,
                within(1e-15));
        assertThat(SketchErrorBounds.wasserstein(sketch(7), sketch(7))).containsExactly(0.0, 0.0);
    }

    @Test
    void wassersteinBoundOfAnEstimatingSketchIsItsQuantileSpread() {
        Random random = new Random(19);
        KllDoublesSketch estimating = KllDoublesSketch.newHeapInstance(20);
        for (int i = 0; i < 20_000; i++) {
            estimating.update(-Math.log(1 - random.nextDouble()) * 3 + 10);
        }
        assertThat(estimating.isEstimationMode()).isTrue();
        KllDoublesSketch exact = sketch(10, 11, 12, 20);
        double eps = KsTest.rankError(estimating);
        assertThat(eps).isGreaterThan(0.01).isLessThan(0.5);

        double[] result = SketchErrorBounds.wasserstein(estimating, exact);
        DoublesSortedView a = estimating.getSortedView();
        DoublesSortedView b = exact.getSortedView();
        int grid = 400_000;
        double spread = 0;
        double distance = 0;
        for (int k = 0; k < grid; k++) {
            double u = (k + 0.5) / grid;
            spread += quantile(a, Math.min(1, u + eps)) - quantile(a, Math.max(0, u - eps));
            distance += Math.abs(quantile(a, u) - quantile(b, u));
        }
        spread /= grid;
        distance /= grid;
        double range = estimating.getMaxItem() - estimating.getMinItem();
        // the midpoint rule is off by at most the range times twice the grid step
        assertThat(result[1]).isCloseTo(spread, within(4 * range / grid));
        assertThat(result[0]).isCloseTo(distance, within(4 * range / grid));
        // the exact side adds nothing: the bound is the same with the sides swapped
        double[] swapped = SketchErrorBounds.wasserstein(exact, estimating);
        assertThat(swapped[1]).isCloseTo(result[1], within(1e-9));
        assertThat(swapped[0]).isCloseTo(result[0], within(1e-9));
    }

    private static double quantile(DoublesSortedView view, double rank) {
        return view.getQuantile(rank, QuantileSearchCriteria.INCLUSIVE);
    }

    private static KllDoublesSketch sketch(double... values) {
        KllDoublesSketch sketch = KllDoublesSketch.newHeapInstance();
        for (double value : values) {
            sketch.update(value);
        }
        return sketch;
    }
}
