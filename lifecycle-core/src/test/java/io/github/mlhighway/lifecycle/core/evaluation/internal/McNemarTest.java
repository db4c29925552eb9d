package io.github.mlhighway.lifecycle.core.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** McNemar's test on known discordant tables. */
class McNemarTest {

    @Test
    void fewDiscordantRowsUseTheExactBinomialTest() {
        // b = 10, c = 2: p = 2 * P(X <= 2 | n = 12, 1/2) = 2 * (1 + 12 + 66) / 4096 = 158 / 4096.
        McNemarResult result = McNemar.test(10, 2);
        assertThat(result.exact()).isTrue();
        assertThat(result.pValue()).isCloseTo(158.0 / 4096, within(1e-12));
    }

    @Test
    void manyDiscordantRowsUseChiSquaredWithContinuityCorrection() {
        // b = 30, c = 12: chi2 = (|30 - 12| - 1)^2 / 42 = 289 / 42; p = erfc(sqrt(chi2 / 2)) = 0.0087119...
        McNemarResult result = McNemar.test(30, 12);
        assertThat(result.exact()).isFalse();
        assertThat(result.statistic()).isCloseTo(289.0 / 42, within(1e-12));
        assertThat(result.pValue()).isCloseTo(0.008711912962379598, within(1e-9));
    }

    @Test
    void noDiscordantRowsMeansNoEvidence() {
        assertThat(McNemar.test(0, 0).pValue()).isEqualTo(1.0);
        assertThat(McNemar.test(3, 3).pValue()).isEqualTo(1.0);
    }
}
