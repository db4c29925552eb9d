package io.github.mlhighway.lifecycle.core.data.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The two-proportion z-test at the smallest inputs it accepts: one row a side, none or all of them successes. */
class ProportionZBoundaryTest {

    @Test
    void oneRowASideWithNoneAndAllSuccesses() {
        // p1 = 0, p2 = 1, pooled 1/2: variance = 1/4 * (1 + 1) = 1/2, z = -1 / sqrt(1/2) = -sqrt(2);
        // p = 2 * scipy.stats.norm.cdf(-sqrt(2)) = 0.15729920705028516; Cohen's h = |2 asin(0) - 2 asin(1)| = pi.
        ProportionZTest.Result down = ProportionZTest.test(0, 1, 1, 1);
        assertThat(down.statistic()).isCloseTo(-Math.sqrt(2), within(1e-12));
        assertThat(down.pValue()).isCloseTo(0.15729920705028516, within(1e-12));
        assertThat(down.cohensH()).isCloseTo(Math.PI, within(1e-12));
        ProportionZTest.Result up = ProportionZTest.test(1, 1, 0, 1);
        assertThat(up.statistic()).isCloseTo(Math.sqrt(2), within(1e-12));
        assertThat(up.pValue()).isCloseTo(0.15729920705028516, within(1e-12));
        assertThat(up.cohensH()).isCloseTo(Math.PI, within(1e-12));
    }
}
