package io.github.mlhighway.lifecycle.core.data.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.mlhighway.lifecycle.core.data.profile.ProfileOptions;
import java.util.Random;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.junit.jupiter.api.Test;

/** Each expected number is computed independently: by hand, from a closed form or from a published example. */
class DriftReferenceValuesTest {

    @Test
    void ksOnFullySeparatedSamplesHasDOneAndTheExactPermutationPValue() {
        // D = 1. Exact two-sided p: only 2 of the C(10,5) = 252 equally likely orderings reach D = 1 (all x before
        // all y, or all after), so p = 2/252 = 0.0079365 (SciPy ks_2samp(method="exact") gives the same).
        KsTest.Result result = KsTest.exact(new double[] {1, 2, 3, 4, 5}, new double[] {6, 7, 8, 9, 10});

        assertThat(result.statistic()).isEqualTo(1.0);
        assertThat(result.pValue()).isCloseTo(2.0 / 252, within(1e-9));
    }

    @Test
    void ksOnInterleavedSamplesHasTheStatisticComputedByHand() {
        // x = {1,3,5,7}, y = {2,4,6,8}: F_x − F_y peaks at 1/4 after each x (by hand), so D = 0.25.
        // p-value: D ≤ 0.25 is the most common outcome, p = P(D >= 0.25) = 1 for n = m = 4 (every ordering has D ≥ 1/4).
        KsTest.Result result = KsTest.exact(new double[] {1, 3, 5, 7}, new double[] {2, 4, 6, 8});

        assertThat(result.statistic()).isCloseTo(0.25, within(1e-12));
        assertThat(result.pValue()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void ksWithTiesAcrossSamplesUsesTheUnjitteredStatistic() {
        // x = {0,1,1,1}, y = {1,1,1,2}: by hand F_x − F_y = 1/4 on [0, 1) and on [1, 2) (the tie at 1 is kept, not
        // broken by jitter), so D = 0.25. p = P(D >= 1/4) under the continuous null for n = m = 4 is 1: the first
        // observation alone puts the two ECDFs 1/4 apart in every ordering (as in the interleaved case above;
        // SciPy ks_2samp(method="exact") gives 1.0 too). Commons Math's jittered test reported 0.7714 here. With
        // ties the true null distribution of D is smaller, so this continuous-null p-value is conservative.
        KsTest.Result result = KsTest.exact(new double[] {0, 1, 1, 1}, new double[] {1, 1, 1, 2});

        assertThat(result.statistic()).isCloseTo(0.25, within(1e-12));
        assertThat(result.pValue()).isCloseTo(1.0, within(1e-9));
        // x = {0,0,1,1}, y = {1,1,2,2}: D = 1/2 by hand; of the C(8,4) = 70 lattice paths, 2^4 = 16 stay within
        // |i − j| <= 1 (each diagonal point offers two orders), so p = P(D >= 1/2) = 1 − 16/70 = 54/70.
        KsTest.Result half = KsTest.exact(new double[] {0, 0, 1, 1}, new double[] {1, 1, 2, 2});
        assertThat(half.statistic()).isCloseTo(0.5, within(1e-12));
        assertThat(half.pValue()).isCloseTo(54.0 / 70, within(1e-9));
    }

    @Test
    void chiSquaredOnATwoByTwoTableMatchesTheClosedForm() {
        // Table [[10, 20], [20, 10]]: every expected count is 15, χ² = 4 · 5²/15 = 6.6667 with 1 df;
        // p = erfc(√(χ²/2)) = erfc(1.825742) = 0.0098232; Cramér's V = √(6.6667/60) = 0.33333.
        ChiSquaredTest.Result result = ChiSquaredTest.homogeneity(new long[] {10, 20}, new long[] {20, 10});

        assertThat(result.statistic()).isCloseTo(20.0 / 3, within(1e-9));
        assertThat(result.degreesOfFreedom()).isEqualTo(1);
        assertThat(result.pValue()).isCloseTo(0.0098232, within(1e-6));
        assertThat(result.cramersV()).isCloseTo(1.0 / 3, within(1e-9));
    }

    @Test
    void wassersteinOfAShiftIsTheShift() {
        // SciPy's documented example: wasserstein_distance([0, 1, 3], [5, 6, 8]) = 5.0 (a pure translation by 5).
        assertThat(Wasserstein.exact(new double[] {0, 1, 3}, new double[] {5, 6, 8})).isCloseTo(5.0, within(1e-12));
        // By hand: {0,0,1} vs {0,1,1}: the CDFs differ by 1/3 on [0, 1), so W = 1/3.
        assertThat(Wasserstein.exact(new double[] {0, 0, 1}, new double[] {0, 1, 1})).isCloseTo(1.0 / 3,
                within(1e-12));
    }

    @Test
    void jensenShannonMatchesSciPysDocumentedExamples() {
        // scipy.spatial.distance.jensenshannon([1.0, 0.0], [0.5, 0.5]) = 0.46450140402245893 (natural log);
        // disjoint distributions reach the maximum √ln 2 = 0.8325546.
        assertThat(Divergences.jensenShannon(new double[] {1, 0}, new double[] {0.5, 0.5}))
                .isCloseTo(0.46450140402245893, within(1e-12));
        assertThat(Divergences.jensenShannon(new double[] {1, 0, 0}, new double[] {0, 1, 0}))
                .isCloseTo(Math.sqrt(Math.log(2)), within(1e-12));
    }

    @Test
    void hellingerAndPsiMatchHandComputations() {
        // H([0.5, 0.5], [1, 0]) = √(1 − √0.5) = 0.5411961; disjoint → 1.
        assertThat(Divergences.hellinger(new double[] {0.5, 0.5}, new double[] {1, 0}))
                .isCloseTo(Math.sqrt(1 - Math.sqrt(0.5)), within(1e-12));
        assertThat(Divergences.hellinger(new double[] {1, 0}, new double[] {0, 1})).isCloseTo(1.0, within(1e-12));
        // PSI([0.5, 0.5], [0.25, 0.75]) = (−0.25)·ln 0.5 + 0.25·ln 1.5 = 0.2746531.
        assertThat(Divergences.psi(new double[] {0.5, 0.5}, new double[] {0.25, 0.75}))
                .isCloseTo(-0.25 * Math.log(0.5) + 0.25 * Math.log(1.5), within(1e-12));
    }

    @Test
    void theZTestMatchesTheTextbookFormula() {
        // 40/100 vs 60/100: pooled p = 0.5, SE = √(0.25 · 0.02) = 0.0707107, z = −0.2/0.0707107 = −2.828427;
        // two-sided p = erfc(2.828427/√2) = 0.0046777; Cohen's h = |2 asin √0.4 − 2 asin √0.6| = 0.4027158.
        ProportionZTest.Result result = ProportionZTest.test(40, 100, 60, 100);

        assertThat(result.statistic()).isCloseTo(-2.828427, within(1e-6));
        assertThat(result.pValue()).isCloseTo(0.0046777, within(1e-6));
        assertThat(result.cohensH()).isCloseTo(0.4027158, within(1e-6));
    }

    @Test
    void benjaminiHochbergAdjustsAsTheStepUpProcedure() {
        // p = (0.01, 0.04, 0.03, 0.5), m = 4: sorted 0.01, 0.03, 0.04, 0.5 → p·m/rank = 0.04, 0.06, 0.0533, 0.5,
        // then the running minimum from the top: 0.04, 0.0533, 0.0533, 0.5.
        double[] adjusted = Correction.BENJAMINI_HOCHBERG.adjust(new double[] {0.01, 0.04, 0.03, 0.5});

        assertThat(adjusted).containsExactly(new double[] {0.04, 0.16 / 3, 0.16 / 3, 0.5}, within(1e-12));
        assertThat(Correction.BONFERRONI.adjust(new double[] {0.01, 0.4})).containsExactly(0.02, 0.8);
    }

    @Test
    void sketchBasedKsAtOneHundredThousandValuesIsWithinOneHundredthOfExact() {
        Random random = new Random(42);
        double[] a = new double[100_000];
        double[] b = new double[100_000];
        KllDoublesSketch sa = KllDoublesSketch.newHeapInstance(ProfileOptions.DEFAULT_KLL_K);
        KllDoublesSketch sb = KllDoublesSketch.newHeapInstance(ProfileOptions.DEFAULT_KLL_K);
        for (int i = 0; i < a.length; i++) {
            a[i] = random.nextGaussian();
            b[i] = random.nextGaussian() * 1.1 + 0.05;
            sa.update(a[i]);
            sb.update(b[i]);
        }

        KsTest.Result exact = KsTest.exact(a, b);
        KsTest.Result sketch = KsTest.fromSketches(sa, sb);

        // KLL compaction is randomized (not seeded), so the sketch numbers vary run to run. At the profiles'
        // default k = 400, 300 rebuilds of these sketches gave |D_sketch - D| <= 0.0068 and |W_sketch - W| <= 0.008
        // (the bound KLL guarantees for D is eps1 + eps2, about 0.0136 at 99% confidence each).
        assertThat(sketch.rankError()).isGreaterThan(0);
        assertThat(sketch.statistic()).isCloseTo(exact.statistic(), within(0.01));
        assertThat(sketch.statistic()).isCloseTo(exact.statistic(), within(sketch.rankError()));
        assertThat(sketch.pValue()).isGreaterThanOrEqualTo(exact.pValue());
        assertThat(Wasserstein.fromSketches(sa, sb)).isCloseTo(Wasserstein.exact(a, b), within(0.015));
    }
}
