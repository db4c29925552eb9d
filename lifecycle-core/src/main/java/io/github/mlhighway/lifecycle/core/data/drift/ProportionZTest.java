package io.github.mlhighway.lifecycle.core.data.drift;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The pooled two-proportion Z-test for a binary column:
 * {@code z = (p₁ − p₂) / √(p̂(1 − p̂)(1/n₁ + 1/n₂))} with the pooled proportion p̂, two-sided p-value from the
 * standard normal. The effect size is Cohen's h = |2·asin√p₁ − 2·asin√p₂| (0.2 small, 0.5 medium, 0.8 large).
 *
 * @since 0.1
 */
public final class ProportionZTest {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private ProportionZTest() {
    }

    /**
     * The outcome of a Z-test.
     *
     * @param statistic z
     * @param pValue    two-sided p-value
     * @param cohensH   effect size |h|
     */
    public record Result(double statistic, double pValue, double cohensH) {
    }

    /**
     * Tests whether two proportions differ.
     *
     * @param successesA successes in the reference
     * @param totalA     reference size, at least 1
     * @param successesB successes in the current data
     * @param totalB     current size, at least 1
     * @return the result; identical constant columns give z = 0 and p = 1
     * @throws IllegalArgumentException for an empty side or successes outside [0, total]
     */
    public static Result test(long successesA, long totalA, long successesB, long totalB) {
        if (totalA < 1 || totalB < 1 || successesA < 0 || successesB < 0 || successesA > totalA
                || successesB > totalB) {
            throw new IllegalArgumentException("Z-test needs 0 <= successes <= total and total >= 1, got "
                    + successesA + "/" + totalA + " and " + successesB + "/" + totalB);
        }
        double p1 = (double) successesA / totalA;
        double p2 = (double) successesB / totalB;
        double pooled = (double) (successesA + successesB) / (totalA + totalB);
        double h = Math.abs(2 * Math.asin(Math.sqrt(p1)) - 2 * Math.asin(Math.sqrt(p2)));
        double variance = pooled * (1 - pooled) * (1.0 / totalA + 1.0 / totalB);
        if (variance == 0) {
            return new Result(0.0, 1.0, h);
        }
        double z = (p1 - p2) / Math.sqrt(variance);
        double p = KsTest.clamp(2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z)));
        return new Result(z, p, h);
    }
}
